from django.apps import AppConfig


class PhotosConfig(AppConfig):
    name = "masthead.photos"
    verbose_name = "Photos"
