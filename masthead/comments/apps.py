from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "masthead.comments"
    verbose_name = "Readers' comments"
