"""Public verification and the learner's certificate pages (thin; rules live on the models and in
certificates.issuance). The register for staff is certificates/admin_views.py.

Public verification (`/xac-minh/<code>/`, the QR target; `.json` or `?format=json` for machines):
- one SQL query (the certificate by its code, only the columns shown); no login, no session, no
  CSRF token, so no cookie is set; `Cache-Control: public, max-age=60` (a revocation shows within
  a minute); `Vary: Cookie` only, from the site's language middleware;
- shows the state (hợp lệ / hết hạn / đã thu hồi / không tìm thấy), the holder's name partly
  masked, course, tiết, issue and expiry dates, issuer and the PDF's SHA-256, nothing else;
- an unknown code runs the same query and renders the same template with the same fields empty;
- rate-limited per client address (lms.lib.client_ip) with the cache:
  settings.CERT_VERIFY_RATE requests per minute (default 30), then 429 in the same shape.
"""

import datetime
import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lms.lib.client_ip import client_ip
from lms.lib.display import format_date

from .models import Certificate

CODE_RE = re.compile(r"^[A-Za-z0-9_-]{10,64}$")
PUBLIC_FIELDS = ("verification_code", "status", "revoked_at", "valid_until", "sha256", "snapshot")
STATE_KEYS = {
    "valid": "hop-le",
    "expired": "het-han",
    "revoked": "da-thu-hoi",
    "pending": "dang-tao",
    "not_found": "khong-tim-thay",
}


def mask_name(full_name):
    """ "Nguyễn Văn An" -> "Nguyễn V** A*": the family name, then initials."""
    words = (full_name or "").split()
    if not words:
        return ""
    return " ".join([words[0], *(w[0] + "*" * (len(w) - 1) for w in words[1:])])


def _rate_limited(request):
    limit = getattr(settings, "CERT_VERIFY_RATE", 30)
    key = f"cert-verify:{client_ip(request)}:{int(timezone.now().timestamp() // 60)}"
    if cache.add(key, 1, timeout=70):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=70)
            count = 1
    return count > limit


def _public_view(certificate, today):
    """The fields shown publicly (same keys for an unknown code)."""
    if certificate is None:
        state, snap = "not_found", {}
    else:
        state, snap = certificate.state_on(today), certificate.snapshot
    return {
        "state": state,
        "status": STATE_KEYS[state],
        "status_label": str(Certificate.STATE_LABELS[state]),
        "holder": mask_name(snap.get("full_name")),
        "course": snap.get("course_title", ""),
        "tiet": snap.get("tiet", ""),
        "issued_on": snap.get("issued_on"),
        "valid_until": snap.get("valid_until"),
        "issuer": snap.get("issuing_body", ""),
        "sha256": (certificate.sha256 if certificate is not None else "") or "",
    }


def _display_dates(result):
    """The dates as printed (dd/mm/yyyy) for the HTML page."""
    shown = dict(result)
    for key in ("issued_on", "valid_until"):
        value = result.get(key)
        shown[key] = format_date(datetime.date.fromisoformat(value)) if value else ""
    return shown


def _cacheable(response, seconds=60):
    response["Cache-Control"] = f"public, max-age={seconds}"
    return response


@require_GET
def verify_form(request):
    """The form to type a code (GET): redirects to the code's page."""
    code = "".join((request.GET.get("ma") or "").split())
    if code:
        if CODE_RE.match(code):
            return redirect("certificates:verify", code=code)
        context = {"result": _public_view(None, None), "code": code, "asked": True}
        return _cacheable(render(request, "certificates/verify.html", context))
    return _cacheable(render(request, "certificates/verify.html", {"result": None}))


@require_GET
def verify(request, code, as_json=False):
    as_json = as_json or request.GET.get("format") == "json"
    if _rate_limited(request):
        result = _public_view(None, None) | {"status": "qua-nhieu-yeu-cau"}
        if as_json:
            response = JsonResponse(result, status=429)
        else:
            context = {"result": result, "code": code, "asked": True, "limited": True}
            response = render(request, "certificates/verify.html", context, status=429)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
    certificate = None
    if CODE_RE.match(code):
        certificate = (
            Certificate.objects.only(*PUBLIC_FIELDS).filter(verification_code=code).first()
        )
    else:
        Certificate.objects.only(*PUBLIC_FIELDS).filter(verification_code="").first()
    result = _public_view(certificate, timezone.localdate())
    if as_json:
        return _cacheable(JsonResponse({key: result[key] for key in result if key != "state"}))
    context = {"result": _display_dates(result), "code": code, "asked": True}
    return _cacheable(render(request, "certificates/verify.html", context))


# -- learner ---------------------------------------------------------------------------------


def _own(request, serial):
    """The requesting learner's certificate `serial`; anyone else's is a 404."""
    return get_object_or_404(Certificate.objects.of_user(request.user), serial=serial)


@login_required
@require_GET
def my_certificates(request):
    today = timezone.localdate()
    certificates = list(
        Certificate.objects.of_user(request.user)
        .select_related("replaces")
        .order_by("-issued_at", "-id")
    )
    rows = [
        {
            "certificate": c,
            "state": c.state_on(today),
            "expiring": c.state_on(today) == "valid" and c.is_expiring(today),
        }
        for c in certificates
    ]
    pending = any(row["state"] == "pending" for row in rows)
    return render(
        request,
        "certificates/my_certificates.html",
        {"rows": rows, "pending": pending, "today": today},
    )


@login_required
@require_GET
def download(request, serial):
    """The stored, signed file, byte for byte as issued."""
    certificate = _own(request, serial)
    if certificate.status != Certificate.Status.ISSUED or not certificate.file:
        raise Http404
    return FileResponse(
        certificate.file.open("rb"),
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_GET
def confirmation(request, serial):
    """ "Giấy xác nhận hoàn thành", generated from the record."""
    from . import pdf

    certificate = _own(request, serial)
    body = pdf.render_confirmation(certificate.render_data())
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="xac-nhan-{certificate.serial}.pdf"'
    return response


@login_required
@require_GET
def open_badge(request, serial):
    """The portable Open Badges 3.0 copy (a VC-JWT); the signed PDF stays the official record."""
    from . import badges

    certificate = _own(request, serial)
    if certificate.is_revoked:
        raise Http404
    response = HttpResponse(badges.open_badge_jwt(certificate), content_type="application/jwt")
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial}.jwt"'
    return response


@login_required
@require_GET
def transcript(request, fmt):
    from .transcript import transcript_pdf, transcript_xlsx

    if fmt not in ("pdf", "xlsx"):
        raise Http404
    if fmt == "pdf":
        response = HttpResponse(transcript_pdf(request.user), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="bang-tong-hop-boi-duong.pdf"'
        return response
    return transcript_xlsx(request.user).response("bang-tong-hop-boi-duong.xlsx")
