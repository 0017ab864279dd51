"""Issue 11, "Vietnamese admin": every string a trainer, a unit focal point or a Sở Nội vụ user
sees in the Wagtail admin is Vietnamese.

Each staff persona walks the admin screens of their work (page tree, the editor of a course and
of a lesson, the add-page screen, page history, workflow screens and reports, snippets, the
question bank and its import, reports, Ghi danh, settings, account, choosers); every visible
text node, aria-label, title, placeholder, alt text, button value and the labels in Wagtail's
JSON props (the sidebar menu) is checked with vietnamese_text.english_words. Wagtail ships few
Vietnamese admin strings: the rest come from lms/locale_overrides (LOCALE_PATHS comes first).
"""

import json
import re
from collections import defaultdict
from decimal import Decimal
from html import unescape

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from courses.models import Competency, CourseIndexPage, CoursePage, ModulePage
from quizzes.models import Category, Quiz, QuizQuestion
from tests.conftest import site_root
from tests.quizzes.conftest import make_single

from .glossary_rules import forbidden_hits
from .test_glossary import NEEDS_A_MIGRATION
from .vietnamese_text import english_words, is_not_vietnamese, visible_strings

pytestmark = pytest.mark.django_db

PERSONAS = ["trainer", "manager_a", "home_affairs"]


@pytest.fixture
def admin_content(trainer, home_affairs):
    """A small course tree (catalogue, course, a lesson written by the trainer and published by
    Sở Nội vụ, the course submitted to the review workflow), a
    quiz with one question, a competency snippet."""
    home = site_root()
    index = CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    course = index.add_child(
        instance=CoursePage(
            title="An toàn thông tin cơ bản",
            slug="attt-co-ban",
            summary="Tóm tắt khóa học.",
            objectives="Nhận diện tin nhắn lừa đảo",
            tiet=Decimal("2"),
            estimated_minutes=90,
        )
    )
    module = course.add_child(
        instance=ModulePage(title="Bài 1: Mật khẩu", slug="bai-1", summary="Tóm tắt bài.")
    )
    module.save_revision(user=trainer).publish(user=home_affairs)
    revision = course.save_revision(user=trainer)
    workflow = course.get_workflow()
    if workflow is not None:
        workflow.start(course, trainer)
    category = Category.objects.create(name="Lừa đảo trực tuyến")
    question = make_single(category)
    quiz = Quiz.objects.create(title="Kiểm tra cuối khóa", course=course)
    QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=0)
    competency = Competency.objects.create(name="Nhận diện lừa đảo", slug="nhan-dien-lua-dao")
    return {
        "home": home,
        "index": index,
        "course": course,
        "module": module,
        "revision": revision,
        "question": question,
        "category": category,
        "quiz": quiz,
        "competency": competency,
    }


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def admin_screens(content):
    """The screens the staff walk (those a persona may not open answer 302/403/404 and are
    skipped for that persona)."""
    course, module = content["course"], content["module"]
    urls = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{content['index'].pk}/",
        f"/admin/pages/{course.pk}/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{module.pk}/edit/",
        f"/admin/pages/{course.pk}/add_subpage/",
        f"/admin/pages/add/courses/modulepage/{course.pk}/",
        f"/admin/pages/{course.pk}/history/",
        f"/admin/pages/{course.pk}/revisions/compare/earliest...{content['revision'].pk}/",
        f"/admin/pages/{module.pk}/move/",
        f"/admin/pages/{module.pk}/copy/",
        f"/admin/pages/{module.pk}/unpublish/",
        f"/admin/pages/{module.pk}/delete/",
        f"/admin/pages/{course.pk}/workflow_history/",
        "/admin/pages/search/?q=an",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/snippets/",
        _url("wagtailsnippets_courses_competency:list"),
        _url("wagtailsnippets_courses_competency:add"),
        _url("wagtailsnippets_courses_competency:edit", content["competency"].pk),
        _url("quizzes_question:index"),
        _url("quizzes_question:add"),
        _url("quizzes_question:edit", content["question"].pk),
        _url("quizzes_category:index"),
        _url("quizzes_quiz:index"),
        _url("quizzes_quiz:edit", content["quiz"].pk),
        _url("quizzes_admin:import"),
        _url("quizzes_admin:export"),
        _url("quizzes_admin:analysis-index"),
        _url("ghi-danh:index"),
        _url("courses_assign"),
        _url("can-bo:index"),
        _url("phong-ban:index"),
        _url("chuc-danh:index"),
        _url("don-vi:index"),
        _url("nhap-can-bo:upload"),
        _url("so-boi-duong:index"),
        "/admin/account/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/choose-page/",
        "/admin/settings/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/collections/",
    ]
    state = course.current_workflow_task_state
    if state is not None:  # Sở Nội vụ's approve / request-changes dialogs and the preview
        for action in ("approve", "reject"):
            urls.append(f"/admin/pages/workflow/action/{course.pk}/{action}/{state.pk}/")
        urls.append(f"/admin/pages/workflow/preview/{course.pk}/{state.task_id}/")
    return [url for url in urls if url]


