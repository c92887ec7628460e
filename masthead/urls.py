from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from masthead import views
from masthead.languages.urls import reader_patterns
from masthead.newsroom.two_factor import StaffLoginForm, newsroom_admits, two_step_setup

admin.site.site_header = "Masthead newsroom"
admin.site.site_title = "Masthead newsroom"
admin.site.index_title = "Stories, people and photos"
# Password, then the two-step code for staff who turned it on (required for all with
# MASTHEAD_REQUIRE_2FA).
admin.site.login_form = StaffLoginForm
admin.site.has_permission = newsroom_admits

# Staff password reset by email; the name admin_password_reset shows the admin login page's
# "Forgotten your password?" link. Django's views answer the same for unknown addresses.
password_reset_urls = [
    path(
        "newsroom/password-reset/",
        auth_views.PasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "newsroom/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "newsroom/password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "newsroom/password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("newsroom/wire-desk/", include("masthead.ingest.urls")),
    *password_reset_urls,
    path("newsroom/two-step/", two_step_setup, name="newsroom_two_step"),
    path("newsroom/", admin.site.urls),
    path("comments/", include("masthead.comments.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]
if settings.SERVE_MEDIA:
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{prefix}(?P<path>.*)$", views.media_file, name="media"))
urlpatterns += [
    # Reader pages: the default language's at the root, the others' under /<code>/. Feeds
    # are per language; the sitemaps answer at the root only, for every language.
    *reader_patterns(
        path("", include("masthead.distribution.urls")),
        path("search/", include("masthead.search.urls")),
        path("", include("masthead.pages.urls")),
        path("", include("masthead.newsroom.urls")),
    ),
]


handler400 = "masthead.views.bad_request"
handler403 = "masthead.views.permission_denied"
handler404 = "masthead.views.page_not_found"
handler500 = "masthead.views.server_error"
