"""With settings.H5P_ORIGIN set, the H5P host answers only the player frame, its package files
and the player's static files; everything else there is 404 (the admin, login, pages...). The
site's own host in turn never serves the frame or package files."""

from django.conf import settings
from django.http import HttpResponseNotFound

from .frame import FRAME_STATIC, PLAYER_STATIC, h5p_host

PLAY_PREFIX = "/h5p/play/"


class H5POriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = h5p_host()
        if host:
            path = request.path_info
            on_h5p_host = request.get_host().lower() == host
            allowed = (
                PLAY_PREFIX,
                settings.STATIC_URL + PLAYER_STATIC,
                settings.STATIC_URL + FRAME_STATIC,
            )
            if on_h5p_host and not path.startswith(allowed):
                return HttpResponseNotFound(b"", content_type="text/plain")
            if not on_h5p_host and path.startswith(PLAY_PREFIX):
                return HttpResponseNotFound(b"", content_type="text/plain")
        return self.get_response(request)
