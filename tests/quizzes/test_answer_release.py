"""When the right answers may be shown (Quiz.answers_shown, decided by Quiz.answers_released and
applied by Attempt.visible_review_level), and the admin history of pass-mark/policy changes."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from quizzes.models import REVIEW_LEVEL, AnswerRelease, Attempt, Quiz

from .conftest import make_single


def _submitted(quiz, user):
    attempt, _created = quiz.start_attempt(user)
    attempt.submit()
    attempt.refresh_from_db()
    return attempt


@pytest.mark.django_db
def test_a_final_test_refuses_immediate_answers_with_a_vietnamese_message(course, make_quiz):
    quiz = make_quiz(course=course)
    quiz.answers_shown = AnswerRelease.IMMEDIATELY
    with pytest.raises(ValidationError) as refused:
        quiz.full_clean()
    message = " ".join(refused.value.message_dict["answers_shown"])
    assert "Bài kiểm tra cuối khóa không được hiện đáp án ngay sau khi nộp" in message
    # The database refuses it too, whatever path writes it.
    with pytest.raises(IntegrityError), transaction.atomic():
        Quiz.objects.filter(pk=quiz.pk).update(answers_shown=AnswerRelease.IMMEDIATELY)
    # A module's knowledge check may show them at once.
    check = Quiz(title="Kiểm tra", answers_shown=AnswerRelease.IMMEDIATELY)
    check.full_clean()


@pytest.mark.django_db
def test_new_and_existing_quizzes_default_to_after_the_last_attempt(make_quiz, module):
    assert make_quiz(module=module).answers_shown == AnswerRelease.AFTER_LAST_ATTEMPT


@pytest.mark.django_db
def test_after_the_last_attempt(learner, make_quiz, module, category, enrolled):
    quiz = make_quiz([make_single(category)], module=module, attempts_allowed=2)
    first = _submitted(quiz, learner)
    assert not quiz.answers_released(learner)
    # Not even which questions were right: on a true/false question that is the answer.
    assert first.visible_review_level() == REVIEW_LEVEL["score"]
    second, _created = quiz.start_attempt(learner)
    assert not quiz.answers_released(learner)  # all used, but one is in progress
    second.submit()
    assert quiz.answers_released(learner)
    assert first.visible_review_level() == REVIEW_LEVEL["feedback"]


@pytest.mark.django_db
def test_unlimited_attempts_release_only_when_the_quiz_closes(
    learner, make_quiz, course, category, enrolled
):
    closes = timezone.now() + timedelta(days=1)
    quiz = make_quiz([make_single(category)], course=course, closes_at=closes)
    attempt = _submitted(quiz, learner)
    assert attempt.visible_review_level() == REVIEW_LEVEL["score"]  # final test: score only
    with time_machine.travel(closes + timedelta(minutes=1)):
        assert quiz.answers_released(learner)
        assert attempt.visible_review_level() == REVIEW_LEVEL["feedback"]


@pytest.mark.django_db
def test_after_close_and_never(learner, make_quiz, module, category, enrolled):
    closes = timezone.now() + timedelta(days=1)
    after_close = make_quiz(
        [make_single(category)],
        module=module,
        attempts_allowed=1,
        closes_at=closes,
        answers_shown=AnswerRelease.AFTER_CLOSE,
    )
    _submitted(after_close, learner)
    assert not after_close.answers_released(learner)  # no attempt left, but still open
    never = make_quiz([make_single(category)], attempts_allowed=1, answers_shown="never")
    never.closes_at = closes
    with time_machine.travel(closes + timedelta(minutes=1)):
        assert after_close.answers_released(learner)
        assert not never.answers_released(learner)


@pytest.mark.django_db
def test_a_final_test_stored_as_immediate_still_withholds(learner, make_quiz, course, category):
    """Validation refuses it; the rule does not rely on validation alone."""
    quiz = Quiz(title="Cuối khóa", course=course, answers_shown=AnswerRelease.IMMEDIATELY)
    assert not quiz.answers_released(learner)


def _edit_form(quiz, **values):
    """The admin edit form's POST data for `quiz` with `values` changed."""
    fields = {
        "title": quiz.title,
        "intro": "",
        "module": quiz.module_id or "",
        "course": quiz.course_id or "",
        "fixed_questions": inline_formset(
            [{"id": fq.pk, "question": fq.question_id} for fq in quiz.fixed_questions.all()],
            initial=quiz.fixed_questions.count(),
        ),
        "random_rules": inline_formset([]),
        "time_limit_minutes": "",
        "attempts_allowed": "",
        "grading_method": "highest",
        "pass_mark": str(quiz.pass_mark),
        "opens_at": "",
        "closes_at": "",
        "shuffle_questions": "on",
        "shuffle_choices": "on",
        "questions_per_page": "0",
        "review_policy": quiz.review_policy,
        "answers_shown": quiz.answers_shown,
    }
    return nested_form_data(fields | values)


@pytest.mark.django_db
def test_the_admin_refuses_immediate_answers_on_a_final_test_and_changes_nothing(
    client_for, trainer, make_quiz, course, category
):
    quiz = make_quiz([make_single(category)], course=course)
    response = client_for(trainer).post(
        reverse("quizzes_quiz:edit", args=[quiz.pk]),
        _edit_form(quiz, answers_shown="immediately", pass_mark="10"),
    )
    assert response.status_code == 200
    assert "Bài kiểm tra cuối khóa không được hiện đáp án ngay sau khi nộp" in (
        response.content.decode()
    )
    quiz.refresh_from_db()
    assert (quiz.answers_shown, quiz.pass_mark) == ("after_last_attempt", Decimal("80"))
    assert not ModelLogEntry.objects.filter(object_id=str(quiz.pk)).exists()


@pytest.mark.django_db
def test_changing_the_pass_mark_or_policy_in_the_admin_is_logged_with_who_and_what(
    client_for, trainer, make_quiz, module, category
):
    quiz = make_quiz([make_single(category)], module=module, pass_mark=Decimal("80"))
    data = _edit_form(quiz, pass_mark="50", answers_shown="immediately")
    before = timezone.now()
    response = client_for(trainer).post(reverse("quizzes_quiz:edit", args=[quiz.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz.refresh_from_db()
    assert quiz.pass_mark == Decimal("50")
    entry = ModelLogEntry.objects.get(action="quizzes.settings_changed", object_id=str(quiz.pk))
    assert entry.user_id == trainer.pk
    assert entry.timestamp >= before
    changes = {c["field"]: (c["old"], c["new"]) for c in entry.data["changes"]}
    assert changes == {
        "pass_mark": ("80.00", "50"),
        "answers_shown": ("Sau lần làm bài cuối cùng", str(AnswerRelease.IMMEDIATELY.label)),
    }
    assert entry.formatter.label == "Đổi điểm đạt hoặc chế độ xem lại, hiện đáp án của bài kiểm tra"
    assert "điểm đạt (%): 80.00 → 50" in entry.message
    # The quiz's history page in the admin lists it.
    history = client_for(trainer).get(reverse("quizzes_quiz:history", args=[quiz.pk]))
    assert "điểm đạt (%): 80.00 → 50" in history.content.decode()


@pytest.mark.django_db
def test_an_edit_that_leaves_the_audited_settings_alone_writes_no_settings_entry(
    trainer, make_quiz, module
):
    quiz = make_quiz(module=module)
    before = quiz.audited_values()
    quiz.title = "Tên mới"
    quiz.save()
    assert quiz.log_settings_change(before, trainer) is None
    assert not ModelLogEntry.objects.filter(action="quizzes.settings_changed").exists()
    assert Attempt.objects.count() == 0
