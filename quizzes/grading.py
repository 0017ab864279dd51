"""Server-side grading of one attempt question from its snapshot and the learner's response.

Every function returns a Decimal in 0..1 (the fraction of the question's mark). Each rule lives
in its type's module (quizzes/qtypes/<type>.py: grade, correct_response); in short:

- single, true/false: the fraction of the chosen choice (negative → 0).
- multiple, partial: as Moodle, the sum of the fractions of the selected choices, floored at 0
  and capped at 1; wrong choices carry negative weights, so ticking everything does not pay.
  All-or-nothing: 1 only if the selected set is exactly the set of choices with a positive weight.
- short answer: compared after Unicode NFC, case folding and whitespace collapsing; Vietnamese
  diacritics count unless the question ignores them (then both sides are folded with
  `lms.lib.vietnamese.fold_accents`). The best matching accepted answer's fraction.
- matching: partial = the proportion of prompts matched to the right answer; all-or-nothing = 1
  only if every prompt is right.
- ordering: partial = the proportion of items placed at their right position (absolute
  position, not relative order); all-or-nothing = 1 only if every item is in place.
- numerical: an accepted value matches when |answer − value| ≤ its tolerance (absolute, as
  Moodle's); ``*`` matches any number. The best matching answer's fraction (0 if none).

Responses (validated against the snapshot before they are stored, see quizzes/responses.py):
single/truefalse {"choice": id}; multiple {"choices": [ids]}; short {"text": str};
matching {"pairs": {"<prompt id>": option id}}; ordering {"positions": {"<item id>": n}};
numerical {"value": "3.5" (plain decimal string), "text": what the learner typed}.
"""

from decimal import ROUND_HALF_UP, Decimal

from .qtypes import REGISTRY
from .qtypes.base import HUNDRED, ONE, ZERO
from .qtypes.numerical import matching_number
from .qtypes.short import normalise as normalise_short

__all__ = ["correct_response", "grade", "matching_number", "normalise_short", "percent"]


def _clamp(value):
    return max(ZERO, min(ONE, value))


def grade(snapshot, response):
    """The fraction of the mark (0..1) a response earns; each type's module grades it."""
    if not response:
        return ZERO
    module = REGISTRY.get(snapshot.get("type"))
    if module is None:
        return ZERO
    return _clamp(module.grade(snapshot, response)).quantize(Decimal("0.00001"))


def percent(scores):
    """Mean of question scores (0..1) as a percentage with two decimals."""
    scores = [s if s is not None else ZERO for s in scores]
    if not scores:
        return ZERO.quantize(Decimal("0.01"))
    total = sum(scores, ZERO) / Decimal(len(scores)) * HUNDRED
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def correct_response(snapshot):
    """The response that earns full marks (for review pages); from the type's module."""
    module = REGISTRY.get(snapshot.get("type"))
    return module.correct_response(snapshot) if module is not None else {}
