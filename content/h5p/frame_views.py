"""The player frame page and the package files, served under a capability token (see
content/h5p/frame.py). No cookie reaches these views on the H5P origin, and none is used on
the site origin: the token says who the frame was made for, and that person's right to the
module is checked again on every request."""

import io
import mimetypes
import posixpath

from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .access import can_preview_packages, module_uses_package
from .frame import (
    FILE_POLICY,
    PLAYER_STATIC,
    files_url,
    frame_policy,
    read_frame_token,
)
from .l10n import CONTENT_JSON, core_strings, localised_content
from .models import H5PPackage
from .storage import package_storage
from .validation import ALLOWED_EXTENSIONS, DRIVE_RE, extension

CONTENT_TYPES = {
    "json": "application/json",
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "md": "text/plain; charset=utf-8",
    "textile": "text/plain; charset=utf-8",
    "csv": "text/plain; charset=utf-8",
    "diff": "text/plain; charset=utf-8",
    "patch": "text/plain; charset=utf-8",
    "m4a": "audio/mp4",
}


def _safe_member(member):
    """The archive path from the URL, re-checked like at upload time; None if unsafe."""
    if (
        not member
        or "\\" in member
        or "\x00" in member
        or member.startswith("/")
        or DRIVE_RE.match(member)
    ):
        return None
    parts = member.split("/")
    if any(part in {"", ".", ".."} for part in parts):
        return None
    if posixpath.normpath(member) != member or extension(member) not in ALLOWED_EXTENSIONS:
        return None
    return member


def authorised_package(grant):
    """The package a token grants, if its user may still use it now; else None.

    A preview token needs an author's or reviewer's role; a learner's token needs the live
    module to embed the package and the learner to be allowed to study it (lms.org.access)."""
    if grant is None:
        return None
    user = get_user_model().objects.filter(pk=grant.user_id, is_active=True).first()
    if user is None:
        return None
    package = H5PPackage.objects.filter(pk=grant.package_id, is_ready=True).first()
    if package is None:
        return None
    if grant.preview:
        return package if can_preview_packages(user) else None
    from courses.models import ModulePage
    from lms.org.access import can_study

    module = ModulePage.objects.live().filter(pk=grant.module_id).first()
    if module is None or not module_uses_package(module, package.pk):
        return None
    return package if can_study(user, module) else None


@xframe_options_exempt  # framed by the site's module page; CSP frame-ancestors says by whom
@require_safe
def play(request, token):
    grant = read_frame_token(token)
    package = authorised_package(grant)
    if package is None:
        raise Http404
    response = render(
        request,
        "content/h5p/frame.html",
        {
            "package": package,
            "h5p_json_path": files_url(token),
            "main_js": static(PLAYER_STATIC + "main.bundle.js"),
            "frame_js": static(PLAYER_STATIC + "frame.bundle.js"),
            "frame_css": static(PLAYER_STATIC + "styles/h5p.css"),
            "parent_origin": grant.parent_origin,
            "player_strings": core_strings(),
        },
    )
    response["Content-Security-Policy"] = frame_policy(request, token, grant.parent_origin)
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def play_file(request, token, member):
    member = _safe_member(member)
    if member is None:
        raise Http404
    package = authorised_package(read_frame_token(token))
    if package is None:
        raise Http404
    try:
        stream = package_storage().open(package.storage_path(member), "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    ext = extension(member)
    content_type = (
        CONTENT_TYPES.get(ext) or mimetypes.guess_type(member)[0] or "application/octet-stream"
    )
    if member == CONTENT_JSON:
        # The activity's parameters, with the libraries' English interface strings in the
        # site's language (content/h5p/l10n.py); the stored file itself is left as uploaded.
        with stream:
            raw = stream.read()
        stream = io.BytesIO(localised_content(package, raw))
    response = FileResponse(stream, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    response["Cache-Control"] = "private, max-age=3600"
    response["Referrer-Policy"] = "no-referrer"
    # The sandboxed frame is an opaque origin: its fetches of JSON and fonts are cross-origin
    # and carry no credentials. The token in the URL is the capability, so any origin may read.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
