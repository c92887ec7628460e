from django.urls import path, register_converter

from . import views, workflow_views


class FourDigitYear:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


register_converter(FourDigitYear, "yyyy")

app_name = "newsroom"
urlpatterns = [
    path("", views.home, name="home"),
    path("archive/", views.archive, name="archive"),
    path("corrections/", workflow_views.corrections, name="corrections"),
    path("preview/<str:token>/", workflow_views.article_preview, name="preview"),
    path("tag/<slug:slug>/", views.tag_detail, name="tag"),
    path("author/<slug:slug>/", views.author_detail, name="author"),
    path(
        "<slug:section>/<yyyy:year>/<str:month>/<str:day>/<slug:slug>/",
        views.article_detail,
        name="article",
    ),
    path("<slug:slug>/", views.section_detail, name="section"),
]
