"""Short answer («Trả lời ngắn»): accepted texts, each worth 0–100 %; the best may be below
100 % (the admin allows it, so every format carries it); ``*`` is Moodle's catch-all."""

import unicodedata
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import ZERO, fraction

NAME = "short"
LABEL = gettext_lazy("Trả lời ngắn")
PARTS = "short_answers"  # the Question relation holding its parts (the admin form's section)
HAS_GRADING_MODE = False


def validate(q):
    errors = []
    if not q.choices:
        return [_("Cần ít nhất một đáp án chấp nhận.")]
    if any(not (c.text or "").strip() for c in q.choices):
        errors.append(_("có đáp án để trống."))
    if any(c.fraction < 0 or c.fraction > 100 for c in q.choices):
        errors.append(_("Trọng số mỗi đáp án phải từ 0 đến 100."))
    elif max(c.fraction for c in q.choices) <= 0:
        errors.append(_("Cần ít nhất một đáp án được điểm (trọng số lớn hơn 0%)."))
    return errors


def normalise(text, ignore_diacritics=False):
    """Unicode NFC, whitespace collapsed, case folded; accents folded if the question says so."""
    from lms.lib.vietnamese import fold_accents

    text = unicodedata.normalize("NFC", str(text or ""))
    text = " ".join(text.split()).casefold()
    if ignore_diacritics:
        text = fold_accents(text)
    return text


def snapshot(question, data, rng, shuffle_choices, tokens):
    data["answers"] = [
        {"text": a.text, "fraction": str(a.fraction), "feedback": a.feedback}
        for a in question.short_answers.all()
    ]
    data["ignore_diacritics"] = question.ignore_diacritics


def grade(snapshot, response):
    """The best weight among the accepted answers the normalised text equals."""
    ignore = snapshot.get("ignore_diacritics", False)
    given = normalise(response.get("text"), ignore)
    if not given:
        return ZERO
    best = ZERO
    for answer in snapshot["answers"]:
        if normalise(answer["text"], ignore) == given:
            best = max(best, fraction(answer["fraction"]))
    return best


def correct_response(snapshot):
    return {"text": max(snapshot["answers"], key=lambda a: Decimal(a["fraction"]))["text"]}


# -- formats (quizzes/bank_io.py)


def from_parsed(question, parsed, fmt):
    from ..html import clean_html, strip_tags
    from ..models import ShortAnswer
    from .base import inline_html

    ShortAnswer.objects.bulk_create(
        ShortAnswer(
            question=question,
            text=strip_tags(c.text)[:500],
            fraction=max(c.fraction, Decimal(0)),
            feedback=clean_html(inline_html(c.feedback, fmt)),
            sort_order=i,
        )
        for i, c in enumerate(parsed.choices)
    )


def to_parsed(question, parsed):
    import html

    from ..formats.base import ParsedChoice

    parsed.choices = [
        ParsedChoice(
            text=html.escape(a.text),
            fraction=Decimal(a.fraction).normalize(),
            feedback=a.feedback,
        )
        for a in question.short_answers.all()
    ]


# -- the learner's page (quizzes/responses.py, quizzes/display.py)
MAX_ANSWER = 500


def parse_response(snap, name, data):
    from ..responses import InvalidResponse

    text = " ".join((data.get(name) or "").split())
    if len(text) > MAX_ANSWER:
        raise InvalidResponse(_("Câu trả lời quá dài (tối đa 500 ký tự)."))
    return {"text": text} if text else None


def display(item, snap, response, view, show_right, show_feedback, key):
    view["text"] = response.get("text", "")
    if show_right:
        view["right_answer"] = key.get("text", "")
