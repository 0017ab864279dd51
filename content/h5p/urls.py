from django.urls import path

from . import frame_views, views

app_name = "h5p"

urlpatterns = [
    path("xapi/<int:module_id>/<int:package_id>/", views.xapi_statement, name="xapi"),
    # The player frame and the package files, under a capability token (content/h5p/frame.py);
    # with H5P_ORIGIN set they answer only on that host (content/h5p/middleware.py).
    path("play/<str:token>/", frame_views.play, name="play"),
    path("play/<str:token>/p/<path:member>", frame_views.play_file, name="play-file"),
    # The xAPI object id of a package; nothing is served here.
    path("<int:package_id>", views.package_root, name="package-root"),
]
