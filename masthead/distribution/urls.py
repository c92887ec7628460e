from django.urls import path, re_path
from django.views.generic import RedirectView

from . import views

app_name = "distribution"
urlpatterns = [
    re_path(r"^feeds/(?P<fmt>rss|atom|json)/$", views.feed, name="site_feed"),
    re_path(
        r"^feeds/(?P<kind>section|tag|author)/(?P<slug>[-a-zA-Z0-9_]+)/(?P<fmt>rss|atom|json)/$",
        views.feed,
        name="feed",
    ),
    # Where blog platforms keep their feed: readers that guess it find ours.
    path(
        "feed/",
        RedirectView.as_view(pattern_name="distribution:site_feed", permanent=True),
        {"fmt": "rss"},
    ),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", views.sitemap, name="sitemap"),
]
