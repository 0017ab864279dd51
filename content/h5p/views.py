"""Serving stored package files to allowed users, and receiving xAPI statements."""

import json
import mimetypes
import posixpath

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .access import module_uses_package, user_can_use_package
from .models import H5PPackage, H5PStatement
from .validation import ALLOWED_EXTENSIONS, DRIVE_RE, extension
from .xapi import (
    MAX_BODY_BYTES,
    StatementError,
    attempt_token_is_valid,
    clean_statement,
    counts_as_completion,
)

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
# Package files are sub-resources of the player. Opened on their own (an SVG, a PDF), they get
# a sandboxed, script-less document: nothing in a package can run script on our origin that way.
SANDBOX_CSP = (
    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'self'"
)


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


@login_required
@require_safe
def package_file(request, package_id, member):
    member = _safe_member(member)
    if member is None:
        raise Http404
    package = get_object_or_404(H5PPackage, pk=package_id, is_ready=True)
    if not user_can_use_package(request.user, package):
        raise Http404
    try:
        stream = default_storage.open(package.storage_path(member), "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    ext = extension(member)
    content_type = (
        CONTENT_TYPES.get(ext) or mimetypes.guess_type(member)[0] or "application/octet-stream"
    )
    response = FileResponse(stream, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    response["Cache-Control"] = "private, max-age=3600"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@login_required
@require_safe
def package_root(request, package_id):
    """h5p-standalone is given this URL and appends the member paths; there is nothing here."""
    raise Http404


def _actor(user):
    """The logged-in user, by account id only: statements carry no name or e-mail."""
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": str(user.pk)},
    }


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@login_required
@require_POST
def xapi_statement(request, module_id, package_id):
    from courses.access import user_can_study_module
    from courses.models import CompletionRule, ModulePage
    from courses.services import record_module_completion

    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None or not module_uses_package(module, package_id):
        raise Http404
    package = get_object_or_404(H5PPackage, pk=package_id, is_ready=True)
    if not user_can_study_module(request.user, module):
        raise Http404
    if not attempt_token_is_valid(
        request.headers.get("X-H5P-Attempt"), request.user, module.pk, package.pk
    ):
        return JsonResponse(
            {"error": _("Hãy mở lại bài học rồi làm hoạt động; kết quả này không được ghi nhận.")},
            status=403,
        )
    if _declared_length(request) > MAX_BODY_BYTES:
        return JsonResponse({"error": _("Câu lệnh xAPI quá lớn.")}, status=400)
    try:
        body = request.body
        if len(body) > MAX_BODY_BYTES:
            raise StatementError(_("Câu lệnh xAPI quá lớn."))
        data = json.loads(body.decode("utf-8"))
        object_id = request.build_absolute_uri(reverse("h5p:package-root", args=[package.pk]))
        statement = clean_statement(data, actor=_actor(request.user), object_id=object_id)
    except (UnicodeDecodeError, ValueError) as exc:
        message = (
            str(exc)
            if isinstance(exc, StatementError)
            else _("Câu lệnh xAPI không phải JSON hợp lệ.")
        )
        return JsonResponse({"error": message}, status=400)

    result = statement.get("result", {})
    score = result.get("score", {})
    H5PStatement.objects.create(
        user=request.user,
        package=package,
        module_page=module,
        verb=statement["verb"]["id"],
        score_raw=score.get("raw"),
        score_max=score.get("max"),
        completion=result.get("completion"),
        success=result.get("success"),
        statement=statement,
    )
    completed = False
    if module.completion_rule == CompletionRule.H5P and counts_as_completion(statement):
        completed = record_module_completion(request.user, module, "h5p")
    return JsonResponse({"recorded": True, "module_completed": completed})
