"""Package files are served, on every request, only to people allowed to see a live module
that embeds the package, with safe headers."""

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex

from .conftest import make_module

pytestmark = pytest.mark.django_db


def file_url(package, member):
    return reverse("h5p:file", args=[package.pk, member])


def body(response):
    return b"".join(response.streaming_content)


def test_enrolled_learner_gets_files_with_type_and_safety_headers(
    client_for, learner, module, enrolled, truefalse
):
    client = client_for(learner)

    response = client.get(file_url(truefalse, "h5p.json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("private")
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert b'"mainLibrary"' in body(response)

    expected = {
        "H5P.TrueFalse-1.6/scripts/h5p-true-false.js": "text/javascript; charset=utf-8",
        "H5P.TrueFalse-1.6/styles/h5p-true-false.css": "text/css; charset=utf-8",
        "FontAwesome-4.5/fontawesome-webfont.woff2": "font/woff2",
        "FontAwesome-4.5/fontawesome-webfont.svg": "image/svg+xml",
        "H5P_CONTENT_HERE.txt": "text/plain; charset=utf-8",
    }
    for member, content_type in expected.items():
        response = client.get(file_url(truefalse, member))
        assert response.status_code == 200, member
        assert response["Content-Type"] == content_type
        assert response["X-Content-Type-Options"] == "nosniff"


def test_svg_is_served_in_a_script_less_sandbox(client_for, learner, module, enrolled, truefalse):
    response = client_for(learner).get(
        file_url(truefalse, "FontAwesome-4.5/fontawesome-webfont.svg")
    )
    csp = response["Content-Security-Policy"]
    assert "sandbox" in csp and "default-src 'none'" in csp and "script-src" not in csp


def test_anonymous_is_sent_to_login(client, module, truefalse):
    response = client.get(file_url(truefalse, "h5p.json"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_learner_not_enrolled_gets_404(client_for, learner_b, module, enrolled, truefalse):
    assert client_for(learner_b).get(file_url(truefalse, "h5p.json")).status_code == 404


def test_unit_manager_without_enrolment_gets_404(client_for, manager_a, module, truefalse):
    assert client_for(manager_a).get(file_url(truefalse, "h5p.json")).status_code == 404


def test_enrolled_learner_gets_404_for_a_package_no_module_uses(
    client_for, learner, enrolled, truefalse
):
    assert client_for(learner).get(file_url(truefalse, "h5p.json")).status_code == 404


def test_unpublished_module_gives_no_access(client_for, learner, module, enrolled, truefalse):
    module.unpublish()
    assert client_for(learner).get(file_url(truefalse, "h5p.json")).status_code == 404


def test_package_only_in_a_draft_gives_no_access(client_for, learner, course, enrolled, truefalse):
    from courses.models import ModulePage

    module = make_module(course, truefalse)
    # The published body no longer embeds the package; the draft revision still might.
    ModulePage.objects.filter(pk=module.pk).update(body=[])
    ReferenceIndex.create_or_update_for_object(module)  # index built from the draft object
    assert client_for(learner).get(file_url(truefalse, "h5p.json")).status_code == 404


@pytest.mark.parametrize("role_user", ["trainer", "home_affairs", "admin_user"])
def test_authors_and_reviewers_may_preview(request, client_for, role_user, truefalse):
    user = request.getfixturevalue(role_user)
    assert client_for(user).get(file_url(truefalse, "h5p.json")).status_code == 200


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
def test_traversal_in_url_gives_404(client_for, learner, module, enrolled, truefalse, member):
    response = client_for(learner).get(f"/h5p/{truefalse.pk}/{member}")
    assert response.status_code == 404


def test_missing_member_gives_404(client_for, learner, module, enrolled, truefalse):
    assert client_for(learner).get(file_url(truefalse, "content/nothing.json")).status_code == 404


def test_post_is_not_allowed(client_for, learner, module, enrolled, truefalse):
    assert client_for(learner).post(file_url(truefalse, "h5p.json")).status_code == 405


def test_access_check_query_count_does_not_grow_with_modules(
    client_for, learner, course, enrolled, truefalse, django_assert_max_num_queries
):
    client = client_for(learner)
    make_module(course, truefalse, slug="m1")
    client.get(file_url(truefalse, "h5p.json"))  # warm the site-routing cache
    with django_assert_max_num_queries(8) as small:
        assert client.get(file_url(truefalse, "h5p.json")).status_code == 200
    for i in range(2, 8):
        make_module(course, truefalse, slug=f"m{i}")
    with django_assert_max_num_queries(8) as large:
        assert client.get(file_url(truefalse, "h5p.json")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_refusal_query_count_does_not_grow_with_modules(
    client_for, learner_b, course, truefalse, django_assert_max_num_queries
):
    """Site routing and the redirect lookup of a 404 cost their own queries; ours are four
    (package, roles, modules using it, the user's enrolments among their courses)."""
    client = client_for(learner_b)
    make_module(course, truefalse, slug="m1")
    client.get(file_url(truefalse, "h5p.json"))  # warm the site-routing cache
    with django_assert_max_num_queries(8) as small:
        assert client.get(file_url(truefalse, "h5p.json")).status_code == 404
    for i in range(2, 8):
        make_module(course, truefalse, slug=f"m{i}")
    with django_assert_max_num_queries(8) as large:
        assert client.get(file_url(truefalse, "h5p.json")).status_code == 404
    assert len(large.captured_queries) == len(small.captured_queries)
