from django.apps import AppConfig


class DistributionConfig(AppConfig):
    name = "masthead.distribution"
    verbose_name = "Distribution"
