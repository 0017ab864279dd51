"""Single choice («Một đáp án đúng»): the choice with weight 100 % is right; as in Moodle,
several may be at 100 % and other choices may carry partial or negative weights."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import (
    best_choice,
    choice_rules,
    choices_snapshot,
    export_choices,
    grade_chosen,
    has_full_mark,
    save_choices,
)

NAME = "single"
LABEL = gettext_lazy("Một đáp án đúng")
PARTS = "choices"  # the Question relation holding its parts (the admin form's section)
HAS_GRADING_MODE = False


def validate(q):
    errors = choice_rules(q)
    if q.choices and not has_full_mark(q.choices):
        errors.append(_("Cần một lựa chọn có trọng số 100%."))
    return errors


def snapshot(question, data, rng, shuffle_choices, tokens):
    data["choices"] = choices_snapshot(question, tokens)
    if shuffle_choices:
        rng.shuffle(data["choices"])


def grade(snapshot, response):
    """The weight of the chosen choice (negative → 0 once clamped)."""
    return grade_chosen(snapshot, response)


def correct_response(snapshot):
    return best_choice(snapshot)


# -- formats (quizzes/bank_io.py): bank rows ↔ the formats' ParsedQuestion


def from_parsed(question, parsed, fmt):
    save_choices(question, parsed, fmt)


def to_parsed(question, parsed):
    export_choices(question, parsed)


# -- the learner's page (quizzes/responses.py, quizzes/display.py)


def parse_response(snap, name, data):
    from .base import parse_chosen

    return parse_chosen(snap, name, data)


def display(item, snap, response, view, show_right, show_feedback, key):
    from .base import choices_view

    choices_view(snap, response, view, show_right, show_feedback, labels=None)
