"""Single choice («Một đáp án đúng»): the choice with weight 100 % is right; as in Moodle,
several may be at 100 % and other choices may carry partial or negative weights."""

from django.utils.translation import gettext as _

from .base import choice_rules, has_full_mark

NAME = "single"
HAS_GRADING_MODE = False


def validate(q):
    errors = choice_rules(q)
    if q.choices and not has_full_mark(q.choices):
        errors.append(_("Cần một lựa chọn có trọng số 100%."))
    return errors
