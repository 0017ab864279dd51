"""Multiple choice («Nhiều đáp án đúng»): the positive weights of the right choices make 100 %
(within base.SUM_TOLERANCE, for thirds and the like); wrong ones are 0 or negative."""

from decimal import Decimal

from django.utils.translation import gettext as _

from .base import SUM_TOLERANCE, choice_rules, fraction_str

NAME = "multiple"
HAS_GRADING_MODE = True


def validate(q):
    errors = choice_rules(q)
    positive = sum((c.fraction for c in q.choices if c.fraction > 0), Decimal(0))
    if q.choices and positive == 0:
        errors.append(
            _("câu hỏi trắc nghiệm không có phương án đúng (không phương án nào được điểm).")
        )
    elif q.choices and abs(positive - 100) > SUM_TOLERANCE:
        errors.append(
            _("Tổng trọng số các lựa chọn đúng phải là 100%% (hiện là %(sum)s%%).")
            % {"sum": fraction_str(positive)}
        )
    return errors
