"""Numbers as Vietnamese people write them, for numerical questions.

Vietnamese writes the decimal separator as a comma and groups thousands with dots
(``1.234,5``); many people, and every export format, write ``1234.5``. `parse_number` accepts
both, as learners type them and as staff type them in the admin:

- one comma: decimal comma (``3,5`` = 3.5); one dot: decimal point (``3.5``);
- a separator used more than once groups thousands (``1.000.000``, ``1,000,000``, ``1 000 000``);
  with both, the last one is the decimal separator (``1.234,5``, ``1,234.5``);
- groups of thousands must have three digits, or the text is refused;
- ``1.000`` alone is ambiguous (one thousand in Vietnamese, one in English): it is refused with a
  message asking for ``1000`` or ``1,000``; ``1,000`` is read the Vietnamese way (one);
- a leading ``+``, ``-`` or ``−`` (minus sign); no exponent, no percent, no letters.

Anything else raises `NumberError` with a Vietnamese message naming what was typed.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_LENGTH = 40
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_SHAPE = re.compile(r"[0-9.,][0-9.,' ]*")
_GROUPED = re.compile(r"[0-9]{1,3}(?:X[0-9]{3})+")


class NumberError(ValueError):
    """A text that is not a number; str() is a Vietnamese message for the learner.
    `ambiguous` is True for ``1.000``-like texts (a number, but which one is unclear)."""

    ambiguous = False


def _refuse(text):
    return NumberError(
        _("«%(text)s» không phải là một số. Hãy chỉ nhập chữ số, ví dụ 12 hoặc 3,5.")
        % {"text": text}
    )


def parse_number(text):
    """The Decimal a person meant by `text` (see the module docstring); NumberError if none."""
    raw = str(text if text is not None else "").strip()
    shown = raw if len(raw) <= MAX_LENGTH else raw[: MAX_LENGTH - 1] + "…"
    if not raw or len(raw) > MAX_LENGTH:
        raise _refuse(shown)
    body = raw.replace("\u2212", "-")
    body = _SPACES.sub(" ", body)
    sign = ""
    if body[0] in "+-":
        sign, body = ("-" if body[0] == "-" else ""), body[1:].lstrip()
    if not body or not _SHAPE.fullmatch(body) or body[-1] in ".,' ":
        raise _refuse(shown)
    separators = [ch for ch in body if ch in ".,' "]
    integer, fraction = body, ""
    if separators:
        last = separators[-1]
        if last in ".," and separators.count(last) == 1:
            # The last separator, used once, is the decimal one; the others group thousands.
            cut = body.rindex(last)
            integer, fraction = body[:cut], body[cut + 1 :]
            ambiguous = (
                last == "."
                and not any(ch in ",' " for ch in integer)
                and len(fraction) == 3
                and integer not in ("", "0")
                and len(integer) <= 3
            )
            if ambiguous:
                error = NumberError(
                    _(
                        "«%(text)s» không rõ nghĩa: nếu dấu chấm ngăn cách hàng nghìn, hãy viết "
                        "%(whole)s; nếu là số thập phân, hãy dùng dấu phẩy (%(comma)s)."
                    )
                    % {
                        "text": shown,
                        "whole": integer + fraction,
                        "comma": integer + "," + fraction,
                    }
                )
                error.ambiguous = True
                raise error
        grouping = {ch for ch in integer if ch in ".,' "}
        if len(grouping) > 1:
            raise _refuse(shown)
        if grouping:
            marked = re.sub(r"[.,' ]", "X", integer)
            if not _GROUPED.fullmatch(marked):
                raise _refuse(shown)
            integer = re.sub(r"[.,' ]", "", integer)
    if integer == "" and fraction:
        integer = "0"  # ",5" / ".5"
    if not integer.isdigit() or (fraction and not fraction.isdigit()):
        raise _refuse(shown)
    try:
        value = Decimal(f"{sign}{integer}.{fraction or '0'}")
    except InvalidOperation:
        raise _refuse(shown) from None
    return value


def plain(value):
    """A Decimal as a plain string without exponent or trailing zeros: 3.5, 12, -0.25."""
    text = format(Decimal(value).normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def vietnamese(value):
    """A Decimal written the Vietnamese way (decimal comma, no grouping): 3,5 · 12 · -0,25."""
    return plain(value).replace(".", ",")


class NumberFormField(forms.DecimalField):
    """Admin form field: a text box (inputmode decimal) read with `parse_number`."""

    widget = forms.TextInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return parse_number(value)
        except NumberError as error:
            raise ValidationError(str(error), code="invalid") from None

    def validate(self, value):
        forms.Field.validate(self, value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return vietnamese(value)
        return value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs.update({"inputmode": "decimal", "autocomplete": "off"})
        return attrs
