"""Multiple choice («Nhiều đáp án đúng»): the positive weights of the right choices make 100 %
(within base.SUM_TOLERANCE, for thirds and the like); wrong ones are 0 or negative."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import (
    ONE,
    SUM_TOLERANCE,
    ZERO,
    choice_rules,
    choices_snapshot,
    export_choices,
    fraction,
    fraction_str,
    save_choices,
)

NAME = "multiple"
LABEL = gettext_lazy("Nhiều đáp án đúng")
PARTS = "choices"  # the Question relation holding its parts (the admin form's section)
HAS_GRADING_MODE = True


def validate(q):
    errors = choice_rules(q)
    positive = sum((c.fraction for c in q.choices if c.fraction > 0), Decimal(0))
    if q.choices and positive == 0:
        errors.append(
            _("câu hỏi trắc nghiệm không có phương án đúng (không phương án nào được điểm).")
        )
    elif q.choices and abs(positive - 100) > SUM_TOLERANCE:
        errors.append(
            _("Tổng trọng số các lựa chọn đúng phải là 100%% (hiện là %(sum)s%%).")
            % {"sum": fraction_str(positive)}
        )
    return errors


def snapshot(question, data, rng, shuffle_choices, tokens):
    data["choices"] = choices_snapshot(question, tokens)
    if shuffle_choices:
        rng.shuffle(data["choices"])


def grade(snapshot, response):
    """Partial: as Moodle, the sum of the selected choices' weights (clamped to 0..1 by the
    caller). All-or-nothing: 1 only for exactly the choices with a positive weight."""
    selected = set(response.get("choices") or [])
    if snapshot.get("grading_mode") == "all_or_nothing":
        right = {c["id"] for c in snapshot["choices"] if Decimal(c["fraction"]) > 0}
        return ONE if selected == right else ZERO
    return sum((fraction(c["fraction"]) for c in snapshot["choices"] if c["id"] in selected), ZERO)


def correct_response(snapshot):
    return {"choices": [c["id"] for c in snapshot["choices"] if Decimal(c["fraction"]) > 0]}


# -- formats (quizzes/bank_io.py): bank rows ↔ the formats' ParsedQuestion


def from_parsed(question, parsed, fmt):
    save_choices(question, parsed, fmt)


def to_parsed(question, parsed):
    export_choices(question, parsed)


# -- the learner's page (quizzes/responses.py, quizzes/display.py)


def parse_response(snap, name, data):
    from ..responses import id_for, lookup

    values = [v for v in data.getlist(name) if v != ""]
    tokens = lookup(snap["choices"])
    chosen = sorted({id_for(tokens, v) for v in values})
    if not chosen:
        return None
    return {"choices": chosen}


def display(item, snap, response, view, show_right, show_feedback, key):
    from .base import choices_view

    choices_view(snap, response, view, show_right, show_feedback, multiple=True)
