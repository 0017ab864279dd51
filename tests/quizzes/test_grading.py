"""Grading rules, one by one, on snapshots (no database)."""

from decimal import Decimal

from quizzes import grading


def single():
    return {
        "type": "single",
        "choices": [
            {"id": 1, "text": "a", "fraction": "100"},
            {"id": 2, "text": "b", "fraction": "0"},
            {"id": 3, "text": "c", "fraction": "-50"},
        ],
    }


def multiple(mode="partial"):
    return {
        "type": "multiple",
        "grading_mode": mode,
        "choices": [
            {"id": 1, "text": "a", "fraction": "50"},
            {"id": 2, "text": "b", "fraction": "50"},
            {"id": 3, "text": "c", "fraction": "-100"},
            {"id": 4, "text": "d", "fraction": "0"},
        ],
    }


def test_single_choice_scores_the_chosen_fraction_never_below_zero():
    assert grading.grade(single(), {"choice": 1}) == 1
    assert grading.grade(single(), {"choice": 2}) == 0
    assert grading.grade(single(), {"choice": 3}) == 0
    assert grading.grade(single(), None) == 0


def test_multiple_partial_sums_fractions_like_moodle_and_floors_at_zero():
    assert grading.grade(multiple(), {"choices": [1, 2]}) == 1
    assert grading.grade(multiple(), {"choices": [1]}) == Decimal("0.5")
    assert grading.grade(multiple(), {"choices": [1, 4]}) == Decimal("0.5")
    # Ticking everything: 50 + 50 - 100 + 0 = 0.
    assert grading.grade(multiple(), {"choices": [1, 2, 3, 4]}) == 0
    assert grading.grade(multiple(), {"choices": [3]}) == 0


def test_multiple_all_or_nothing_needs_exactly_the_right_set():
    snap = multiple("all_or_nothing")
    assert grading.grade(snap, {"choices": [1, 2]}) == 1
    assert grading.grade(snap, {"choices": [1]}) == 0
    assert grading.grade(snap, {"choices": [1, 2, 4]}) == 0


def test_short_answer_ignores_case_and_spaces_but_not_diacritics_by_default():
    snap = {
        "type": "short",
        "answers": [{"text": "Bảo mật", "fraction": "100"}],
        "ignore_diacritics": False,
    }
    assert grading.grade(snap, {"text": "  bảo   MẬT "}) == 1
    assert grading.grade(snap, {"text": "bao mat"}) == 0
    snap["ignore_diacritics"] = True
    assert grading.grade(snap, {"text": "bao mat"}) == 1
    assert grading.grade(snap, {"text": "bảo mât"}) == 1


def test_short_answer_accepts_decomposed_unicode():
    import unicodedata

    snap = {"type": "short", "answers": [{"text": "Đồng ý", "fraction": "100"}]}
    assert grading.grade(snap, {"text": unicodedata.normalize("NFD", "đồng ý")}) == 1


def test_matching_is_proportional_or_all_or_nothing():
    snap = {
        "type": "matching",
        "grading_mode": "partial",
        "options": [],
        "prompts": [
            {"id": 1, "text": "x", "answer": 10},
            {"id": 2, "text": "y", "answer": 11},
            {"id": 3, "text": "z", "answer": 12},
            {"id": 4, "text": "w", "answer": 13},
        ],
    }
    response = {"pairs": {"1": 10, "2": 11, "3": 13, "4": 12}}
    assert grading.grade(snap, response) == Decimal("0.5")
    snap["grading_mode"] = "all_or_nothing"
    assert grading.grade(snap, response) == 0


def test_ordering_counts_items_in_their_absolute_position():
    snap = {
        "type": "ordering",
        "grading_mode": "partial",
        "items": [
            {"id": 7, "text": "b", "position": 2},
            {"id": 5, "text": "a", "position": 1},
            {"id": 9, "text": "c", "position": 3},
            {"id": 8, "text": "d", "position": 4},
        ],
    }
    assert grading.grade(snap, {"positions": {"5": 1, "7": 2, "9": 3, "8": 4}}) == 1
    assert grading.grade(snap, {"positions": {"5": 1, "7": 2, "9": 4, "8": 3}}) == Decimal("0.5")
    snap["grading_mode"] = "all_or_nothing"
    assert grading.grade(snap, {"positions": {"5": 1, "7": 2, "9": 4, "8": 3}}) == 0


def test_percent_is_a_two_decimal_mean():
    assert grading.percent([Decimal(1), Decimal(0), Decimal("0.5")]) == Decimal("50.00")
    assert grading.percent([Decimal(1), Decimal(1), Decimal(0)]) == Decimal("66.67")
    assert grading.percent([]) == Decimal("0.00")


def test_multiple_choice_weights_not_summing_to_100_give_a_readable_message():
    from django.utils import translation

    from quizzes.models import Question, QuestionType

    choices = [{"fraction": 50, "text": "A"}, {"fraction": -100, "text": "B"}]
    for language, expected in (
        ("vi", "phải là 100% (hiện là 50%)"),
        ("en", "add up to 100% (currently 50%)"),
    ):
        with translation.override(language):
            problems = Question(qtype=QuestionType.MULTIPLE).validate_parts(choices, [], [], [])
        assert any(expected in p for p in problems), problems
