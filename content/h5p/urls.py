from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("xapi/<int:module_id>/<int:package_id>/", views.xapi_statement, name="xapi"),
    path("<int:package_id>", views.package_root, name="package-root"),
    path("<int:package_id>/<path:member>", views.package_file, name="file"),
]
