"""Numerical questions: Vietnamese number writing, grading within tolerance, the learner's page
(with and without the autosave script), snapshots, review, item analysis and the admin editor."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from quizzes import analysis, grading
from quizzes.display import question_view
from quizzes.models import Attempt, AttemptQuestion, NumericalAnswer, Question
from quizzes.numbers import NumberError, parse_number, vietnamese

from .conftest import make_numerical
from .test_reliability import state_of

D = Decimal


# -- reading numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("3,5", "3.5"),
        ("3.5", "3.5"),
        (" 12 ", "12"),
        ("-0,25", "-0.25"),
        ("\u22122", "-2"),  # the minus sign
        ("+7", "7"),
        (",5", "0.5"),
        ("1.000.000", "1000000"),
        ("1 000 000", "1000000"),
        ("1\u00a0000,5", "1000.5"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("1,000", "1"),  # Vietnamese: a decimal comma
        ("0.125", "0.125"),
        ("1234.567", "1234.567"),
        ("007", "7"),
    ],
)
def test_numbers_written_the_vietnamese_or_the_english_way(text, value):
    assert parse_number(text) == D(value)


@pytest.mark.parametrize(
    "text", ["", "abc", "3 5", "1,5,3", "1.5,3", "5.", "1e5", "50%", "3,5 kg", "--3", "1.00.0"]
)
def test_garbage_is_refused_with_a_vietnamese_message(text):
    with pytest.raises(NumberError) as excinfo:
        parse_number(text)
    assert "không phải là một số" in str(excinfo.value)
    assert excinfo.value.ambiguous is False


def test_a_dot_before_three_digits_is_ambiguous_and_says_how_to_write_it():
    with pytest.raises(NumberError) as excinfo:
        parse_number("1.000")
    assert excinfo.value.ambiguous is True
    assert str(excinfo.value) == (
        "«1.000» không rõ nghĩa: nếu dấu chấm ngăn cách hàng nghìn, hãy viết 1000; "
        "nếu là số thập phân, hãy dùng dấu phẩy (1,000)."
    )


def test_numbers_are_shown_with_a_decimal_comma():
    assert vietnamese(D("3.5000000000")) == "3,5"
    assert vietnamese(D("1000")) == "1000"
    assert vietnamese(D("-0.25")) == "-0,25"


# -- grading rules --------------------------------------------------------------------------------


def numerical():
    return {
        "type": "numerical",
        "answers": [
            {"value": "3.5", "tolerance": "0.1", "fraction": "100", "feedback": "Chính xác."},
            {"value": "3", "tolerance": "0", "fraction": "50", "feedback": "Gần đúng."},
            {"value": "3.45", "tolerance": "0", "fraction": "20", "feedback": "Lệch chút."},
            {"value": "*", "tolerance": "0", "fraction": "0", "feedback": "Sai."},
        ],
    }


@pytest.mark.parametrize(
    "value, score",
    [
        ("3.5", "1"),
        ("3.6", "1"),  # the edge of the tolerance counts
        ("3.4", "1"),
        ("3.61", "0"),
        ("3", "0.5"),
        ("3.45", "1"),  # matches 3.45 (20 %) and 3.5 ± 0.1 (100 %): the best wins
        ("-3.5", "0"),
        ("1000000", "0"),
    ],
)
def test_numerical_scores_the_best_matching_answer_within_its_tolerance(value, score):
    assert grading.grade(numerical(), {"value": value, "text": value}) == D(score)


def test_catch_all_and_feedback_of_the_matched_answer():
    snap = numerical()
    assert grading.matching_number(snap, {"value": "3"})["feedback"] == "Gần đúng."
    assert grading.matching_number(snap, {"value": "42"})["feedback"] == "Sai."
    snap["answers"][-1]["fraction"] = "10"  # a generous catch-all
    assert grading.grade(snap, {"value": "42"}) == D("0.1")
    assert grading.grade(snap, {"value": "3"}) == D("0.5")
    assert grading.grade(snap, None) == 0
    assert grading.grade(snap, {"value": "không phải số"}) == 0
    assert grading.correct_response(snap) == {"value": "3.5", "tolerance": "0.1"}


# -- the bank: validation and snapshot -----------------------------------------------------------


@pytest.mark.django_db
def test_snapshot_freezes_the_answers_and_editing_later_changes_nothing(category):
    q = make_numerical(category)
    snap = Question.objects.with_parts().get(pk=q.pk).build_snapshot()
    assert snap["type"] == "numerical"
    assert snap["answers"] == [
        {"value": "3.5", "tolerance": "0.1", "fraction": "100.00000", "feedback": "Chính xác."},
        {"value": "3", "tolerance": "0", "fraction": "50.00000", "feedback": "Gần đúng."},
        {
            "value": "*",
            "tolerance": "0",
            "fraction": "0.00000",
            "feedback": "Lấy tổng trừ phần đã dùng.",
        },
    ]
    assert q.parts_problems() == []
    NumericalAnswer.objects.filter(question=q).update(value=D(99))
    assert snap["answers"][0]["value"] == "3.5"


@pytest.mark.django_db
def test_numerical_parts_are_checked(category):
    q = Question(qtype="numerical")
    assert q.validate_parts([], [], [], [], []) == ["Cần ít nhất một đáp án số có giá trị."]
    assert q.validate_parts(
        [],
        [],
        [],
        [],
        [
            {"value": D(1), "tolerance": D(-1), "fraction": D(50)},
            {"value": None, "tolerance": 0, "fraction": D(-10)},
            {"value": None, "tolerance": 0, "fraction": D(0)},
        ],
    ) == [
        "Cần một đáp án số có trọng số 100%.",
        "Trọng số mỗi đáp án số phải từ 0 đến 100.",
        "Sai số cho phép không được âm.",
        "Chỉ được có một dòng «mọi số khác» (giá trị để trống).",
    ]


# -- the learner's page ---------------------------------------------------------------------------


@pytest.fixture
def numeric_attempt(client_for, learner, make_quiz, module, category, enrolled):
    quiz = make_quiz([make_numerical(category)], module=module, answers_shown="immediately")
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    return client, attempt, attempt.questions.get()


@pytest.mark.django_db
def test_page_shows_a_text_box_for_a_number_without_javascript(numeric_attempt):
    client, attempt, item = numeric_attempt
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert (
        f'<input type="text" inputmode="decimal" id="f-{item.pk}" name="q{item.pk}" value=""'
        in page
    )
    assert "ví dụ 3,5 hoặc 3.5" in page


@pytest.mark.django_db
@pytest.mark.parametrize("typed, score", [("3,5", "100.00"), ("3.45", "100.00"), ("3", "50.00")])
def test_answer_posted_without_javascript_is_graded_on_the_server(numeric_attempt, typed, score):
    client, attempt, item = numeric_attempt
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {"shown": item.pk, f"q{item.pk}": typed, "action": "save"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.response == {"value": str(D(typed.replace(",", ".")).normalize()), "text": typed}
    # The saved answer is shown back as typed.
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert f'name="q{item.pk}" value="{typed}"' in page
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    attempt.refresh_from_db()
    assert attempt.score == D(score)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["quizzes:attempt", "quizzes:save", "quizzes:submit"])
def test_garbage_number_is_a_400_with_a_vietnamese_message_and_nothing_changes(
    numeric_attempt, url_name
):
    client, attempt, item = numeric_attempt
    # A first, good answer, so "nothing changed" is visible.
    client.post(reverse("quizzes:save", args=[attempt.pk]), {"shown": item.pk, f"q{item.pk}": "3"})
    before = state_of(attempt)
    response = client.post(
        reverse(url_name, args=[attempt.pk]),
        {"shown": item.pk, f"q{item.pk}": "ba phẩy năm", "action": "submit"},
    )
    assert response.status_code == 400
    saving = url_name == "quizzes:save"
    text = response.json()["message"] if saving else response.content.decode()
    assert "«ba phẩy năm» không phải là một số" in text
    assert state_of(attempt) == before
    assert AttemptQuestion.objects.get(pk=item.pk).response == {"value": "3", "text": "3"}


@pytest.mark.django_db
def test_autosave_of_an_ambiguous_number_explains_how_to_write_it(numeric_attempt):
    client, attempt, item = numeric_attempt
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]), {"shown": item.pk, f"q{item.pk}": "3.500"}
    )
    assert response.status_code == 400
    assert "hãy dùng dấu phẩy (3,500)" in response.json()["message"]
    assert AttemptQuestion.objects.get(pk=item.pk).response is None


@pytest.mark.django_db
def test_review_shows_the_right_number_and_the_matched_feedback(numeric_attempt):
    client, attempt, item = numeric_attempt
    client.post(
        reverse("quizzes:submit", args=[attempt.pk]),
        {"shown": item.pk, f"q{item.pk}": "3", "da_xem_lai": "1"},
    )
    item.refresh_from_db()
    view = question_view(item, review_level=3)
    assert (view["text"], view["right_answer"], view["feedback"]) == ("3", "3,5 ± 0,1", "Gần đúng.")
    assert view["is_partial"] is True
    page = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert "Đáp án đúng: <strong>3,5 ± 0,1</strong>" in page
    assert "Gần đúng." in page
    # Below the "answers" level the key stays hidden.
    hidden = question_view(item, review_level=1)
    assert "right_answer" not in hidden and "feedback" not in hidden


@pytest.mark.django_db
def test_item_analysis_counts_numerical_answers_by_value(
    make_quiz, module, category, course, ward_a
):
    from courses.models import Enrolment
    from tests.factories import PersonFactory

    q = make_numerical(category)
    quiz = make_quiz([q], module=module)
    for typed in ("3,5", "3.5", "3", None):
        person = PersonFactory(unit=ward_a)
        Enrolment.objects.create(user=person.user, course=course)
        attempt, _created = quiz.start_attempt(person.user)
        item = attempt.questions.get()
        if typed:
            value = str(parse_number(typed).normalize())
            attempt.save_responses({item.pk: {"value": value, "text": typed}})
        attempt.submit()
    (row,) = analysis.item_analysis(analysis.attempts_for(quiz))
    assert row.attempts == 4
    assert row.facility == pytest.approx((1 + 1 + 0.5 + 0) / 4)
    assert row.frequencies == [("3,5", 2, None), ("3", 1, None)]


# -- the admin editor -----------------------------------------------------------------------------


def _numerical_post(category, answers):
    return nested_form_data(
        {
            "qtype": "numerical",
            "category": category.pk,
            "title": "",
            "stem": rich_text("<p>Còn trống bao nhiêu GB?</p>"),
            "explanation": rich_text(""),
            "choices": inline_formset([]),
            "short_answers": inline_formset([]),
            "numerical_answers": inline_formset(answers),
            "pairs": inline_formset([]),
            "order_items": inline_formset([]),
            "grading_mode": "partial",
            "competencies": [],
            "idnumber": "",
            "is_active": "on",
        }
    )


@pytest.mark.django_db
def test_trainer_creates_a_numerical_question_typing_vietnamese_numbers(
    client_for, trainer, category
):
    response = client_for(trainer).post(
        reverse("quizzes_question:add"),
        _numerical_post(
            category,
            [
                {"value": "22,4", "tolerance": "0,1", "fraction": "100", "feedback": "Đúng."},
                {"value": "1.000.000", "tolerance": "0", "fraction": "10", "feedback": ""},
                {"value": "", "tolerance": "0", "fraction": "0", "feedback": "Chưa đúng."},
            ],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get()
    assert question.qtype == "numerical"
    assert [
        (a.value, a.tolerance, a.fraction, a.feedback) for a in question.numerical_answers.all()
    ] == [
        (D("22.4"), D("0.1"), D(100), "Đúng."),
        (D(1000000), D(0), D(10), ""),
        (None, D(0), D(0), "Chưa đúng."),
    ]
    # The edit form shows the numbers with a decimal comma.
    edit = client_for(trainer).get(reverse("quizzes_question:edit", args=[question.pk]))
    assert 'value="22,4"' in edit.content.decode()


@pytest.mark.django_db
def test_admin_refuses_a_numerical_question_without_a_full_mark_or_with_a_bad_number(
    client_for, trainer, category
):
    client = client_for(trainer)
    response = client.post(
        reverse("quizzes_question:add"),
        _numerical_post(category, [{"value": "3", "tolerance": "0", "fraction": "50"}]),
    )
    assert response.status_code == 200
    assert "Cần một đáp án số có trọng số 100%." in response.content.decode()
    response = client.post(
        reverse("quizzes_question:add"),
        _numerical_post(category, [{"value": "ba", "tolerance": "0", "fraction": "100"}]),
    )
    assert response.status_code == 200
    assert "«ba» không phải là một số" in response.content.decode()
    assert not Question.objects.exists()
