"""A yearly refresher's new cycle starts the quiz afresh: attempts of earlier cycles neither use
up the new cycle's allowance nor count as its pass (AttemptQuerySet.of_current_cycles)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates import recert
from courses import completion
from courses.models import Enrolment
from quizzes.models import Attempt, AttemptRefused

pytestmark = pytest.mark.django_db


def _passed_long_ago(quiz, user, days=400):
    attempt, _ = quiz.start_attempt(user)
    Attempt.objects.filter(pk=attempt.pk).update(
        state=Attempt.State.SUBMITTED,
        passed=True,
        score=Decimal("100"),
        started_at=timezone.now() - datetime.timedelta(days=days),
    )
    return attempt


def test_final_test_allowance_and_pass_restart_in_a_new_cycle(learner, course, bank, make_quiz):
    final = make_quiz([bank["single"]], course=course, attempts_allowed=1, pass_mark=80)
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    first = _passed_long_ago(final, learner)

    # Cycle 1: the one allowed attempt is used and it passed.
    assert final.attempts_left(learner) == 0
    assert completion.final_test_passed(learner, course)
    with pytest.raises(AttemptRefused):
        final.start_attempt(learner)

    second_cycle = recert.open_new_cycle(enrolment)
    assert second_cycle.cycle == 2

    # Cycle 2: last year's attempt is history.
    assert final.attempts_left(learner) == 1
    assert not completion.final_test_passed(learner, course)
    assert final.final_attempt(learner) is None
    attempt, created = final.start_attempt(learner)
    assert created and attempt.number == first.number + 1  # numbers stay unique per learner
    assert final.attempts_left(learner) == 0
    # History is kept, not rewritten.
    assert Attempt.objects.filter(user=learner, quiz=final).count() == 2


def test_module_check_of_an_earlier_cycle_is_no_evidence(learner, course, module, bank, make_quiz):
    check = make_quiz([bank["single"]], module=module, attempts_allowed=2)
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    _passed_long_ago(check, learner)
    assert completion.has_evidence(learner, module, "quiz")

    recert.open_new_cycle(enrolment)
    assert not completion.has_evidence(learner, module, "quiz")
    assert check.attempts_left(learner) == 2


def test_first_cycle_counts_attempts_made_before_enrolling(learner, course, bank, make_quiz):
    final = make_quiz([bank["single"]], course=course, attempts_allowed=2)
    _passed_long_ago(final, learner)
    Enrolment.objects.enrol(learner, course)
    assert final.attempts_left(learner) == 1
    assert completion.final_test_passed(learner, course)


def test_other_learners_cycles_change_nothing(learner, learner_b, course, bank, make_quiz):
    final = make_quiz([bank["single"]], course=course, attempts_allowed=1)
    _passed_long_ago(final, learner)
    Enrolment.objects.enrol(learner, course)
    other, _ = Enrolment.objects.enrol(learner_b, course)
    recert.open_new_cycle(other)
    assert final.attempts_left(learner) == 0
    assert completion.final_test_passed(learner, course)


def test_an_attempt_left_open_in_an_earlier_cycle_is_closed_not_resumed(
    learner, course, bank, make_quiz
):
    final = make_quiz([bank["single"]], course=course, attempts_allowed=3)
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    left_open, _ = final.start_attempt(learner)
    Attempt.objects.filter(pk=left_open.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=400)
    )
    recert.open_new_cycle(enrolment)

    attempt, created = final.start_attempt(learner)
    assert created and attempt.pk != left_open.pk
    left_open.refresh_from_db()
    assert left_open.state == Attempt.State.SUBMITTED
    assert left_open.closed_by == Attempt.Closure.NEW_CYCLE
    assert not completion.final_test_passed(learner, course)  # its grade is last cycle's


def test_the_quiz_card_shows_only_this_cycles_result(learner, course, bank, make_quiz):
    from quizzes.templatetags.quizzes_tags import attempt_summary

    final = make_quiz([bank["single"]], course=course, attempts_allowed=2)
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    _passed_long_ago(final, learner)
    assert attempt_summary(final, learner, enrolment)[1].passed
    second = recert.open_new_cycle(enrolment)
    assert attempt_summary(final, learner, second) == (None, None)
