"""Package files are served under the frame's capability token, on every request only while the
token's user may still see a live module that embeds the package, with safe headers. No
session is needed (none reaches the H5P origin) and none is used."""

import time

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ReferenceIndex

from content.h5p.frame import FRAME_MAX_AGE, make_frame_token

from .conftest import make_module

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def token_for(user, package, module=None, *, preview=False):
    return make_frame_token(user, package.pk, module.pk if module else 0, SITE, preview=preview)


def file_url(token, member):
    return reverse("h5p:play-file", args=[token, member])


def body(response):
    return b"".join(response.streaming_content)


def get(token, member="h5p.json"):
    """A cookieless client, as on the H5P origin."""
    return Client().get(file_url(token, member))


def test_enrolled_learner_gets_files_with_type_and_safety_headers(
    learner, module, enrolled, truefalse
):
    token = token_for(learner, truefalse, module)
    response = get(token)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("private")
    assert response["Content-Security-Policy"].startswith("sandbox;")
    assert response["Access-Control-Allow-Origin"] == "*"  # the sandboxed frame is opaque
    assert "Set-Cookie" not in response
    assert b'"mainLibrary"' in body(response)

    expected = {
        "H5P.TrueFalse-1.6/scripts/h5p-true-false.js": "text/javascript; charset=utf-8",
        "H5P.TrueFalse-1.6/styles/h5p-true-false.css": "text/css; charset=utf-8",
        "FontAwesome-4.5/fontawesome-webfont.woff2": "font/woff2",
        "FontAwesome-4.5/fontawesome-webfont.svg": "image/svg+xml",
        "H5P_CONTENT_HERE.txt": "text/plain; charset=utf-8",
    }
    for member, content_type in expected.items():
        response = get(token, member)
        assert response.status_code == 200, member
        assert response["Content-Type"] == content_type
        assert response["X-Content-Type-Options"] == "nosniff"


def test_svg_is_served_in_a_script_less_sandbox(learner, module, enrolled, truefalse):
    response = get(token_for(learner, truefalse, module), "FontAwesome-4.5/fontawesome-webfont.svg")
    csp = response["Content-Security-Policy"]
    assert "sandbox" in csp and "default-src 'none'" in csp and "script-src" not in csp


def test_no_token_no_file(client, module, truefalse):
    assert client.get("/h5p/play/x/p/h5p.json").status_code == 404


def test_old_session_urls_are_gone(client_for, learner, module, enrolled, truefalse):
    assert client_for(learner).get(f"/h5p/{truefalse.pk}/h5p.json").status_code == 404


def test_tampered_token_gives_404(learner, module, enrolled, truefalse):
    token = token_for(learner, truefalse, module)
    forged = token.replace(token.rsplit(":", 1)[1], "A" * len(token.rsplit(":", 1)[1]))
    assert get(forged).status_code == 404


def test_expired_token_gives_404(monkeypatch, learner, module, enrolled, truefalse):
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() - FRAME_MAX_AGE - 3600)
    token = token_for(learner, truefalse, module)
    monkeypatch.setattr(time, "time", real)
    assert get(token).status_code == 404


def test_token_of_another_signing_purpose_gives_404(learner, module, enrolled, truefalse):
    from content.h5p.xapi import make_attempt_token

    assert get(make_attempt_token(learner, module.pk, truefalse.pk)).status_code == 404


def test_learner_not_enrolled_gets_404(learner_b, module, enrolled, truefalse):
    assert get(token_for(learner_b, truefalse, module)).status_code == 404


def test_inactive_learner_gets_404(learner, module, enrolled, truefalse):
    token = token_for(learner, truefalse, module)
    learner.is_active = False
    learner.save(update_fields=["is_active"])
    assert get(token).status_code == 404


def test_unit_manager_without_enrolment_gets_404(manager_a, module, truefalse):
    assert get(token_for(manager_a, truefalse, module)).status_code == 404


def test_learner_cannot_make_a_preview_token_work(learner, module, enrolled, truefalse):
    assert get(token_for(learner, truefalse, preview=True)).status_code == 404


def test_enrolled_learner_gets_404_for_a_package_no_module_uses(learner, enrolled, truefalse):
    from content.h5p.services import import_package

    from .conftest import truefalse_file

    other = import_package(truefalse_file())
    make_module(enrolled.course, other)
    assert get(token_for(learner, truefalse, other_module(enrolled.course))).status_code == 404


def other_module(course):
    from courses.models import ModulePage

    return ModulePage.objects.child_of(course).first()


def test_unpublished_module_gives_no_access(learner, module, enrolled, truefalse):
    token = token_for(learner, truefalse, module)
    module.unpublish()
    assert get(token).status_code == 404


def test_package_only_in_a_draft_gives_no_access(learner, course, enrolled, truefalse):
    from courses.models import ModulePage

    module = make_module(course, truefalse)
    # The published body no longer embeds the package; the draft revision still might.
    ModulePage.objects.filter(pk=module.pk).update(body=[])
    ReferenceIndex.create_or_update_for_object(module)  # index built from the draft object
    assert get(token_for(learner, truefalse, module)).status_code == 404


@pytest.mark.parametrize("role_user", ["trainer", "home_affairs", "admin_user"])
def test_authors_and_reviewers_may_preview(request, role_user, truefalse):
    user = request.getfixturevalue(role_user)
    assert get(token_for(user, truefalse, preview=True)).status_code == 200


@pytest.mark.parametrize(
    "member",
    [
        "../../../../etc/passwd",
        "content/../h5p.json",
        "content/./content.json",
        "content//content.json",
        "%2e%2e/%2e%2e/settings.py",
        "..%2fh5p.json",
        "content\\content.json",
        "lms/settings/base.py",
        "content/content.json%00.png",
    ],
)
def test_traversal_in_url_gives_404(learner, module, enrolled, truefalse, member):
    token = token_for(learner, truefalse, module)
    assert Client().get(f"/h5p/play/{token}/p/{member}").status_code == 404


def test_missing_member_gives_404(learner, module, enrolled, truefalse):
    assert get(token_for(learner, truefalse, module), "content/nothing.json").status_code == 404


def test_post_is_not_allowed(learner, module, enrolled, truefalse):
    url = file_url(token_for(learner, truefalse, module), "h5p.json")
    assert Client().post(url).status_code == 405


def test_access_check_query_count_does_not_grow_with_modules(
    learner, course, enrolled, truefalse, django_assert_max_num_queries
):
    module = make_module(course, truefalse, slug="m1")
    token = token_for(learner, truefalse, module)
    get(token)  # warm the site-routing cache
    with django_assert_max_num_queries(10) as small:
        assert get(token).status_code == 200
    for i in range(2, 8):
        make_module(course, truefalse, slug=f"m{i}")
    get(token)  # new modules changed the content version: warm its caches again
    with django_assert_max_num_queries(10) as large:
        assert get(token).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_refusal_query_count_does_not_grow_with_modules(
    learner_b, course, truefalse, django_assert_max_num_queries
):
    module = make_module(course, truefalse, slug="m1")
    token = token_for(learner_b, truefalse, module)
    get(token)
    with django_assert_max_num_queries(10) as small:
        assert get(token).status_code == 404
    for i in range(2, 8):
        make_module(course, truefalse, slug=f"m{i}")
    get(token)  # new modules changed the content version: warm its caches again
    with django_assert_max_num_queries(10) as large:
        assert get(token).status_code == 404
    assert len(large.captured_queries) == len(small.captured_queries)
