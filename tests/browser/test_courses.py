"""Accessibility (axe-core) and phone width (375 px) of the dashboard, course and module pages."""

from decimal import Decimal

import pytest
from wagtail.models import Locale, Page, Site

from .conftest import axe_violations, login

pytestmark = pytest.mark.django_db(transaction=True)


def _catalogue():
    """The catalogue; transactional tests may run after a flush that removed the migrated tree."""
    from content.models import HomePage
    from courses.models import CourseIndexPage

    Locale.objects.get_or_create(language_code="vi")
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=HomePage(title="An Toàn Số", slug="trang-chu"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "port": 80}
    )
    return CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )


@pytest.fixture
def studied_course(learner):
    from courses.curriculum import main_modules
    from courses.models import CoursePage, Enrolment, ModulePage, ModuleProgress
    from courses.routing import forget_catalogue_url_paths

    forget_catalogue_url_paths()
    index = _catalogue()
    course = index.add_child(
        instance=CoursePage(
            title="An toàn thông tin cấp xã",
            slug="atbt",
            summary="Tóm tắt khóa học.",
            objectives="Mục tiêu một\nMục tiêu hai",
            tiet=Decimal("3.5"),
            estimated_minutes=150,
            tracks="A",
        )
    )
    modules = []
    for data in main_modules()[:3]:
        module = course.add_child(
            instance=ModulePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                objectives="\n".join(data["objectives"]),
                body=list(data["body"]),
                estimated_minutes=data["minutes"],
                tiet=data["tiet"],
                tracks="A",
            )
        )
        modules.append(module)
    Enrolment.objects.create(user=learner, course=course, due_date="2026-01-15")
    ModuleProgress.objects.create(user=learner, module=modules[0], source="viewed")
    return course, modules


def _no_horizontal_scroll(page):
    return page.evaluate("() => document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize("width", [1366, 375])
def test_dashboard_course_and_module_are_accessible_and_fit(
    browser_page, live_server, learner, password, studied_course, width
):
    course, modules = studied_course
    browser_page.set_viewport_size({"width": width, "height": 800})
    login(browser_page, live_server, learner.username, password)
    for path, heading in (
        ("/hoc-tap/", "Khóa học của tôi"),
        (course.url, course.title),
        (modules[1].url, modules[1].title),
    ):
        browser_page.goto(f"{live_server.url}{path}")
        assert browser_page.locator("h1").inner_text() == heading
        assert axe_violations(browser_page) == [], path
        if width == 375:
            assert _no_horizontal_scroll(browser_page), path


def test_knowledge_check_feedback_opens_without_javascript(
    chromium, live_server, learner, password, studied_course
):
    course, modules = studied_course
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{modules[0].url}")
    option = page.locator("section.check details").first
    option.locator("summary").click()
    assert option.get_attribute("open") is not None
    assert "Chưa đúng" in option.inner_text() or "Đúng" in option.inner_text()
    context.close()


@pytest.fixture
def quick_reading(monkeypatch, studied_course):
    """The second lesson needs 2 s of reading and the page beats every second (the real values,
    20 min and 30 s, are tested with a moved clock in tests/security/test_honest_progress.py)."""
    from courses.models import ModulePage, ModuleReading

    monkeypatch.setattr("courses.models.READING_FLOOR_SECONDS", 2)
    monkeypatch.setattr(ModuleReading, "BEAT_SECONDS", 1)
    course, modules = studied_course
    ModulePage.objects.filter(pk=modules[1].pk).update(estimated_minutes=0)
    return modules[1]


def test_heartbeat_completes_a_lesson_read_long_enough(
    browser_page, live_server, learner, password, quick_reading
):
    from courses.models import ModuleProgress, ModuleReading

    login(browser_page, live_server, learner.username, password)
    browser_page.goto(f"{live_server.url}{quick_reading.url}")
    status = browser_page.locator(".reading-status")
    status.filter(has_text="Đã ghi nhận: bạn đã học xong bài này.").wait_for(timeout=10_000)
    assert browser_page.locator("form.reading button").count() == 0
    progress = ModuleProgress.objects.get(user=learner, module_id=quick_reading.pk)
    assert progress.source == "viewed"
    reading = ModuleReading.objects.get(user=learner, module_id=quick_reading.pk)
    assert reading.seconds >= 2
    assert axe_violations(browser_page) == []


def test_done_button_without_javascript_waits_for_the_server_clock(
    chromium, live_server, learner, password, quick_reading
):
    from courses.models import ModuleProgress

    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{quick_reading.url}")
    page.get_by_role("button", name="Tôi đã học xong bài này").click()
    assert "cần học thêm khoảng 1 phút" in page.locator(".messages").inner_text()
    assert not ModuleProgress.objects.filter(module_id=quick_reading.pk).exists()
    page.wait_for_timeout(2500)
    page.get_by_role("button", name="Tôi đã học xong bài này").click()
    assert "Đã ghi nhận: bạn đã học xong bài này." in page.locator(".messages").inner_text()
    assert ModuleProgress.objects.filter(module_id=quick_reading.pk, source="viewed").exists()
    context.close()
