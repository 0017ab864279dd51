"""The H5P player frame: where it is served from, the capability token that opens it, and the
Content-Security-Policy it and every package file get.

H5P content (library JavaScript included) never runs with the site's authority:
- The module page embeds `<iframe sandbox="allow-scripts">` (never `allow-same-origin`, and the
  frame's own CSP repeats `sandbox allow-scripts`), so the frame is an opaque origin whatever
  URL it comes from: no cookies, no storage, no access to the parent's DOM, no forms, no
  popups, no top navigation.
- With `settings.H5P_ORIGIN` set (a second host name), the frame page and the package files are
  served only on that host, which no cookie of the site ever reaches (cookies are host-only).
- No session reaches the frame, so a signed token in the URL (bound to the user, module and
  package, short-lived) authorises the frame page and every package file below it.
- The frame reports xAPI statements to the parent page with postMessage; the parent checks the
  sender and posts them to the xAPI endpoint on the site origin, with CSRF.
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.templatetags.static import static
from django.urls import reverse

FRAME_SALT = "content.h5p.frame"
# Tokens are stamped with the start of a 15-minute window, so reloading a module page within
# it gives the same URLs and the browser's cache serves the package again (slow ward links);
# a token opens the frame and its files for two hours after its window started.
FRAME_WINDOW = 15 * 60
FRAME_MAX_AGE = 2 * 60 * 60
# The sandbox of the player frame, in the page and in the frame's own CSP. Never add
# allow-same-origin: the frame would then share the site's origin when H5P_ORIGIN is empty.
SANDBOX = "allow-scripts"
PLAYER_STATIC = "vendor/h5p-standalone/dist/"
FRAME_STATIC = "content/h5p/"


def frame_origin():
    """The origin the player frame is served from, as a CSP source expression: for the
    site-wide policy's `frame-src` (the sandboxed frame keeps its URL's origin for that)."""
    return settings.H5P_ORIGIN or "'self'"


def separate_origin():
    """True when H5P content has a host of its own (settings.H5P_ORIGIN)."""
    return bool(settings.H5P_ORIGIN)


def h5p_host():
    """host[:port] of H5P_ORIGIN, as Request.get_host() gives it; None without H5P_ORIGIN."""
    if not settings.H5P_ORIGIN:
        return None
    return urlsplit(settings.H5P_ORIGIN).netloc.lower()


def request_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def frame_base(request):
    """Scheme and host the frame is loaded from, seen from the page that embeds it."""
    return settings.H5P_ORIGIN or request_origin(request)


class _WindowSigner(signing.TimestampSigner):
    def timestamp(self):
        now = int(time.time())
        return signing.b62_encode(now - now % FRAME_WINDOW)


def make_frame_token(user, package_id, module_id, parent_origin, *, preview=False):
    """`module_id` may be 0 for the preview of a page never saved."""
    value = [user.pk, int(package_id), int(module_id or 0), bool(preview), parent_origin]
    return _WindowSigner(salt=FRAME_SALT).sign_object(value, compress=True)


class FrameGrant:
    """What a valid token says: who, which package, which module, preview or not, and the
    origin of the page allowed to frame the player and receive its messages."""

    def __init__(self, value):
        self.user_id, self.package_id, self.module_id, self.preview, self.parent_origin = value


def read_frame_token(token):
    """The FrameGrant of a genuine, unexpired token, else None."""
    if not token or len(token) > 400:
        return None
    try:
        value = _WindowSigner(salt=FRAME_SALT).unsign_object(token, max_age=FRAME_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None
    if (
        not isinstance(value, list)
        or len(value) != 5
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value[:3])
        or not isinstance(value[3], bool)
        or not isinstance(value[4], str)
    ):
        return None
    return FrameGrant(value)


def frame_url(request, user, package_id, module_id, *, preview=False):
    token = make_frame_token(user, package_id, module_id, request_origin(request), preview=preview)
    return frame_base(request) + reverse("h5p:play", args=[token])


def files_url(token):
    """Site-relative URL of the package root under a token (h5p-standalone appends paths)."""
    return reverse("h5p:play-file", args=[token, "h5p.json"]).rsplit("/", 1)[0]


def _absolute(base, url):
    return url if urlsplit(url).scheme else base + url


def frame_policy(request, token, parent_origin):
    """CSP of the frame page: scripts only from the player's static files and this token's
    package files, fetches only to the package, no forms, framed only by the site's page."""
    base = request_origin(request)
    files = base + files_url(token) + "/"
    player = _absolute(base, static(PLAYER_STATIC))
    own = _absolute(base, static(FRAME_STATIC))
    assets = f"{files} {player} {own}"
    return "; ".join(
        [
            f"sandbox {SANDBOX}",
            "default-src 'none'",
            f"script-src {assets}",
            f"style-src {assets} 'unsafe-inline'",
            f"img-src {assets} data: blob:",
            f"font-src {assets} data:",
            f"media-src {files} data: blob:",
            f"connect-src {files}",
            "frame-src 'none'",
            "worker-src 'none'",
            "object-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
            f"frame-ancestors {parent_origin}",
        ]
    )


# Package files are sub-resources of the player. Opened on their own (an SVG, a PDF), they get
# a sandboxed, script-less document.
FILE_POLICY = (
    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
    "font-src 'self'; form-action 'none'; base-uri 'none'"
)
