from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "masthead.ingest"
    verbose_name = "Wire and imports"
