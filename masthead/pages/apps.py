from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The newspaper's standing pages: About, Contact, Staff, Ethics, Privacy, Terms."""

    name = "masthead.pages"
    verbose_name = "Standing pages"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import Page
        from .signals import page_changed

        post_save.connect(page_changed, sender=Page, dispatch_uid="masthead.pages.saved")
        post_delete.connect(page_changed, sender=Page, dispatch_uid="masthead.pages.deleted")
