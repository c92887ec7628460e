from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "masthead.languages"
    verbose_name = "Languages"
