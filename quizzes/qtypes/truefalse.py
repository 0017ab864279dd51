"""True/false («Đúng/Sai»): exactly two choices, the right one at 100 %, the other at 0 % (all
that GIFT's {T}/{F}, Moodle's truefalse and the Excel template can write). In the shared
representation they are "true" then "false"; the bank shows «Đúng» / «Sai»."""

from django.utils.translation import gettext as _

from .base import best_choice, choice_rules, choices_snapshot, grade_chosen, has_full_mark

NAME = "truefalse"
HAS_GRADING_MODE = False


def validate(q):
    errors = choice_rules(q)
    if len(q.choices) != 2:
        errors.append(_("Câu Đúng/Sai có đúng hai lựa chọn."))
    elif not has_full_mark(q.choices):
        errors.append(_("Cần một lựa chọn có trọng số 100%."))
    elif sorted(c.fraction for c in q.choices) != [0, 100]:
        errors.append(_("Lựa chọn sai của câu Đúng/Sai phải có trọng số 0%."))
    return errors


def snapshot(question, data, rng, shuffle_choices, tokens):
    data["choices"] = choices_snapshot(question, tokens)
    # never shuffled: «Đúng» stays before «Sai»


def grade(snapshot, response):
    """The weight of the chosen choice (negative → 0 once clamped)."""
    return grade_chosen(snapshot, response)


def correct_response(snapshot):
    return best_choice(snapshot)
