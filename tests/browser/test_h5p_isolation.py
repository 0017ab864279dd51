"""H5P isolation in a real browser (issue 8, point 1).

A hostile library, deliberately vetted for this test through the allow-list's own service,
tries what the reproduced attack did and more: read the site's cookies and storage, reach the
top window, fetch the admin with credentials, POST Wagtail's user form to make the trainer a
superuser, submit a form, open a popup. It reports what it saw by postMessage; the test checks
those observations, and that no user changed, while a superuser views the draft preview and a
learner the published module, with and without a separate H5P origin.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.conftest import skip_without_corpus
from tests.content.h5p_zips import H5P_JSON, LIBRARY_JSON, make_h5p

from .conftest import login
from .test_h5p import TRUEFALSE, _site_root, is_answered_post, open_activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE_JS = r"""
(function () {
  var SITE = (location.ancestorOrigins && location.ancestorOrigins[0]) || "";
  var report = {origin: String(self.origin), site: SITE};
  function attempt(name, action) {
    try { report[name] = action(); } catch (error) { report[name] = "threw " + error.name; }
  }
  attempt("cookie", function () { return document.cookie; });
  attempt("topDocument", function () { return String(window.top.document.cookie); });
  attempt("topHref", function () { return window.top.location.href; });
  attempt("parentBody", function () { return window.parent.document.body.innerHTML.length; });
  attempt("siteSecret", function () { return localStorage.getItem("site-secret"); });
  attempt("popup", function () { return String(window.open(SITE + "/admin/")); });
  attempt("form", function () {
    var form = document.createElement("form");
    form.method = "post";
    form.action = SITE + EDIT_URL;
    var field = document.createElement("input");
    field.name = "is_superuser";
    field.value = "on";
    form.appendChild(field);
    document.body.appendChild(form);
    form.submit();
    return "submitted";
  });
  function outcome(promise) {
    return promise.then(function (response) {
      return response.type === "opaque" ? "opaque" : "read " + response.status;
    }, function (error) { return "failed " + error.name; });
  }
  var body = new FormData();
  body.append("username", "giangvien");
  body.append("email", "attacker@example.com");
  body.append("is_superuser", "on");
  body.append("is_staff", "on");
  Promise.all([
    outcome(fetch("/admin/users/", {credentials: "include"})),
    outcome(fetch(SITE + "/admin/users/", {credentials: "include"})),
    outcome(fetch(SITE + EDIT_URL, {method: "POST", mode: "no-cors", credentials: "include", body: body})),
  ]).then(function (results) {
    report.fetchRelative = results[0];
    report.fetchSite = results[1];
    report.postUserForm = results[2];
    window.parent.postMessage({type: "ats-hostile-report", report: report}, "*");
  });
})();
function Hostile() {
  this.attach = function ($container) { $container.get(0).textContent = "Mã thư viện đã chạy"; };
}
window.H5P.Hostile = Hostile;
window.ATS = {Hostile: Hostile};
"""

COLLECT_REPORTS = """
window.__hostile = [];
window.addEventListener("message", function (event) {
  if (event.data && event.data.type === "ats-hostile-report") { window.__hostile.push(event.data.report); }
});
"""


def hostile_package(edit_url):
    library = {**LIBRARY_JSON, "machineName": "ATS.Hostile", "patchVersion": 0}
    library["preloadedJs"] = [{"path": "hostile.js"}]
    library["preloadedCss"] = []
    h5p = {**H5P_JSON, "title": "Thử cô lập", "mainLibrary": "ATS.Hostile"}
    h5p["preloadedDependencies"] = [
        {"machineName": "ATS.Hostile", "majorVersion": 1, "minorVersion": 0}
    ]
    script = HOSTILE_JS.replace("EDIT_URL", json.dumps(edit_url))
    return make_h5p(
        {
            "h5p.json": json.dumps(h5p),
            "ATS.Hostile-1.0/library.json": json.dumps(library),
            "ATS.Hostile-1.0/hostile.js": script,
        },
        drop=("ATS.Demo-1.0/library.json", "ATS.Demo-1.0/demo.js", "ATS.Demo-1.0/demo.css"),
    )


def users_snapshot():
    return sorted(
        (
            u.pk,
            u.username,
            u.email,
            u.is_superuser,
            u.is_staff,
            u.is_active,
            u.password,
            tuple(sorted(u.groups.values_list("pk", flat=True))),
        )
        for u in get_user_model().objects.all()
    )


def make_course_with(package, learner, live_server):
    from wagtail.models import ReferenceIndex, Site

    from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage

    home = _site_root()
    # The site's port is the live server's, as a real Site matches the served origin: Wagtail
    # builds the preview's request from it, and the frame's parent origin from that request.
    Site.objects.filter(is_default_site=True).update(port=int(live_server.url.rsplit(":", 1)[1]))
    index = CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    course = index.add_child(
        instance=CoursePage(title="An toàn thông tin cấp xã", slug="atbt", summary="Tóm tắt.")
    )
    module = course.add_child(
        instance=ModulePage(
            title="Bài có H5P",
            slug="bai-h5p",
            completion_rule="h5p",
            body=[("h5p", {"package": package, "title": "Hoạt động thử", "instructions": ""})],
        )
    )
    module.save_revision()  # a draft for the preview
    ReferenceIndex.create_or_update_for_object(module)
    Enrolment.objects.create(user=learner, course=course)
    return module


@pytest.fixture(params=["sandbox-only", "h5p-origin"])
def h5p_mode(request, settings, live_server, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "h5p": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "h5p_store")},
        },
    }
    if request.param == "h5p-origin":
        # The site is localhost:PORT; the same server as 127.0.0.1:PORT is another origin,
        # to which none of the site's (host-only) cookies are sent.
        assert "//localhost:" in live_server.url
        settings.H5P_ORIGIN = live_server.url.replace("//localhost:", "//127.0.0.1:")
    return request.param


def read_report(page):
    page.wait_for_function("() => window.__hostile && window.__hostile.length > 0", timeout=15_000)
    return page.evaluate("window.__hostile[0]")


def assert_report_shows_isolation(report, live_server):
    assert report["origin"] == "null"  # opaque origin: the sandbox holds
    assert report["site"] == live_server.url
    assert report["cookie"].startswith("threw")  # no cookie jar at all, let alone the site's
    for key in ("topDocument", "topHref", "parentBody"):
        assert report[key] == "threw SecurityError", (key, report[key])
    assert report["siteSecret"] is None  # not the site's localStorage
    assert report["popup"] == "null"
    assert report["fetchRelative"].startswith("failed")
    assert report["fetchSite"].startswith("failed")
    # A no-cors POST leaves; the server must refuse it (no cookie, Origin: null, no CSRF).
    assert report["postUserForm"] in ("opaque", "failed TypeError")


def test_hostile_library_achieves_nothing_for_superuser_preview_and_learner(
    h5p_mode, browser_page, live_server, admin_user, trainer, learner, password
):
    from content.h5p.libraries import vet_libraries
    from content.h5p.models import H5PStatement
    from content.h5p.services import import_package
    from content.h5p.validation import validate_structure
    from courses.models import ModuleProgress

    edit_url = reverse("wagtailusers_users:edit", args=[trainer.pk])
    vet_libraries(validate_structure(hostile_package(edit_url)).libraries, admin_user, "thu.h5p")
    package = import_package(hostile_package(edit_url), user=trainer)
    module = make_course_with(package, learner, live_server)
    before = users_snapshot()

    page = browser_page
    page.add_init_script(COLLECT_REPORTS)
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)

    login(page, live_server, admin_user.username, password)
    page.evaluate("localStorage.setItem('site-secret', '42')")
    page.goto(f"{live_server.url}{reverse('wagtailadmin_pages:view_draft', args=[module.pk])}")
    open_activity(page)
    frame_src = page.locator(".h5p-player iframe").get_attribute("src")
    if h5p_mode == "h5p-origin":
        assert frame_src.startswith(f"http://127.0.0.1:{live_server.url.rsplit(':', 1)[1]}/")
    assert_report_shows_isolation(read_report(page), live_server)
    page.frame_locator(".h5p-player iframe").get_by_text("Mã thư viện đã chạy").wait_for()
    assert page.url.endswith("/view_draft/")  # the frame could not navigate the top window
    assert users_snapshot() == before

    page.context.clear_cookies()  # the superuser's session ends; the learner logs in
    login(page, live_server, learner.username, password)
    page.evaluate("localStorage.setItem('site-secret', '42')")
    page.goto(f"{live_server.url}{module.url}")
    open_activity(page)
    assert_report_shows_isolation(read_report(page), live_server)
    page.frame_locator(".h5p-player iframe").get_by_text("Mã thư viện đã chạy").wait_for()
    assert page.url == f"{live_server.url}{module.url}"

    assert users_snapshot() == before
    assert not H5PStatement.objects.exists()
    assert not ModuleProgress.objects.filter(user=learner).exists()
    # The page's own sandbox and CSP stopped the form and the popup (reported by Chromium).
    assert blocked, "expected the browser to refuse the form submission"


def test_real_package_plays_and_reports_through_post_message(
    h5p_mode, browser_page, live_server, trainer, learner, password
):
    skip_without_corpus(TRUEFALSE)  # the real player libraries are needed in a browser
    from content.h5p.models import H5PStatement
    from content.h5p.services import import_package

    package = import_package(TRUEFALSE, user=trainer)
    module = make_course_with(package, learner, live_server)
    page = browser_page
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Refused" in m.text else None)
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{module.url}")
    open_activity(page)
    frame = page.frame_locator(".h5p-player iframe")
    frame.get_by_text("Sai", exact=True).click()
    with page.expect_response(is_answered_post) as posted:
        frame.get_by_role("button", name="Kiểm tra").click()
    assert posted.value.status == 200
    # The statement came from the parent page (site origin, CSRF), not from the frame.
    assert posted.value.request.headers.get("x-csrftoken")
    assert posted.value.url.startswith(live_server.url)
    statement = H5PStatement.objects.get(user=learner, verb__endswith="/answered")
    assert (statement.score_raw, statement.score_max) == (1, 1)
    assert statement.module_page_id == module.pk and statement.package_id == package.pk
    assert refused == []  # the frame's CSP lets the real player run untouched
