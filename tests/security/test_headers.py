"""Headers and privacy: a Content-Security-Policy on every response, no third-party avatars.

Reproduced before the fix: no page sent a Content-Security-Policy, and the admin's avatars
were loaded from gravatar.com with each staff member's e-mail hash.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LEARNER_TEMPLATES = ["lms", "courses", "quizzes", "content", "certificates"]


def policy(response):
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    return dict_of(header)


def _assert_strict_site_policy(directives):
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]  # no inline script, no eval on the site
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]


def test_learner_pages_carry_a_strict_policy(client_for, learner, client):
    for response in (
        client.get("/"),
        client.get("/tai-khoan/dang-nhap/"),
        client_for(learner).get("/hoc-tap/"),
    ):
        assert response.status_code in (200, 302)
        _assert_strict_site_policy(policy(response))


def test_not_found_page_carries_the_policy(client, settings):
    settings.DEBUG = False
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    _assert_strict_site_policy(policy(response))


def test_admin_carries_a_policy_that_still_blocks_other_origins(client_for, trainer):
    response = client_for(trainer).get("/admin/")
    assert response.status_code == 200
    directives = policy(response)
    # Wagtail's own admin still writes inline scripts and styles (panels, date pickers), so the
    # admin alone allows inline code; every other origin stays blocked.
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert all(
        not source.startswith(("http", "*"))
        for sources in directives.values()
        for source in sources
    )


def test_frames_are_limited_to_the_site_or_the_h5p_origin(client, settings):
    settings.H5P_ORIGIN = ""
    assert policy(client.get("/"))["frame-src"] == ["'self'"]


def test_h5p_origin_is_the_only_other_frame_source():
    result = _production_policy(H5P_ORIGIN="https://h5p.antoanso.example.gov.vn")
    assert result.returncode == 0, result.stderr
    site, admin = (dict_of(line) for line in result.stdout.strip().splitlines()[-2:])
    assert site["frame-src"] == ["https://h5p.antoanso.example.gov.vn"]
    assert admin["frame-src"] == ["'self'", "https://h5p.antoanso.example.gov.vn"]


def dict_of(header):
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def _production_policy(**env):
    """The policy headers a site page and an admin page get under production settings."""
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean.update(
        env,
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="antoanso.example.gov.vn",
        LMS_SINGLE_PROCESS="1",  # production refuses a per-process cache unless told
        DJANGO_SETTINGS_MODULE="lms.settings.production",
    )
    code = "\n".join(
        [
            "import django",
            "django.setup()",
            "from django.conf import settings",
            "from django.http import HttpResponse",
            "from django.test import RequestFactory",
            "from lms.middleware import ContentSecurityPolicyMiddleware as M",
            "assert 'lms.middleware.ContentSecurityPolicyMiddleware' in settings.MIDDLEWARE",
            "assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None",
            "assert not getattr(settings, 'CONTENT_SECURITY_POLICY_REPORT_ONLY', None)",
            "for path in ('/', '/admin/pages/3/edit/'):",
            "    request = RequestFactory().get(path)",
            "    middleware = M(lambda r: HttpResponse())",
            "    middleware.process_request(request)",
            "    print(middleware.process_response(request, HttpResponse())",
            "          ['Content-Security-Policy'])",
        ]
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_production_settings_enforce_the_policy():
    result = _production_policy(H5P_ORIGIN="")
    assert result.returncode == 0, result.stderr
    site, admin = (dict_of(line) for line in result.stdout.strip().splitlines()[-2:])
    _assert_strict_site_policy(site)
    assert site["frame-src"] == ["'self'"]
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["frame-ancestors"] == ["'self'"]


def test_policy_is_enforced_not_report_only(client, settings):
    response = client.get("/")
    assert "Content-Security-Policy-Report-Only" not in response.headers
    assert not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)


def test_admin_avatars_never_call_gravatar(client_for, admin_user, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    for path in ("/admin/", "/admin/users/", "/admin/account/"):
        html = client_for(admin_user).get(path).content.decode()
        assert "gravatar" not in html.lower(), path


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")")
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def _templates():
    for app in LEARNER_TEMPLATES:
        yield from sorted((ROOT / app).rglob("templates/**/*.html"))


def test_site_templates_have_no_inline_script_or_handler():
    offenders = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, JS_URL):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)[:60]}")
    assert offenders == []
