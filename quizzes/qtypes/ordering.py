"""Ordering («Sắp xếp thứ tự»): items in their right order, at least two, none blank."""

from django.utils.translation import gettext as _

NAME = "ordering"
HAS_GRADING_MODE = True


def validate(q):
    errors = []
    if len(q.items) < 2:
        errors.append(_("Cần ít nhất hai mục để sắp xếp."))
    if any(not (i or "").strip() for i in q.items):
        errors.append(_("có mục sắp xếp để trống."))
    return errors
