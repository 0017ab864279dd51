"""Matching («Ghép đôi»): (prompt, answer) pairs; a pair without a prompt is a distractor
answer, as in Moodle. At least two real pairs, every pair with an answer."""

from django.utils.translation import gettext as _

NAME = "matching"
HAS_GRADING_MODE = True


def validate(q):
    errors = []
    if len([p for p in q.pairs if (p[0] or "").strip()]) < 2:
        errors.append(_("Cần ít nhất hai cặp ghép đôi."))
    if any(not (p[1] or "").strip() for p in q.pairs):
        errors.append(_("có cặp ghép thiếu vế phải."))
    return errors
