"""True/false («Đúng/Sai»): exactly two choices, the right one at 100 %, the other at 0 % (all
that GIFT's {T}/{F}, Moodle's truefalse and the Excel template can write). In the shared
representation they are "true" then "false"; the bank shows «Đúng» / «Sai»."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import best_choice, choice_rules, choices_snapshot, grade_chosen, has_full_mark

NAME = "truefalse"
LABEL = gettext_lazy("Đúng/Sai")
PARTS = "choices"  # the Question relation holding its parts (the admin form's section)
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


# -- formats (quizzes/bank_io.py): the bank shows «Đúng» / «Sai», formats say "true" / "false"
TRUE_TEXT, FALSE_TEXT = "Đúng", "Sai"


def is_true_choice(choice, index):
    from ..html import strip_tags

    text = strip_tags(choice.text).casefold()
    if text in ("đúng", "true", "t", "d"):
        return True
    if text in ("sai", "false", "f", "s"):
        return False
    return index == 0


def from_parsed(question, parsed, fmt):
    from ..models import Choice
    from .base import inline_html

    # Formats give "true" then "false"; the bank shows Đúng / Sai.
    for index, choice in enumerate(parsed.choices[:2]):
        Choice.objects.create(
            question=question,
            text=TRUE_TEXT if index == 0 else FALSE_TEXT,
            fraction=choice.fraction,
            feedback=inline_html(choice.feedback, fmt),
            sort_order=index,
        )


def to_parsed(question, parsed):
    from decimal import Decimal

    from ..formats.base import ParsedChoice

    choices = list(question.choices.all())
    by_value = {is_true_choice(c, i): c for i, c in enumerate(choices)}
    for value, text in ((True, "true"), (False, "false")):
        c = by_value.get(value)
        parsed.choices.append(
            ParsedChoice(
                text=text,
                fraction=Decimal(c.fraction if c else 0),
                feedback=c.feedback if c else "",
            )
        )


# -- the learner's page (quizzes/responses.py, quizzes/display.py)


def parse_response(snap, name, data):
    from .base import parse_chosen

    return parse_chosen(snap, name, data)


def display(item, snap, response, view, show_right, show_feedback, key):
    from .base import choices_view

    choices_view(
        snap,
        response,
        view,
        show_right,
        show_feedback,
        labels={"true": _("Đúng"), "false": _("Sai")},
    )
