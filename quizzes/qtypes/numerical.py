"""Numerical («Dạng số»): accepted values with an absolute tolerance, each worth 0–100 %; one
valued answer at 100 %; at most one catch-all (``*``, "any other number")."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import ZERO, fraction

NAME = "numerical"
LABEL = gettext_lazy("Dạng số")
PARTS = "numerical_answers"  # the Question relation holding its parts (the admin form's section)
HAS_GRADING_MODE = False
# NumericalAnswer.value / tolerance: DecimalField(max_digits=30, decimal_places=10).
NUMBER_PLACES, NUMBER_INTEGER_DIGITS = 10, 20


def is_catch_all(choice):
    return choice.text == "*"


def value_of(choice):
    """The accepted value (Decimal), None for the catch-all; ArithmeticError if not a number."""
    if is_catch_all(choice):
        return None
    value = Decimal(choice.text)
    if not value.is_finite():
        raise InvalidOperation(choice.text)
    return value


def fits(value):
    """Whether a number fits the bank's columns (20 integer digits, 10 decimal places)."""
    _sign, digits, exponent = Decimal(value).normalize().as_tuple()
    places = max(-exponent, 0)
    integer_digits = max(len(digits) + exponent, 0) if exponent < 0 else len(digits) + exponent
    return places <= NUMBER_PLACES and integer_digits <= NUMBER_INTEGER_DIGITS


def validate(q):
    from ..numbers import plain

    errors = []
    valued = []
    for c in q.choices:
        if not (c.text or "").strip():
            errors.append(_("có đáp án để trống."))
            continue
        try:
            value = value_of(c)
        except ArithmeticError:
            errors.append(_("đáp án «%(text)s» không phải là số.") % {"text": c.text})
            continue
        if value is not None:
            valued.append(c)
        for number in (value, c.tolerance):
            if number is not None and not fits(number):
                errors.append(
                    _(
                        "số «%(value)s» quá dài để lưu (tối đa 20 chữ số phần nguyên và 10 chữ số "
                        "phần thập phân)."
                    )
                    % {"value": plain(number)}
                )
    if errors:
        return errors
    if not valued:
        errors.append(_("Cần ít nhất một đáp án số có giá trị."))
    elif not any(c.fraction == 100 for c in valued):
        errors.append(_("Cần một đáp án số có trọng số 100%."))
    if any(c.fraction < 0 or c.fraction > 100 for c in q.choices):
        errors.append(_("Trọng số mỗi đáp án số phải từ 0 đến 100."))
    if any((c.tolerance or 0) < 0 for c in q.choices):
        errors.append(_("Sai số cho phép không được âm."))
    if len(q.choices) - len(valued) > 1:
        errors.append(_("Chỉ được có một dòng «mọi số khác» (giá trị để trống)."))
    return errors


def snapshot(question, data, rng, shuffle_choices, tokens):
    from ..numbers import plain

    data["answers"] = [
        {
            "value": "*" if a.value is None else plain(a.value),
            "tolerance": plain(a.tolerance or 0),
            "fraction": str(a.fraction),
            "feedback": a.feedback,
        }
        for a in question.numerical_answers.all()
    ]


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


def grade(snapshot, response):
    answer = matching_number(snapshot, response)
    return fraction(answer["fraction"]) if answer else ZERO


def correct_response(snapshot):
    valued = [a for a in snapshot["answers"] if a["value"] != "*"]
    best = max(valued, key=lambda a: Decimal(a["fraction"]))
    return {"value": best["value"], "tolerance": best.get("tolerance") or "0"}


# -- formats (quizzes/bank_io.py)


def from_parsed(question, parsed, fmt):
    from ..html import clean_html
    from ..models import NumericalAnswer
    from .base import inline_html

    NumericalAnswer.objects.bulk_create(
        NumericalAnswer(
            question=question,
            value=None if c.text == "*" else Decimal(c.text),
            tolerance=c.tolerance or Decimal(0),
            fraction=c.fraction,
            feedback=clean_html(inline_html(c.feedback, fmt)),
            sort_order=i,
        )
        for i, c in enumerate(parsed.choices)
    )


def to_parsed(question, parsed):
    from ..formats.base import ParsedChoice
    from ..numbers import plain

    parsed.choices = [
        ParsedChoice(
            text="*" if a.value is None else plain(a.value),
            fraction=Decimal(a.fraction).normalize(),
            feedback=a.feedback,
            tolerance=None if a.value is None else Decimal(plain(a.tolerance or 0)),
        )
        for a in question.numerical_answers.all()
    ]


# -- the learner's page (quizzes/responses.py, quizzes/display.py)


def parse_response(snap, name, data):
    from ..numbers import NumberError, parse_number, plain
    from ..responses import InvalidResponse

    text = " ".join((data.get(name) or "").split())
    if not text:
        return None
    try:
        value = parse_number(text)
    except NumberError as problem:
        raise InvalidResponse(str(problem)) from None
    return {"value": plain(value), "text": text}


def display(item, snap, response, view, show_right, show_feedback, key):
    from ..numbers import vietnamese

    view["text"] = response.get("text", "")
    if show_right and key:
        right = vietnamese(key["value"])
        if Decimal(key["tolerance"]) != 0:
            right += " ± " + vietnamese(key["tolerance"])
        view["right_answer"] = right
    if show_feedback and item.response:
        matched = matching_number(snap, item.response)
        view["feedback"] = matched.get("feedback", "") if matched else ""
