"""axe-core on the admin screens staff use (issue 11, quality bar): as a trainer, a unit focal
point (manager_a) and a Sở Nội vụ user, at 1366×768 and 375 px, no serious or critical
violation on the dashboard, the page explorer, the page editor of a course and of a lesson, the
question list and form, Ghi danh and the snippets list. One logged-in page per role.

Also the rough edges only a browser shows: the Ghi danh buttons' icons are icon-sized (they were
300×150 boxes hiding the label), the rich-text boxes are named by their field's label, and the
question form shows only the chosen type's answer section."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage
from quizzes.models import Category
from tests.browser_harness import axe_violations, login
from tests.conftest import site_root
from tests.quizzes.conftest import make_single

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = [(1366, 768), (375, 740)]
# The screens each role's work needs (a screen a role may not open is skipped, not failed).
MUST_OPEN = {
    "trainer": ["bảng điều khiển", "cây trang", "sửa khóa học", "sửa bài học", "thêm câu hỏi"],
    "manager_a": ["bảng điều khiển", "ghi danh"],
    "home_affairs": ["bảng điều khiển", "ghi danh"],
}


@pytest.fixture
def admin_content(trainer, learner, manager_a, home_affairs):
    # Role groups, permissions and the review workflow come from the migrations (restored for
    # every transactional test by the serialised rollback, tests/conftest.py).
    home = site_root()
    index = CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    course = index.add_child(
        instance=CoursePage(
            title="An toàn thông tin cơ bản",
            slug="attt-co-ban",
            summary="Tóm tắt khóa học.",
            tiet=Decimal("2"),
            estimated_minutes=90,
        )
    )
    course.save_revision(user=trainer).publish()
    module = course.add_child(
        instance=ModulePage(
            title="Bài 1: Mật khẩu",
            slug="bai-1",
            summary="Tóm tắt bài.",
            body=[
                ("paragraph", "<p>Dùng cụm mật khẩu dài.</p>"),
                (
                    "knowledge_check",
                    {
                        "situation": "Đồng nghiệp xin mật khẩu.",
                        "question": "Anh/chị làm gì?",
                        "options": [
                            {"text": "Đưa.", "is_correct": False, "feedback": "Không."},
                            {"text": "Từ chối.", "is_correct": True, "feedback": "Đúng."},
                        ],
                    },
                ),
            ],
        )
    )
    module.save_revision(user=trainer).publish()
    Enrolment.objects.create(user=learner, course=course)
    question = make_single(Category.objects.create(name="Lừa đảo trực tuyến"))
    return {"course": course, "module": module, "question": question}


def screens(content):
    course, module = content["course"], content["module"]
    return {
        "bảng điều khiển": "/admin/",
        "cây trang": "/admin/pages/",
        "trang khóa học": f"/admin/pages/{course.pk}/",
        "sửa khóa học": f"/admin/pages/{course.pk}/edit/",
        "sửa bài học": f"/admin/pages/{module.pk}/edit/",
        "danh sách câu hỏi": reverse("quizzes_question:index"),
        "thêm câu hỏi": reverse("quizzes_question:add"),
        "sửa câu hỏi": reverse("quizzes_question:edit", args=[content["question"].pk]),
        "ghi danh": reverse("ghi-danh:index"),
        "snippets": "/admin/snippets/",
    }


def _describe(violations):
    lines = []
    for v in violations:
        targets = [(", ".join(node["target"]), node["html"][:300]) for node in v["nodes"][:4]]
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])}): {v['help']} → {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("persona", ["trainer", "manager_a", "home_affairs"])
def test_admin_screens_have_no_serious_axe_violations(
    persona, request, chromium, live_server, password, admin_content
):
    user = request.getfixturevalue(persona)
    context = chromium.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        login(page, live_server, user.username, password)
        found, opened = {}, []
        for name, url in screens(admin_content).items():
            response = page.goto(f"{live_server.url}{url}")
            refused = page.url.rstrip("/").endswith("/admin") and url != "/admin/"
            if response.status != 200 or refused or "dang-nhap" in page.url:
                continue  # a screen this role may not open (sent to the dashboard or refused)
            page.wait_for_load_state("networkidle")  # Draftail and the sidebar are drawn
            opened.append(name)
            for width, height in SIZES:
                page.set_viewport_size({"width": width, "height": height})
                violations = axe_violations(page)
                if violations:
                    found[f"{name} ({url}) {width}px"] = _describe(violations)
            page.set_viewport_size({"width": 1366, "height": 768})
        assert set(MUST_OPEN[persona]) <= set(opened), (persona, opened)
        assert not found, f"{persona}:\n" + "\n".join(f"{k}\n{v}" for k, v in found.items())
    finally:
        context.close()


def _logged_in(chromium, live_server, user, password):
    context = chromium.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    login(page, live_server, user.username, password)
    return context, page


def test_rich_text_boxes_are_named_by_their_fields_label(
    chromium, live_server, password, admin_content, trainer
):
    context, page = _logged_in(chromium, live_server, trainer, password)
    try:
        page.goto(f"{live_server.url}{reverse('quizzes_question:add')}")
        page.wait_for_selector(".public-DraftEditor-content")
        boxes = page.locator('.public-DraftEditor-content[role="textbox"]')
        expect(boxes).to_have_count(2)
        expect(page.get_by_role("textbox", name="Nội dung câu hỏi")).to_have_count(1)
        expect(page.get_by_role("textbox", name="Giải thích chung")).to_have_count(1)
        # The lesson editor: the paragraph block's box inside the StreamField too.
        page.goto(f"{live_server.url}/admin/pages/{admin_content['module'].pk}/edit/")
        page.wait_for_selector(".public-DraftEditor-content")
        unnamed = page.locator('.public-DraftEditor-content[role="textbox"]:not([aria-labelledby])')
        expect(unnamed).to_have_count(0)
        assert page.locator('.public-DraftEditor-content[role="textbox"]').count() >= 1
    finally:
        context.close()


def test_ghi_danh_buttons_show_icon_sized_icons_and_their_labels(
    chromium, live_server, password, admin_content, manager_a
):
    context, page = _logged_in(chromium, live_server, manager_a, password)
    try:
        page.goto(f"{live_server.url}{reverse('ghi-danh:index')}")
        for label in ("Lọc", "Tải danh sách đã lọc (.xlsx)"):
            button = page.locator("main .button", has_text=re.compile(f"^{re.escape(label)}$"))
            expect(button).to_have_count(1)
            icon = button.locator("svg.icon").bounding_box()
            assert icon["width"] <= 24 and icon["height"] <= 24, (label, icon)
            box = button.bounding_box()
            assert box["height"] <= 56, (label, box)  # one line, not a 150-px box
            expect(button).to_have_text(label)
            assert button.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), label
    finally:
        context.close()


def test_question_form_shows_only_the_chosen_types_answer_section(
    chromium, live_server, password, admin_content, trainer
):
    context, page = _logged_in(chromium, live_server, trainer, password)
    try:
        page.goto(f"{live_server.url}{reverse('quizzes_question:add')}")
        sections = page.locator("[data-qtype-parts]")
        expect(sections).to_have_count(5)
        expect(sections.locator("visible=true")).to_have_count(5)  # no type chosen yet
        page.select_option("select[name=qtype]", "ordering")
        expect(sections.locator("visible=true")).to_have_count(1)
        expect(page.locator('[data-qtype-parts="ordering"]')).to_be_visible()
        page.select_option("select[name=qtype]", "truefalse")
        expect(page.locator('[data-qtype-parts="single multiple truefalse"]')).to_be_visible()
        expect(page.locator('[data-qtype-parts="ordering"]')).to_be_hidden()
        # Editing a question opens on its own type's section.
        page.goto(
            f"{live_server.url}"
            f"{reverse('quizzes_question:edit', args=[admin_content['question'].pk])}"
        )
        expect(sections.locator("visible=true")).to_have_count(1)
        expect(page.locator('[data-qtype-parts="single multiple truefalse"]')).to_be_visible()
    finally:
        context.close()
