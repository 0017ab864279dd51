"""Short answer («Trả lời ngắn»): accepted texts, each worth 0–100 %; the best may be below
100 % (the admin allows it, so every format carries it); ``*`` is Moodle's catch-all."""

from django.utils.translation import gettext as _

NAME = "short"
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
