"""Server-side grading of one attempt question from its snapshot and the learner's response.

Every function returns a Decimal in 0..1 (the fraction of the question's mark). Rules:

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

import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from lms.lib.vietnamese import fold_accents

ZERO = Decimal("0")
ONE = Decimal("1")
HUNDRED = Decimal("100")


def _clamp(value):
    return max(ZERO, min(ONE, value))


def normalise_short(text, ignore_diacritics=False):
    text = unicodedata.normalize("NFC", str(text or ""))
    text = " ".join(text.split()).casefold()
    if ignore_diacritics:
        text = fold_accents(text)
    return text


def _fraction(value):
    return Decimal(str(value)) / HUNDRED


def grade(snapshot, response):
    if not response:
        return ZERO
    qtype = snapshot.get("type")
    handler = _GRADERS.get(qtype)
    if handler is None:
        return ZERO
    return _clamp(handler(snapshot, response)).quantize(Decimal("0.00001"))


def _grade_single(snapshot, response):
    chosen = response.get("choice")
    for choice in snapshot["choices"]:
        if choice["id"] == chosen:
            return _fraction(choice["fraction"])
    return ZERO


def _grade_multiple(snapshot, response):
    selected = set(response.get("choices") or [])
    if snapshot.get("grading_mode") == "all_or_nothing":
        right = {c["id"] for c in snapshot["choices"] if Decimal(c["fraction"]) > 0}
        return ONE if selected == right else ZERO
    return sum((_fraction(c["fraction"]) for c in snapshot["choices"] if c["id"] in selected), ZERO)


def _grade_short(snapshot, response):
    ignore = snapshot.get("ignore_diacritics", False)
    given = normalise_short(response.get("text"), ignore)
    if not given:
        return ZERO
    best = ZERO
    for answer in snapshot["answers"]:
        if normalise_short(answer["text"], ignore) == given:
            best = max(best, _fraction(answer["fraction"]))
    return best


def _proportion(right, total, mode):
    if total == 0:
        return ZERO
    if mode == "all_or_nothing":
        return ONE if right == total else ZERO
    return Decimal(right) / Decimal(total)


def _grade_matching(snapshot, response):
    chosen = response.get("pairs") or {}
    prompts = snapshot["prompts"]
    right = sum(1 for p in prompts if chosen.get(str(p["id"])) == p["answer"])
    return _proportion(right, len(prompts), snapshot.get("grading_mode"))


def _grade_ordering(snapshot, response):
    chosen = response.get("positions") or {}
    items = snapshot["items"]
    right = sum(1 for item in items if chosen.get(str(item["id"])) == item["position"])
    return _proportion(right, len(items), snapshot.get("grading_mode"))


def matching_number(snapshot, response):
    """The accepted answer (snapshot dict) a numerical response earns, or None.

    The highest fraction among the answers it matches; on a tie the specific value wins over
    ``*``, then the first in order."""
    try:
        given = Decimal(str((response or {}).get("value")))
    except (InvalidOperation, ValueError):
        return None
    if not given.is_finite():
        return None
    best, best_key = None, None
    for index, answer in enumerate(snapshot.get("answers", [])):
        if answer["value"] == "*":
            specific = 0
        else:
            if abs(given - Decimal(answer["value"])) > Decimal(answer.get("tolerance") or 0):
                continue
            specific = 1
        key = (Decimal(answer["fraction"]), specific, -index)
        if best_key is None or key > best_key:
            best, best_key = answer, key
    return best


def _grade_numerical(snapshot, response):
    answer = matching_number(snapshot, response)
    return _fraction(answer["fraction"]) if answer else ZERO


_GRADERS = {
    "single": _grade_single,
    "truefalse": _grade_single,
    "multiple": _grade_multiple,
    "short": _grade_short,
    "matching": _grade_matching,
    "ordering": _grade_ordering,
    "numerical": _grade_numerical,
}


def percent(scores):
    """Mean of question scores (0..1) as a percentage with two decimals."""
    scores = [s if s is not None else ZERO for s in scores]
    if not scores:
        return ZERO.quantize(Decimal("0.01"))
    total = sum(scores, ZERO) / Decimal(len(scores)) * HUNDRED
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def correct_response(snapshot):
    """The response that earns full marks (for review pages)."""
    qtype = snapshot.get("type")
    if qtype in ("single", "truefalse"):
        best = max(snapshot["choices"], key=lambda c: Decimal(c["fraction"]))
        return {"choice": best["id"]}
    if qtype == "multiple":
        return {"choices": [c["id"] for c in snapshot["choices"] if Decimal(c["fraction"]) > 0]}
    if qtype == "short":
        best = max(snapshot["answers"], key=lambda a: Decimal(a["fraction"]))
        return {"text": best["text"]}
    if qtype == "matching":
        return {"pairs": {str(p["id"]): p["answer"] for p in snapshot["prompts"]}}
    if qtype == "ordering":
        return {"positions": {str(i["id"]): i["position"] for i in snapshot["items"]}}
    if qtype == "numerical":
        valued = [a for a in snapshot["answers"] if a["value"] != "*"]
        best = max(valued, key=lambda a: Decimal(a["fraction"]))
        return {"value": best["value"], "tolerance": best.get("tolerance") or "0"}
    return {}
