"""H5P content never runs with the site's authority (issue 8, point 1).

Attacks reproduced before the fix: package files were stored in the default storage under
MEDIA_ROOT, so DEBUG's /media/ served an SVG with a namespaced <h:script> on the site origin;
the player ran library JavaScript in the site's own origin (same-origin frame). Now the
player is a frame sandboxed without allow-same-origin, served (with H5P_ORIGIN) from a host
that answers nothing else, under a capability token; its files live outside MEDIA_ROOT.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.test import Client, override_settings
from django.urls import include, path, re_path
from django.views.static import serve

from content.h5p.frame import make_frame_token, read_frame_token
from content.h5p.storage import package_storage
from tests.content.conftest import make_module, media_root, truefalse_file  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

SITE = "http://testserver"


def _media(request, path):
    """What `static(MEDIA_URL, document_root=MEDIA_ROOT)` adds under DEBUG, reading
    MEDIA_ROOT per request (the test points it to a temporary folder)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


# DEBUG-style URL configuration: MEDIA_ROOT served under /media/, then the project's URLs.
urlpatterns = [re_path(r"^media/(?P<path>.*)$", _media), path("", include("lms.urls"))]


@pytest.fixture
def package(trainer):
    from content.h5p.services import import_package

    return import_package(truefalse_file(), user=trainer)


@pytest.fixture
def module(package):
    from wagtail.models import Page

    from courses.models import CourseIndexPage, CoursePage

    index = CourseIndexPage.objects.first() or Page.objects.get(depth=2).add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    course = index.add_child(instance=CoursePage(title="Khóa", slug="khoa", summary="."))
    return make_module(course, package)


@pytest.fixture
def enrolled(learner, module):
    from courses.models import Enrolment

    return Enrolment.objects.create(user=learner, course=module.get_parent().specific)


@pytest.mark.urls(__name__)
def test_media_url_never_reaches_a_stored_package(package):
    name = package.storage_path("h5p.json")
    assert package_storage().exists(name)
    client = Client()
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(f"/media/h5p/{package.uuid}/h5p.json").status_code == 404
    # The package's SVGs are not under MEDIA_ROOT either, by any path.
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.svg"))


def test_h5p_storage_is_not_inside_media_root():
    from lms.settings import base

    for location, media in (
        (base.H5P_ROOT, base.MEDIA_ROOT),
        (package_storage().location, settings.MEDIA_ROOT),
    ):
        location, media = Path(location).resolve(), Path(media).resolve()
        assert media not in location.parents and location != media
    assert [m for m in run_checks() if m.id and m.id.startswith("content.")] == []


def test_a_storage_inside_media_root_fails_the_system_check(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "h5p": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "h5p")},
        },
    }
    assert "content.E003" in {m.id for m in run_checks()}


def test_h5p_origin_equal_to_the_site_fails_the_system_check(settings):
    settings.H5P_ORIGIN = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert "content.E005" in {m.id for m in run_checks()}


def frame_of(html):
    import re

    match = re.search(r'<iframe class="h5p-frame" src="([^"]+)" sandbox="([^"]*)"', html)
    return match[1], match[2]


def test_module_page_embeds_a_sandboxed_frame_without_same_origin(
    client_for, learner, enrolled, module
):
    src, sandbox = frame_of(client_for(learner).get(module.url).content.decode())
    assert sandbox.split() == ["allow-scripts"]


def test_frame_page_has_a_strict_policy_and_no_cookie(learner, enrolled, module, package):
    token = make_frame_token(learner, package.pk, module.pk, SITE)
    response = Client().get(f"/h5p/play/{token}/")
    assert response.status_code == 200
    csp = dict(
        (part.split(" ", 1) + [""])[:2] for part in response["Content-Security-Policy"].split("; ")
    )
    assert csp["sandbox"] == "allow-scripts"  # even opened outside the frame
    assert csp["default-src"] == "'none'"
    files = f"{SITE}/h5p/play/{token}/p/"
    assert csp["script-src"].split() == [
        files,
        f"{SITE}/static/vendor/h5p-standalone/dist/",
        f"{SITE}/static/content/h5p/",
    ]
    assert csp["connect-src"] == files
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["form-action"] == "'none'" and csp["base-uri"] == "'none'"
    assert csp["frame-ancestors"] == SITE
    assert "X-Frame-Options" not in response
    assert "Set-Cookie" not in response
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html and "csrftoken" not in html


def test_a_session_does_not_open_the_frame_without_a_token(client_for, learner, enrolled, module):
    client = client_for(learner)
    assert client.get("/h5p/play/forged/").status_code == 404
    assert client.get("/h5p/play/forged/p/h5p.json").status_code == 404


def test_tokens_are_bound_to_their_purpose(learner, module, package):
    from content.h5p.xapi import make_attempt_token

    assert read_frame_token(make_attempt_token(learner, module.pk, package.pk)) is None
    assert read_frame_token(make_frame_token(learner, package.pk, module.pk, SITE)) is not None


H5P = "http://h5p.testserver"


@override_settings(H5P_ORIGIN=H5P)
def test_with_h5p_origin_the_frame_comes_from_it(client_for, learner, enrolled, module):
    src, sandbox = frame_of(client_for(learner).get(module.url).content.decode())
    assert src.startswith(f"{H5P}/h5p/play/") and sandbox == "allow-scripts"


@override_settings(H5P_ORIGIN=H5P)
@pytest.mark.parametrize(
    "url", ["/", "/admin/", "/admin/users/", "/tai-khoan/dang-nhap/", "/hoc-tap/", "/media/x"]
)
def test_h5p_host_answers_nothing_but_the_player(client_for, admin_user, url):
    # Even a client that (somehow) held the site's session cookie gets nothing there.
    client = client_for(admin_user)
    assert client.get(url, HTTP_HOST="h5p.testserver").status_code == 404
    assert client.post(url, HTTP_HOST="h5p.testserver").status_code == 404


@override_settings(H5P_ORIGIN=H5P)
def test_h5p_host_serves_the_player_and_the_site_host_does_not(learner, enrolled, module, package):
    token = make_frame_token(learner, package.pk, module.pk, SITE)
    on_h5p = Client(HTTP_HOST="h5p.testserver")
    on_site = Client()
    response = on_h5p.get(f"/h5p/play/{token}/")
    assert response.status_code == 200
    assert f"script-src {H5P}/h5p/play/{token}/p/" in response["Content-Security-Policy"]
    assert on_h5p.get(f"/h5p/play/{token}/p/h5p.json").status_code == 200
    assert on_site.get(f"/h5p/play/{token}/").status_code == 404
    assert on_site.get(f"/h5p/play/{token}/p/h5p.json").status_code == 404
    xapi = f"/h5p/xapi/{module.pk}/{package.pk}/"
    assert on_h5p.post(xapi, "{}", content_type="application/json").status_code == 404
