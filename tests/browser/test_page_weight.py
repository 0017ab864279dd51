"""Light pages (issue 11, point 4): a text lesson's and an H5P lesson's first load stay within
100 KB compressed of HTML, CSS, JavaScript and fonts; the H5P player costs nothing until the
learner opens the activity. Sizes come from the responses Chromium received (bench/page_weight.py
measures the same way; the live server sends no compressed body, so a body counts as gzip
level 6 would send it, as nginx does in production), never from timings."""

import pytest
from wagtail.models import ReferenceIndex

from bench.page_weight import BUDGET, api_login, open_activity, print_table, record, settle
from tests.content.conftest import truefalse_file

from .test_h5p import _site_root

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARAGRAPH = (
    "<p>Khi nhận được tin nhắn Zalo tự xưng là lãnh đạo phường yêu cầu chuyển khoản gấp hoặc "
    "gửi ảnh căn cước của người dân, anh/chị dừng lại, không bấm vào đường link lạ và gọi lại "
    "cho người gửi qua số điện thoại đã biết trước để xác minh. Báo ngay cho cán bộ phụ trách "
    "công nghệ thông tin của đơn vị nếu đã lỡ cung cấp thông tin.</p>"
)


@pytest.fixture
def lessons(settings, tmp_path, trainer, learner):
    from content.h5p.services import import_package
    from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "h5p": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "h5p_store")},
        },
    }
    package = import_package(truefalse_file(), user=trainer)
    home = _site_root()
    index = CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    course = index.add_child(
        instance=CoursePage(title="An toàn thông tin cấp xã", slug="atbt", summary="Tóm tắt.")
    )
    body = [("heading", "Nhận diện lừa đảo qua Zalo")] + [("paragraph", PARAGRAPH)] * 12
    text = course.add_child(
        instance=ModulePage(title="Nhận diện lừa đảo", slug="lua-dao", body=body)
    )
    h5p = course.add_child(
        instance=ModulePage(
            title="Mật khẩu dùng chung",
            slug="mat-khau",
            completion_rule="h5p",
            body=[
                ("paragraph", PARAGRAPH),
                ("h5p", {"package": package, "title": "Đúng hay sai?", "instructions": ""}),
            ],
        )
    )
    ReferenceIndex.create_or_update_for_object(h5p)
    Enrolment.objects.create(user=learner, course=course)
    return text, h5p


def first_load(page, live_server, path, name):
    load = record(page, name)
    page.goto(f"{live_server.url}{path}", wait_until="networkidle")
    return settle(page, load)


def test_lessons_first_load_within_budget_and_player_only_when_opened(
    browser_page, live_server, learner, password, lessons, capsys
):
    text, h5p = lessons
    page = browser_page
    # Logged in without loading a page in this browser: its cache stays empty.
    api_login(page.context, live_server.url, learner.username, password)

    text_load = first_load(page, live_server, text.url, "text lesson")
    documents = [row for row in text_load.rows if row[0] == "document"]
    assert len(documents) == 1 and "Nhận diện lừa đảo qua Zalo" in page.content()
    assert documents[0][2] > 5000  # the lesson itself was measured, twelve paragraphs
    assert 0 < text_load.compressed <= BUDGET, text_load.rows

    page.context.clear_cookies()
    page.close()
    page = page.context.browser.new_context(locale="vi-VN").new_page()
    api_login(page.context, live_server.url, learner.username, password)
    h5p_load = first_load(page, live_server, h5p.url, "H5P lesson, first load")
    assert 0 < h5p_load.compressed <= BUDGET, h5p_load.rows
    assert not [row for row in h5p_load.rows if "/h5p/play/" in row[1]]
    assert not [row for row in h5p_load.rows if "h5p-standalone" in row[1]]
    assert page.locator(".h5p-player iframe").count() == 0

    activity = open_activity(page, "  + opening the H5P activity")
    player = [row for row in activity.rows if row[1].endswith("frame.bundle.js")]
    assert player and activity.compressed > player[0][3]  # the player and the package came now
    page.context.close()
    with capsys.disabled():
        print()
        print_table([text_load, h5p_load, activity])


def test_without_javascript_the_activity_is_a_link_to_its_frame(
    chromium, live_server, learner, password, lessons
):
    import html
    import re

    _text, h5p = lessons
    context = chromium.new_context(java_script_enabled=False, locale="vi-VN")
    api_login(context, live_server.url, learner.username, password)
    page = context.new_page()
    load = first_load(page, live_server, h5p.url, "H5P lesson without JavaScript")
    link = page.get_by_role("link", name="Mở hoạt động")
    href = link.get_attribute("href")
    assert "/h5p/play/" in href and link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel")
    # The sandboxed frame stays inert in its <template>: nothing of the player is fetched.
    assert page.locator("iframe").count() == 0
    assert not [row for row in load.rows if "/h5p/play/" in row[1]]
    # (Chromium's script switch leaves the parser's scripting flag on, so <noscript> is not
    # rendered here; a browser with JavaScript off shows it.)
    assert "cần bật JavaScript" in page.locator(".h5p-player noscript").inner_html()
    # The link opens the very frame the page would embed (same capability, same sandbox).
    frame = re.search(
        r'<template class="h5p-frame-template"><iframe class="h5p-frame" src="([^"]+)" '
        r'sandbox="([^"]*)"',
        page.content(),
    )
    assert html.unescape(frame[1]) == href and frame[2] == "allow-scripts"
    context.close()
