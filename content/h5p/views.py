"""Receiving xAPI statements (package files and the player frame: content/h5p/frame_views.py)."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .access import module_uses_package
from .models import H5PPackage, H5PStatement
from .xapi import (
    MAX_BODY_BYTES,
    StatementError,
    attempt_token_is_valid,
    clean_statement,
)


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
    from courses import completion
    from courses.models import ModulePage
    from lms.org.access import can_study as user_can_study_module

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
    from .xapi import rate_limit_wait, rate_limited_message, too_large_message

    wait = rate_limit_wait(request.user.pk, module.pk)
    if wait:
        response = JsonResponse({"error": rate_limited_message()}, status=429)
        response["Retry-After"] = str(wait)
        return response
    if _declared_length(request) > MAX_BODY_BYTES or len(request.body) > MAX_BODY_BYTES:
        return JsonResponse({"error": too_large_message()}, status=413)
    try:
        data = json.loads(request.body.decode("utf-8"))
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
    stored = H5PStatement.objects.create(
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
    # The completion service judges the stored result against the module's rule and pass mark.
    completed = completion.h5p_result(stored)
    return JsonResponse({"recorded": True, "module_completed": completed})
