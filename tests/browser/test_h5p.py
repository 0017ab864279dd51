"""End-to-end: a learner opens a module with the TrueFalse H5P package, answers, and the
server (not the browser) records the activity and completes the module."""

import pytest
from wagtail.models import Locale, Page, ReferenceIndex, Site

from tests.conftest import TESTDATA, needs_corpus

from .conftest import axe_violations, login

# The real player libraries are needed in a browser: corpus tests.
pytestmark = [pytest.mark.django_db(transaction=True), needs_corpus]

TRUEFALSE = TESTDATA / "h5p" / "valid" / "truefalse-h5p-standalone.h5p"


def is_answered_post(response):
    return "/h5p/xapi/" in response.url and "verbs/answered" in (response.request.post_data or "")


def open_activity(page):
    """The player loads only when the learner opens it (content/h5p/blocks/h5p_activity.html)."""
    page.get_by_role("button", name="Mở hoạt động").click()


def _site_root():
    """The home page; transactional tests may run after a flush that removed the migrated tree."""
    from content.models import HomePage

    Locale.objects.get_or_create(language_code="vi")
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=HomePage(title="An Toàn Số", slug="trang-chu"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "port": 80}
    )
    return home


@pytest.fixture
def h5p_module(settings, tmp_path, trainer, learner):
    from content.h5p.services import import_package
    from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage

    settings.MEDIA_ROOT = str(tmp_path / "media")
    package = import_package(TRUEFALSE, user=trainer)
    index = CourseIndexPage.objects.first() or _site_root().add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    _site_root()
    course = index.add_child(
        instance=CoursePage(title="An toàn thông tin cấp xã", slug="atbt", summary="Tóm tắt.")
    )
    module = course.add_child(
        instance=ModulePage(
            title="Mật khẩu dùng chung",
            slug="mat-khau",
            completion_rule="h5p",
            body=[("h5p", {"package": package, "title": "Đúng hay sai?", "instructions": ""})],
        )
    )
    ReferenceIndex.create_or_update_for_object(module)
    Enrolment.objects.create(user=learner, course=course)
    return module, package


def test_learner_answers_truefalse_and_server_completes_module(
    browser_page, live_server, learner, password, h5p_module
):
    from content.h5p.models import H5PStatement
    from courses.models import ModuleProgress

    module, package = h5p_module
    page = browser_page
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{module.url}")
    open_activity(page)

    iframe = page.locator(".h5p-player iframe")
    iframe.wait_for()
    frame = page.frame_locator(".h5p-player iframe")
    frame.get_by_text("Sai", exact=True).click()
    with page.expect_response(is_answered_post) as posted:
        frame.get_by_role("button", name="Kiểm tra").click()
    assert posted.value.status == 200
    assert posted.value.json()["module_completed"] is True

    assert iframe.get_attribute("title") == "Đúng hay sai?"
    assert [v["id"] for v in axe_violations(page)] == []
    page.locator(".h5p-status", has_text="Kết quả đã được ghi nhận.").wait_for()
    verbs = sorted(H5PStatement.objects.filter(user=learner).values_list("verb", flat=True))
    assert verbs == [
        "http://adlnet.gov/expapi/verbs/answered",
        "http://adlnet.gov/expapi/verbs/attempted",
    ]
    statement = H5PStatement.objects.get(user=learner, verb__endswith="/answered")
    assert statement.module_page_id == module.pk and statement.package_id == package.pk
    assert (statement.score_raw, statement.score_max) == (1, 1)
    progress = ModuleProgress.objects.get(user=learner, module_id=module.pk)
    assert progress.status == ModuleProgress.Status.COMPLETED and progress.source == "h5p"


def test_trainer_uploads_packages_in_the_admin(
    browser_page, live_server, trainer, password, settings, tmp_path
):
    from django.contrib.auth.models import Permission
    from django.urls import reverse

    from content.h5p.models import H5PPackage
    from lms.org import roles

    settings.MEDIA_ROOT = str(tmp_path / "media")
    _site_root()
    # What migrations org 0002 and content 0004 grant; a transactional test may run after a flush.
    group = roles.group_for(roles.TRAINER)
    trainer.groups.add(group)
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_h5ppackage", "change_h5ppackage", "view_h5ppackage"]
        )
    )
    page = browser_page
    login(page, live_server, trainer.username, password)
    add_url = f"{live_server.url}{reverse('wagtailsnippets_content_h5ppackage:add')}"

    page.goto(add_url)
    page.set_input_files(
        "input[name=package_file]", str(TESTDATA / "h5p" / "hostile" / "xss-svg.h5p")
    )
    page.locator("form[enctype='multipart/form-data'] button[type=submit]").first.click()
    page.wait_for_load_state()
    assert (
        'Tệp "content/images/xss.svg": ảnh SVG chứa mã script, không được phép.' in page.content()
    )
    assert not H5PPackage.objects.exists()

    page.set_input_files("input[name=package_file]", str(TRUEFALSE))
    page.fill("input[name=title]", "Mật khẩu dùng chung")
    page.locator("form[enctype='multipart/form-data'] button[type=submit]").first.click()
    page.wait_for_load_state()
    package = H5PPackage.objects.get()
    assert (package.title, package.main_library, package.file_count) == (
        "Mật khẩu dùng chung",
        "H5P.TrueFalse 1.6",
        107,
    )
    assert "Mật khẩu dùng chung" in page.content()