def _waits_for_a_migration(text):
    folded = text.casefold()
    return any(pending.casefold() in folded for _path, pending in NEEDS_A_MIGRATION)


def invalid_posts(content=None):
    """Validation screens: add forms posted empty (the "could not be created due to errors"
    message and the field errors), a lesson posted without a title."""
    posts = [
        (_url("wagtailsnippets_courses_competency:add"), {"name": ""}),
        (_url("quizzes_category:add"), {"name": ""}),
        (_url("quizzes_quiz:add"), {"title": ""}),
        (_url("quizzes_question:add"), {"title": ""}),
    ]
    if content is not None:
        course = content["course"]
        lesson = {"title": "", "slug": "bai-moi", "body-count": "0"}
        posts.append((f"/admin/pages/add/courses/modulepage/{course.pk}/", lesson))
    return [(url, data) for url, data in posts if url]


HIDDEN_INPUT = re.compile(r"<input\b(?=[^>]*type=\"hidden\")[^>]*>")
ATTRIBUTE = re.compile(r'(name|value)="([^"]*)"')


def _hidden_inputs(html):
    fields = {}
    for tag in HIDDEN_INPUT.findall(html):
        attributes = dict(ATTRIBUTE.findall(tag))
        if attributes.get("name"):
            fields[attributes["name"]] = unescape(attributes.get("value", ""))
    return fields


