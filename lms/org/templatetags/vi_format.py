"""The site's display filters: `{% load vi_format %}`, then

    {{ page.estimated_minutes|duration }}   → "17 giờ 44 phút"
    {{ quiz.pass_mark|percent }}            → "80 %", "82,5 %"
    {{ attempt.score|number }}              → "82,5"
    {{ enrolment.due_date|vi_date }}        → "02/12/2026"
    {{ attempt.submitted_at|vi_datetime }}  → "02/12/2026 14:05"
    {{ item.created_at|relative_time }}     → "5 phút trước" (in a <time> with the full date)

The rules live in lms.lib.display.
"""

import datetime

from django import template
from django.utils.html import format_html

from lms.lib import display

register = template.Library()


@register.filter
def duration(minutes):
    return display.format_duration(minutes)


@register.filter
def percent(value, places=1):
    return display.format_percent(value, int(places))


@register.filter
def number(value, places=2):
    return display.format_number(value, int(places))


@register.filter
def vi_date(value):
    return display.format_date(value)


@register.filter
def vi_datetime(value):
    return display.format_datetime(value)


@register.filter
def relative_time(value):
    """A <time> element: the relative time, the exact date and time as its title."""
    if not value:
        return ""
    exact = (
        display.format_datetime(value)
        if isinstance(value, datetime.datetime)
        else display.format_date(value)
    )
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        value.isoformat(),
        exact,
        display.relative_time(value),
    )


@register.filter
def relative_text(value):
    """The relative time as plain text ("5 phút trước"), for markup that carries the date itself."""
    return display.relative_time(value)
