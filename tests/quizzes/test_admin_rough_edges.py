"""Admin rough edges of issue 11 (item 6), through the Django client: the question list's
"Đang dùng" column, the import preview's type column, the question form's answer sections, the
scenario block's minimum, the Ghi danh buttons' markup and the course page's start button.
What only a browser shows (icon sizes, accessible names, hiding sections) is in
tests/browser/test_admin_axe.py."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks.stream_block import StreamBlockAdapter
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from content.blocks import ContentStreamBlock, KnowledgeCheckBlock
from courses.models import Enrolment, ModuleProgress
from quizzes import qtypes
from quizzes.models import Question, QuestionType

from .conftest import make_single
from .test_admin import GIFT, gift_upload

# -- the quiz list --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_quiz_list_writes_the_pass_mark_as_a_percentage(client_for, trainer, make_quiz, category):
    from decimal import Decimal

    for title, mark in (("Kiểm tra tám mươi", "80"), ("Kiểm tra lẻ", "82.5")):
        quiz = make_quiz([make_single(category)], pass_mark=Decimal(mark))
        quiz.title = title
        quiz.save()
    html = client_for(trainer).get(reverse("quizzes_quiz:index")).content.decode()
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    eighty = next(row for row in rows if "Kiểm tra tám mươi" in row)
    odd = next(row for row in rows if "Kiểm tra lẻ" in row)
    assert "80\u00a0%" in eighty and "80,00" not in eighty and "80.00" not in eighty
    assert "82,5\u00a0%" in odd and "82,50" not in odd


# -- the question list ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_question_list_says_co_or_khong_in_the_in_use_column(client_for, trainer, category):
    make_single(category, stem="Câu đang dùng")
    hidden = make_single(category, stem="Câu đã ẩn")
    Question.objects.filter(pk=hidden.pk).update(is_active=False)
    html = client_for(trainer).get(reverse("quizzes_question:index")).content.decode()
    assert "Đang dùng" in html
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    active = next(row for row in rows if "Câu đang dùng" in row)
    inactive = next(row for row in rows if "Câu đã ẩn" in row)
    assert re.search(r"icon-check.*?Có\s*</td>", active, re.S)
    assert re.search(r"icon-cross.*?Không\s*</td>", inactive, re.S)
    for text in ("True", "False"):
        assert text not in active and text not in inactive
    # The type column reads the type's Vietnamese name.
    assert "Một đáp án đúng" in active and ">single<" not in active


# -- the import preview --------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_preview_names_each_type_in_vietnamese(client_for, trainer, category):
    preview = client_for(trainer).post(
        reverse("quizzes_admin:import"),
        {"file": gift_upload(GIFT), "format": "gift", "category": category.pk},
    )
    html = preview.content.decode()
    cells = re.findall(r"<tr><td>\d+</td><td>([^<]*)</td>", html)
    assert cells == ["Một đáp án đúng", "Đúng/Sai"]
    assert "<td>single</td>" not in html and "<td>truefalse</td>" not in html


def test_every_type_has_one_vietnamese_name_shared_with_the_model_choices():
    assert {code: str(label) for code, label in QuestionType.choices} == {
        code: qtypes.label_of(code) for code in qtypes.REGISTRY
    }
    assert qtypes.label_of("essay") == "essay"  # an unknown code stays readable


# -- the question form ---------------------------------------------------------------------------


def _question_form(category, qtype="single", **sections):
    data = {
        "qtype": qtype,
        "category": category.pk,
        "title": "",
        "stem": rich_text("<p>Câu hỏi của biểu mẫu</p>"),
        "explanation": rich_text(""),
        "choices": inline_formset([]),
        "short_answers": inline_formset([]),
        "pairs": inline_formset([]),
        "order_items": inline_formset([]),
        "numerical_answers": inline_formset([]),
        "grading_mode": "partial",
        "competencies": [],
        "idnumber": "",
        "is_active": "on",
    }
    data.update(sections)
    return nested_form_data(data)


RIGHT_AND_WRONG = inline_formset(
    [
        {"text": "Đúng là vậy", "fraction": 100, "feedback": ""},
        {"text": "Không phải", "fraction": 0, "feedback": ""},
    ]
)


@pytest.mark.django_db
def test_without_javascript_the_form_shows_every_answer_section_with_its_heading(
    client_for, trainer
):
    html = client_for(trainer).get(reverse("quizzes_question:add")).content.decode()
    sections = re.findall(r'<section[^>]*data-qtype-parts="([^"]+)"', html)
    assert sorted(sections) == sorted(
        ["single multiple truefalse", "short", "numerical", "matching", "ordering"]
    )
    for heading in (
        "Lựa chọn (một/nhiều đáp án, Đúng/Sai)",
        "Đáp án chấp nhận (trả lời ngắn)",
        "Đáp án số (dạng số)",
        "Cặp ghép đôi",
        "Các mục theo thứ tự đúng (sắp xếp)",
    ):
        assert heading in html
    assert "quizzes/admin_question.js" in html
    assert " hidden" not in re.search(r'<section[^>]*data-qtype-parts="short"[^>]*>', html).group(0)


@pytest.mark.django_db
def test_the_server_validates_and_saves_only_the_chosen_types_section(
    client_for, trainer, category
):
    # Left-overs in other sections (a bad number, a half pair, an empty item) do not block a
    # single-choice question, and are not saved with it.
    data = _question_form(
        category,
        choices=RIGHT_AND_WRONG,
        numerical_answers=inline_formset(
            [{"value": "không phải số", "tolerance": "x", "fraction": 100, "feedback": ""}]
        ),
        pairs=inline_formset([{"prompt": "Chỉ có vế trái", "answer": ""}]),
        order_items=inline_formset([{"text": ""}]),
    )
    response = client_for(trainer).post(reverse("quizzes_question:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get()
    assert question.choices.count() == 2
    assert question.numerical_answers.count() == 0
    assert question.pairs.count() == 0
    assert question.order_items.count() == 0


@pytest.mark.django_db
def test_the_chosen_types_section_is_still_checked(client_for, trainer, category):
    # An ordering question with one item is refused, whatever the choices section says.
    data = _question_form(
        category, qtype="ordering", choices=RIGHT_AND_WRONG, order_items=inline_formset([])
    )
    response = client_for(trainer).post(reverse("quizzes_question:add"), data)
    assert response.status_code == 200
    assert not Question.objects.exists()
    # A bad number in the numerical section is refused when the type is numerical.
    data = _question_form(
        category,
        qtype="numerical",
        numerical_answers=inline_formset(
            [{"value": "không phải số", "tolerance": "0", "fraction": 100, "feedback": ""}]
        ),
    )
    response = client_for(trainer).post(reverse("quizzes_question:add"), data)
    assert response.status_code == 200
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_editing_keeps_the_stored_rows_of_other_sections(client_for, trainer, category):
    question = make_single(category)
    question.pairs.create(prompt="Trái", answer="Phải", sort_order=0)
    choices = [
        {"id": c.pk, "text": f"Sửa {c.text}", "fraction": c.fraction, "feedback": c.feedback}
        for c in question.choices.order_by("sort_order")
    ]
    data = _question_form(
        category, choices=inline_formset(choices, initial=len(choices)), pairs=inline_formset([])
    )
    response = client_for(trainer).post(reverse("quizzes_question:edit", args=[question.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert [c.text for c in question.choices.order_by("sort_order")] == [
        "Sửa Đúng rồi",
        "Sửa Sai 1",
        "Sửa Sai 2",
    ]
    assert list(question.pairs.values_list("prompt", flat=True)) == ["Trái"]


# -- the scenario block --------------------------------------------------------------------------


def test_a_new_scenario_block_starts_with_its_minimum_of_two_options():
    block = KnowledgeCheckBlock()
    assert block.child_blocks["options"].meta.min_num == 2
    assert len(block.get_default()["options"]) == 2


def test_the_page_editor_inserts_a_scenario_with_two_empty_options():
    # What the StreamField widget is given for a newly inserted block (Wagtail's telepath args).
    stream = ContentStreamBlock()
    name, _groups, defaults, _meta = StreamBlockAdapter().js_args(stream)
    options = defaults["knowledge_check"]["options"]
    assert len(options) == 2
    assert not any(option["value"]["text"] for option in options)  # empty, to fill in
    assert options[0]["id"] != options[1]["id"]


def test_too_few_options_is_refused_in_vietnamese():
    block = KnowledgeCheckBlock()
    value = block.to_python(
        {
            "situation": "Một tình huống",
            "question": "Làm gì?",
            "options": [{"text": "Chỉ một", "is_correct": True, "feedback": "Vì vậy."}],
        }
    )
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(value)
    message = " ".join(str(m) for m in caught.value.block_errors["options"].messages)
    assert "Cần ít nhất 2 phương án (hiện có 1)." in message
    assert "minimum number" not in message


def test_two_options_with_one_right_answer_are_accepted():
    block = KnowledgeCheckBlock()
    value = block.to_python(
        {
            "situation": "Một tình huống",
            "question": "Làm gì?",
            "options": [
                {"text": "Sai", "is_correct": False, "feedback": "Không."},
                {"text": "Đúng", "is_correct": True, "feedback": "Vì vậy."},
            ],
        }
    )
    assert len(block.clean(value)["options"]) == 2


# -- Ghi danh -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_ghi_danh_buttons_use_wagtails_icon_button_markup(client_for, manager_a, learner, course):
    Enrolment.objects.create(user=learner, course=course)
    html = client_for(manager_a).get(reverse("ghi-danh:index")).content.decode()
    for label in ("Lọc", r"Tải danh sách đã lọc \(\.xlsx\)"):
        match = re.search(
            rf'class="button bicolor button--icon"[^>]*>\s*<span class="icon-wrapper">\s*'
            rf'<svg class="icon icon-([a-z-]+)[^"]*"[^>]*>.*?</svg>\s*</span>\s*{label}<',
            html,
            re.S,
        )
        assert match, label
        assert match.group(1) in ("sliders", "download")  # icons Wagtail 8 ships
    assert "icon-filter" not in html


# -- the course page -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_course_not_yet_started_offers_bat_dau_hoc(client_for, learner, course, module):
    Enrolment.objects.create(user=learner, course=course)
    html = client_for(learner).get(course.url).content.decode()
    assert f"Bắt đầu học: {module.title}" in html
    assert "Tiếp tục học" not in html


@pytest.mark.django_db
def test_after_a_finished_lesson_the_button_says_tiep_tuc_hoc(client_for, learner, course, module):
    second = course.add_child(instance=type(module)(title="Mô-đun 2", slug="mo-dun-2"))
    Enrolment.objects.create(user=learner, course=course)
    ModuleProgress.objects.create(
        user=learner,
        module=module,
        status=ModuleProgress.Status.COMPLETED,
        source=ModuleProgress.Source.VIEWED,
        completed_at=timezone.now(),
    )
    html = client_for(learner).get(course.url).content.decode()
    assert f"Tiếp tục học: {second.title}" in html
    assert "Bắt đầu học" not in html
