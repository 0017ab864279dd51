"""No third-party request and no Content-Security-Policy violation, in a real browser.

Every request the learner pages (home, course list, course, module, quiz and its attempt) and
the staff pages (dashboard, a module's page editor with its preview, a snippet list, the users
list) make is recorded; all must go to the site's own origins (the live server and, when
configured, the H5P origin). The pages run under the site's real policy, and any violation
(`securitypolicyviolation` events, console errors naming the policy) fails the test.
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from tests.browser_harness import login
from tests.quizzes.conftest import (  # noqa: F401 (fixtures)
    bank,
    category,
    course,
    enrolled,
    make_quiz,
    module,
    quiz,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ` +
    `${event.sourceFile || document.location.href}:${event.lineNumber}`
  );
});
"""


class Recorder:
    """Requests and policy violations of one browser page, checked page by page."""

    def __init__(self, page, live_server):
        self.page = page
        self.requests = []
        self.console = []
        origin = urlsplit(live_server.url)
        self.allowed = {(origin.scheme, origin.netloc)}
        # The live server answers on localhost and 127.0.0.1 alike: the same machine.
        self.allowed.add((origin.scheme, origin.netloc.replace("localhost", "127.0.0.1")))
        if settings.H5P_ORIGIN:
            h5p = urlsplit(settings.H5P_ORIGIN)
            self.allowed.add((h5p.scheme, h5p.netloc))
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def visit(self, url):
        self.requests.clear()
        self.console.clear()
        response = self.page.goto(url)
        assert response is not None and response.ok, url
        assert "/login/" not in self.page.url, f"{url}: sent to {self.page.url}"
        self.page.wait_for_load_state("networkidle")
        self.check(url)
        return response

    def check(self, label):
        foreign = [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and (urlsplit(url).scheme, urlsplit(url).netloc) not in self.allowed
        ]
        assert foreign == [], f"{label}: requests to other origins"
        violations = self.page.evaluate("() => window.__cspViolations || []")
        assert violations == [], f"{label}: CSP violations"
        assert self.console == [], f"{label}: CSP messages in the console"


def test_learner_pages_stay_on_the_site(browser_page, live_server, learner, password, request):
    # The quiz fixtures (tests/quizzes/conftest.py, imported above) by name.
    the_quiz = request.getfixturevalue("quiz")
    the_module = request.getfixturevalue("module")
    the_course = request.getfixturevalue("course")
    recorder = Recorder(browser_page, live_server)
    base = live_server.url
    login(browser_page, live_server, learner.username, password)
    recorder.check("login")
    for path in (
        "/",
        reverse("courses:my-courses"),
        the_course.get_parent().url,
        the_course.url,
        the_module.url,
        reverse("quizzes:quiz", args=[the_quiz.pk]),
    ):
        response = recorder.visit(f"{base}{path}")
        assert response.headers.get("content-security-policy"), path
    # The attempt page runs the quiz script (autosave) under the policy.
    recorder.requests.clear()
    browser_page.click("text=Bắt đầu làm bài")
    browser_page.wait_for_selector("form.quiz-form")
    browser_page.locator("form.quiz-form input[type=radio]").first.check()
    browser_page.wait_for_load_state("networkidle")
    recorder.check("attempt")


@pytest.fixture
def catalogue_module(trainer):
    """A module in the site's course catalogue, which the trainer may edit (granted again here:
    a flush by an earlier transactional test may have rebuilt the catalogue without it)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from courses.models import CoursePage, ModulePage
    from courses.routing import forget_catalogue_url_paths
    from lms.org import roles
    from tests.browser.test_courses import _catalogue

    forget_catalogue_url_paths()
    parent = _catalogue().add_child(
        instance=CoursePage(title="Khóa học soạn thử", slug="soan-thu", summary="Tóm tắt.")
    )
    # What the migrations grant trainers; a transactional test may run after a flush.
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    granted = Permission.objects.filter(
        codename__in=["access_admin", "view_competency", "add_competency", "change_competency"]
    )
    role = Permission.objects.get(
        content_type__app_label=roles.PERMISSION_APP_LABEL, codename=roles.codename(roles.TRAINER)
    )
    group = roles.groups_for([roles.TRAINER]).order_by("pk").first()
    group = group or Group.objects.get_or_create(name=roles.ROLE_LABELS[roles.TRAINER])[0]
    group.permissions.add(role, *granted)
    trainer.groups.add(group)
    GroupPagePermission.objects.get_or_create(group=group, page=parent, permission=change)
    return parent.add_child(
        instance=ModulePage(title="Mô-đun soạn thử", slug="mo-dun-soan-thu", summary="Tóm tắt.")
    )


def test_staff_pages_stay_on_the_site(
    browser_page, live_server, trainer, admin_user, password, catalogue_module
):
    recorder = Recorder(browser_page, live_server)
    base = live_server.url
    login(browser_page, live_server, trainer.username, password)
    recorder.visit(f"{base}{reverse('wagtailadmin_home')}")
    editor = reverse("wagtailadmin_pages:edit", args=[catalogue_module.pk])
    recorder.visit(f"{base}{editor}")
    assert browser_page.url == f"{base}{editor}"  # the trainer may edit it: no redirect
    # The live preview panel: the editor frames the draft page, which runs the site's scripts.
    recorder.requests.clear()
    browser_page.locator("button[data-side-panel-toggle='preview']").first.click()
    browser_page.wait_for_load_state("networkidle")
    browser_page.wait_for_timeout(1000)
    assert any("/preview/" in url for url in recorder.requests), recorder.requests
    recorder.check("page editor preview")
    recorder.visit(f"{base}{reverse('wagtailsnippets_courses_competency:list')}")

    browser_page.context.clear_cookies()
    login(browser_page, live_server, admin_user.username, password)
    recorder.visit(f"{base}{reverse('wagtailusers_users:index')}")
