from django.urls import path

from masthead.ingest import views

app_name = "wire_desk"
urlpatterns = [
    path("", views.import_start, name="import_start"),
    path("<int:pk>/", views.import_report, name="import_report"),
    path("<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("<int:pk>/cancel/", views.import_cancel, name="import_cancel"),
]
