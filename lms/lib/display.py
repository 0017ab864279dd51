"""How the site writes durations, percentages, dates and relative times in Vietnamese.

One place for each: templates use the `vi_format` filters (lms/org/templatetags/vi_format.py),
Python code (admin columns, exports, e-mails) calls these functions.

- durations: minutes as hours and minutes, "17 giờ 44 phút", "45 phút", "2 giờ";
- numbers: a decimal comma and no trailing zeros, "80", "82,5", "1.064" (thousands with a dot);
- percentages: the number, a no-break space and "%", "80 %", "82,5 %";
- dates: dd/mm/yyyy, date and time "02/12/2026 14:05" (the formats module lms/formats/vi);
- relative times: "vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước", then the date.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats, timezone
from django.utils.translation import gettext as _

NBSP = "\u00a0"

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"


def _decimal(value):
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def format_number(value, places=2):
    """A number with a decimal comma, at most `places` decimals, no trailing zeros: "82,5"."""
    number = _decimal(value)
    if number is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    number = number.quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{abs(number):f}"
    whole, _dot, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups) + ("," + fraction if fraction else "")
    sign = "-" if number < 0 and result.strip("0,.") else ""
    return sign + result


def format_percent(value, places=1):
    """ "80 %", "82,5 %" (a no-break space before the sign); "" for no value."""
    number = format_number(value, places)
    return f"{number}{NBSP}%" if number else ""


def format_duration(minutes):
    """Minutes as hours and minutes: "17 giờ 44 phút", "2 giờ", "45 phút", "0 phút"."""
    number = _decimal(minutes)
    if number is None:
        return ""
    total = int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    hours, rest = divmod(abs(total), 60)
    if hours and rest:
        return _("%(hours)s giờ %(minutes)s phút") % {"hours": hours, "minutes": rest}
    if hours:
        return _("%(hours)s giờ") % {"hours": hours}
    return _("%(minutes)s phút") % {"minutes": rest}


def format_date(value):
    """dd/mm/yyyy in the site's time zone; "" for no value."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, DATE_FORMAT)


def format_datetime(value):
    """ "02/12/2026 14:05" in the site's time zone; "" for no value."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, DATETIME_FORMAT)


def relative_time(value, now=None):
    """ "vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước" (up to a week), else the date
    and time; for a future moment "5 phút nữa" … A date (no time) is "hôm nay", "hôm qua"…"""
    if not value:
        return ""
    now = now or timezone.now()
    if not isinstance(value, datetime.datetime):
        today = timezone.localdate(now) if timezone.is_aware(now) else now.date()
        days = (today - value).days
        if days == 0:
            return _("hôm nay")
        if days == 1:
            return _("hôm qua")
        if days == -1:
            return _("ngày mai")
        if 1 < days < 7:
            return _("%(n)s ngày trước") % {"n": days}
        return format_date(value)
    if timezone.is_aware(value) != timezone.is_aware(now):
        value = timezone.make_aware(value) if timezone.is_aware(now) else timezone.make_naive(value)
    seconds = (now - value).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    if seconds < 60:
        return _("vừa xong")
    if seconds >= 7 * 86400:
        return format_datetime(value)
    if seconds < 3600:
        n, past, ahead = int(seconds // 60), _("%(n)s phút trước"), _("%(n)s phút nữa")
    elif seconds < 86400:
        n, past, ahead = int(seconds // 3600), _("%(n)s giờ trước"), _("%(n)s giờ nữa")
    else:
        n, past, ahead = int(seconds // 86400), _("%(n)s ngày trước"), _("%(n)s ngày nữa")
    return (ahead if future else past) % {"n": n}
