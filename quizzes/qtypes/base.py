"""Rules shared by every question type, and helpers the type modules use."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

ZERO = Decimal("0")
ONE = Decimal("1")
HUNDRED = Decimal("100")
GRADING_MODES = ("partial", "all_or_nothing")
# Multiple choice: the positive weights must make 100 %, within this many percentage points
# (3 × 33.3 % = 99.9 %, 3 × 33.33333 % = 99.99999 %, a GIFT file's 3 × 33 % = 99 %).
SUM_TOLERANCE = Decimal(1)


def fraction_str(value) -> str:
    from ..formats.base import fraction_str as text

    return text(Decimal(value))


def unsupported(qtype) -> str:
    return _("loại câu hỏi «%(qtype)s» không được hỗ trợ.") % {"qtype": qtype}


def mode_types():
    from . import REGISTRY

    return tuple(name for name, module in REGISTRY.items() if module.HAS_GRADING_MODE)


def validate(q, stem=True) -> list[str]:
    """Rules for every type: a stem, a known grading mode that fits the type."""
    from django.utils.html import strip_tags

    errors = []
    if stem and not strip_tags(q.stem or "").strip():
        errors.append(_("câu hỏi không có nội dung."))
    if q.grading_mode not in GRADING_MODES:
        errors.append(
            _("cách chấm «%(mode)s» không hợp lệ (dùng partial hoặc all_or_nothing).")
            % {"mode": q.grading_mode}
        )
    elif q.grading_mode == "all_or_nothing" and q.qtype not in mode_types():
        errors.append(
            _(
                "cách chấm «đúng hết mới có điểm» chỉ dùng cho câu nhiều lựa chọn, ghép cặp "
                "và sắp xếp."
            )
        )
    return errors


def choice_rules(q) -> list[str]:
    """Single, multiple and true/false: two choices or more, none blank, weights in range."""
    errors = []
    if len(q.choices) < 2:
        errors.append(_("Cần ít nhất hai lựa chọn."))
    if any(not (c.text or "").strip() for c in q.choices):
        errors.append(_("có phương án trả lời để trống."))
    for c in q.choices:
        if c.fraction < -100 or c.fraction > 100:
            errors.append(
                _(
                    "trọng số %(w)s%% của phương án «%(text)s» phải nằm trong khoảng -100%% đến 100%%."
                )
                % {"w": fraction_str(c.fraction), "text": c.text}
            )
    return errors


def has_full_mark(choices) -> bool:
    return any(c.fraction == 100 for c in choices)


# -- grading and snapshot helpers (quizzes/grading.py dispatches to the type modules) ----------


def fraction(value):
    """A snapshot's percentage weight as a fraction of the mark (Decimal)."""
    return Decimal(str(value)) / HUNDRED


def proportion(right, total, mode):
    """Matching and ordering: the share of right parts, or all-or-nothing."""
    if total == 0:
        return ZERO
    if mode == "all_or_nothing":
        return ONE if right == total else ZERO
    return Decimal(right) / Decimal(total)


def choices_snapshot(question, tokens):
    """Single, multiple and true/false: every choice with its attempt token."""
    return [
        {
            "id": c.pk,
            "token": tokens.new(),
            "text": c.text,
            "fraction": str(c.fraction),
            "feedback": c.feedback,
        }
        for c in question.choices.all()
    ]


def grade_chosen(snapshot, response):
    """Single and true/false: the weight of the chosen choice."""
    chosen = response.get("choice")
    for choice in snapshot["choices"]:
        if choice["id"] == chosen:
            return fraction(choice["fraction"])
    return ZERO


def inline_html(text, fmt):
    """Choice texts and feedback from a file: HTML kept (cleaned) for html questions, escaped
    otherwise."""
    import html

    from ..html import clean_html

    if fmt == "html":
        return clean_html(text)
    return html.escape(text or "")


def save_choices(question, parsed, fmt):
    """Single and multiple: the parsed choices as the bank's Choice rows."""
    from ..html import clean_html
    from ..models import Choice

    Choice.objects.bulk_create(
        Choice(
            question=question,
            text=clean_html(inline_html(c.text, fmt)),
            fraction=c.fraction,
            feedback=clean_html(inline_html(c.feedback, fmt)),
            sort_order=i,
        )
        for i, c in enumerate(parsed.choices)
    )


def export_choices(question, parsed):
    from ..formats.base import ParsedChoice

    parsed.choices = [
        ParsedChoice(text=c.text, fraction=Decimal(c.fraction).normalize(), feedback=c.feedback)
        for c in question.choices.all()
    ]


def best_choice(snapshot):
    return {"choice": max(snapshot["choices"], key=lambda c: Decimal(c["fraction"]))["id"]}


# -- response parsing and display helpers (quizzes/responses.py, quizzes/display.py) ------------


def parse_chosen(snap, name, data):
    """Single and true/false: the chosen choice's bank id."""
    from ..responses import id_for, lookup

    raw = data.get(name)
    if raw in (None, ""):
        return None
    return {"choice": id_for(lookup(snap["choices"]), raw)}


def choices_view(snap, response, view, show_right, show_feedback, labels=None, multiple=False):
    """Single, multiple and true/false on the page: each choice, ticked or not, and after
    submitting what the review policy lets the learner see."""
    from ..responses import token_of

    chosen = set(response.get("choices") or [])
    if "choice" in response:
        chosen.add(response["choice"])
    choices = []
    for choice in snap.get("choices", []):
        text = choice["text"]
        if labels:
            text = labels.get(text, text)
        is_right = Decimal(choice["fraction"]) > 0
        choices.append(
            {
                "id": token_of(choice),
                "text": text,
                "checked": choice["id"] in chosen,
                "is_right": show_right and is_right,
                "feedback": choice.get("feedback")
                if show_feedback and choice["id"] in chosen
                else "",
            }
        )
    view["choices"] = choices
    view["input_type"] = "checkbox" if multiple else "radio"