def walk(user, urls, glossary_hits=None, posts=()):
    """{url: [(where, text, english words)]} for the HTML screens `user` may open, and the
    number of screens read and strings checked; forbidden glossary variants are appended to
    `glossary_hits` when it is given."""
    client = Client(raise_request_exception=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    problems, screens, checked = defaultdict(list), 0, 0
    requests = [(url, None) for url in urls] + list(posts)
    for url, data in requests:
        if data is None:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
        else:
            # A browser posts the form's hidden inputs too (formset management forms).
            form_page = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
            if form_page.status_code != 200:
                continue  # not this persona's form
            posted = {**_hidden_inputs(form_page.content.decode()), **data}
            response = client.post(url, posted, HTTP_ACCEPT_LANGUAGE="vi")
            assert response.status_code == 200, f"POST {url} was not refused: {posted}"
            url = f"POST {url}"
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not ("html" in content_type or "json" in content_type):
            continue
        body = response.content.decode()
        if "json" in content_type:  # a dialog: Wagtail sends its HTML inside JSON
            body = json.loads(body).get("html") or ""
            if not body:
                continue
        screens += 1
        for where, text in visible_strings(body):
            checked += 1
            words = english_words(text)
            if words:
                problems[url].append((where, text, words))
            if glossary_hits is not None and not _waits_for_a_migration(text):
                for variant in forbidden_hits(text):
                    glossary_hits.append(f"{url} {where}: {text[:100]!r} ← {variant}")
    return problems, screens, checked


def _report(problems):
    lines = []
    for url, items in problems.items():
        lines.append(url)
        seen = set()
        for where, text, words in items:
            if (where, text) not in seen:
                seen.add((where, text))
                lines.append(f"    {where}: {text[:140]!r}  ← {', '.join(words)}")
    return "\n".join(lines)


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_admin_screens_are_vietnamese(persona, request, admin_content):
    """Also: none of the glossary's forbidden variants is shown (Wagtail's own Vietnamese
    writes "Xoá", "Từ khoá", "Bản ghi nhớ", "Trang Chủ"; the overrides replace them)."""
    user = request.getfixturevalue(persona)
    glossary = []
    problems, screens, checked = walk(
        user, admin_screens(admin_content), glossary, posts=invalid_posts(admin_content)
    )
    assert screens >= 5, f"{persona} opened only {screens} admin screens"
    bad = sum(len(items) for items in problems.values())
    assert not problems, (
        f"{persona}: {bad} of {checked} strings on {screens} screens are not Vietnamese:\n"
        + _report(problems)
    )
    assert not glossary, "\n".join(sorted(set(glossary)))


# --- the detector can fail -------------------------------------------------------------


def test_the_detector_flags_english_and_mixed_strings():
    for text in [
        "Save draft",
        "Choose năng lực",
        "Awaiting Sở Nội vụ duyệt nội dung",
        "The câu hỏi could not be created due to errors.",
        "Edit",
        "Delete",
        "Page",
        "Search",
    ]:
        assert is_not_vietnamese(text), text
    for text in [
        "Lưu bản nháp",
        "Chọn năng lực",
        "Đang chờ Sở Nội vụ duyệt nội dung",
        "Nhập câu hỏi từ tệp GIFT, Aiken, Moodle XML hoặc XLSX",
        "An toàn thông tin cho cán bộ, công chức",
        "Lê Hoàng Long",
        "H5P",
        "giangvien@example.com",
        "Trang 1 / 3",
        "Không có nội dung",
        "Do đó, cần can thiệp ngay",
    ]:
        assert not is_not_vietnamese(text), text


def test_the_extractor_reads_attributes_and_json_labels_but_not_scripts():
    html = """<html><body><h1>Trang</h1>
      <button aria-label="Close">x</button><input type="submit" value="Save">
      <input type="text" placeholder="Search…"><img alt="Logo" src="x.png">
      <span title="More actions">…</span>
      <script>var label = "English in a script";</script><style>.a{content:"Edit"}</style>
      <script type="application/json" id="props">{"menu": [{"label": "Reports"}]}</script>
    </body></html>"""
    strings = visible_strings(html)
    texts = {text for _where, text in strings}
    assert {"Trang", "Close", "Save", "Search…", "Logo", "More actions", "Reports"} <= texts
    assert not any("script" in text or "Edit" in text for text in texts)
    problems = {text for text in texts if is_not_vietnamese(text)}
    assert problems == {"Close", "Save", "Search…", "More actions", "Reports"}


def test_the_walk_fails_on_an_english_screen(trainer, admin_content):
    """The same walk with the trainer's admin language set to English reports the dashboard."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    problems, screens, _checked = walk(trainer, ["/admin/"])
    assert screens == 1
    texts = [text for items in problems.values() for _where, text, _words in items]
    assert any(text.startswith("Dashboard") for text in texts), texts


# --- the JavaScript catalogue ----------------------------------------------------------

JS_STRINGS = {
    "Close": "Đóng",
    "Search": "Tìm kiếm",
    "Edit": "Sửa",
}


def test_admin_javascript_catalogue_is_vietnamese(trainer):
    """Wagtail's jsi18n view (JavaScriptCatalog for wagtail.admin) also reads LOCALE_PATHS: the
    djangojs.po of the overrides reaches the admin's scripts."""
    client = Client()
    client.force_login(trainer, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    body = response.content.decode()
    match = re.search(r"const newcatalog = (\{.*?\});\n", body, re.S)
    assert match, body[:500]
    catalog = json.loads(match.group(1))
    for msgid, expected in JS_STRINGS.items():
        assert catalog.get(msgid) == expected, (msgid, catalog.get(msgid))
    english = {k: v for k, v in catalog.items() if isinstance(v, str) and is_not_vietnamese(v)}
    assert not english


def test_the_page_editor_validation_screen_is_vietnamese(trainer, admin_content):
    """The issue's worst screen: a lesson saved without a title."""
    client = Client()
    client.force_login(trainer, backend="django.contrib.auth.backends.ModelBackend")
    url = f"/admin/pages/add/courses/modulepage/{admin_content['course'].pk}/"
    hidden = _hidden_inputs(client.get(url).content.decode())
    response = client.post(url, {**hidden, "title": "", "slug": "bai-moi", "body-count": "0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chưa tạo được trang vì có lỗi nhập liệu." in html
    assert "Trường này là bắt buộc." in html
    assert "could not be created" not in html
