"""Rules of the quiz app that used to be written in several places, now each in one home:

- deadline + grace (Attempt.closes_at / Attempt.closed_before): is_overdue, the overdue()
  queryset, the autosave statement (store_response) and the autosave token's expiry agree at the
  boundary;
- which attempt counts (Quiz.counting_key): Quiz.final_attempt and the quiz card agree, an
  attempt without a score included;
- one question validator (quizzes.qtypes): the admin form and the importers give the same
  message for the same fault.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import signing

from quizzes import autosave, qtypes
from quizzes.formats import FormatError, parse
from quizzes.models import DEADLINE_GRACE, Attempt, GradingMethod, Question, store_response

from .conftest import make_single


@pytest.fixture
def timed_attempt(learner, make_quiz, module, category, enrolled):
    quiz = make_quiz([make_single(category)], module=module, time_limit_minutes=1)
    attempt, _created = quiz.start_attempt(learner)
    return attempt


@pytest.mark.django_db
@pytest.mark.parametrize("after", [timedelta(0), timedelta(seconds=1)])
def test_every_reader_of_deadline_plus_grace_agrees(timed_attempt, learner, after):
    attempt = timed_attempt
    now = attempt.deadline + DEADLINE_GRACE + after
    still_open = after == timedelta(0)
    assert attempt.closes_at == attempt.deadline + DEADLINE_GRACE
    assert attempt.is_overdue(now) is not still_open
    assert Attempt.objects.overdue(now).filter(pk=attempt.pk).exists() is not still_open
    item = attempt.questions.get()
    choice = item.snapshot["choices"][0]["id"]
    stored = store_response(attempt.pk, item.pk, {"choice": choice}, learner.pk, now=now)
    assert stored is still_open
    item.refresh_from_db()
    assert (item.response is not None) is still_open
    token = autosave.issue(attempt, "session-key")
    expires = signing.loads(token, salt=autosave.SALT)["e"]
    assert expires == int(attempt.closes_at.timestamp()) + 1


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["highest", "last"])
def test_final_attempt_and_the_quiz_card_count_the_same_attempt(learner, quiz, method):
    from quizzes.templatetags.quizzes_tags import attempt_summary

    quiz.grading_method = GradingMethod(method)
    quiz.save()
    common = {"quiz": quiz, "pass_mark": Decimal("80"), "review_policy": quiz.review_policy}
    rows = [(1, "70", False), (2, "95", True), (3, "95", True), (4, None, None)]
    for number, score, passed in rows:
        Attempt.objects.create(
            user=learner,
            number=number,
            state=Attempt.State.SUBMITTED,
            score=None if score is None else Decimal(score),
            passed=passed,
            **common,
        )
    final = quiz.final_attempt(learner)
    _current, card = attempt_summary(quiz, learner)
    if method == "highest":
        assert final.number == 2  # best score, the earliest among equals; None never wins
        assert (card.score, card.passed) == (final.score, final.passed)
    else:
        assert final.number == 4  # the last one, even without a score
        assert card is None  # the card shows no result for an attempt without a score


CASES = [
    # (GIFT text, admin parts) with the same fault
    ("::Q::Câu?{=%50%a ~b}", "single", {"choices": [("a", 50), ("b", 0)]}),
    ("::Q::Câu?{~%50%a ~%40%b ~c}", "multiple", {"choices": [("a", 50), ("b", 40), ("c", 0)]}),
    ("::Q::Câu?{=%0%a}", "short", {"answers": [("a", 0)]}),
    ("::Q::Ghép?{=a -> b}", "matching", {"pairs": [("a", "b")]}),
]


@pytest.mark.parametrize("gift, qtype, parts", CASES)
def test_the_admin_and_the_importer_give_the_same_message(gift, qtype, parts):
    admin = Question(qtype=qtype).validate_parts(
        [{"text": t, "fraction": f} for t, f in parts.get("choices", [])],
        parts.get("pairs", []),
        [],
        [t for t, _f in parts.get("answers", [])],
        answer_fractions=[f for _t, f in parts.get("answers", [])],
    )
    assert len(admin) == 1
    with pytest.raises(FormatError) as excinfo:
        parse("gift", gift)
    assert excinfo.value.messages == [f"Dòng 1: câu hỏi «Q»: {admin[0]}"]


def test_every_question_type_has_its_module():
    from quizzes.models import QuestionType

    assert set(qtypes.REGISTRY) == set(QuestionType.values)
    interface = (
        "validate",
        "snapshot",
        "parse_response",
        "display",
        "grade",
        "correct_response",
        "from_parsed",
        "to_parsed",
    )
    for name, module in qtypes.REGISTRY.items():
        assert name == module.NAME
        assert isinstance(module.HAS_GRADING_MODE, bool)
        assert [f for f in interface if not callable(getattr(module, f, None))] == [], name


def test_what_the_admin_now_refuses_the_importers_refused_too():
    """True/false at 100/50 and all-or-nothing on a single choice cannot be written by any
    format: the admin refuses them as the importers do."""
    tf = Question(qtype="truefalse").validate_parts(
        [{"text": "Đúng", "fraction": 100}, {"text": "Sai", "fraction": 50}], [], [], []
    )
    assert tf == ["Lựa chọn sai của câu Đúng/Sai phải có trọng số 0%."]
    single = Question(qtype="single").validate_parts(
        [{"text": "a", "fraction": 100}, {"text": "b", "fraction": 0}],
        [],
        [],
        [],
        grading_mode="all_or_nothing",
    )
    assert len(single) == 1 and "đúng hết mới có điểm" in single[0]
