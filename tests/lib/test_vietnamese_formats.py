"""One way to write durations, numbers, percentages, dates and relative times (lms.lib.display)."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import timezone, translation

from lms.lib.display import (
    NBSP,
    format_date,
    format_datetime,
    format_duration,
    format_number,
    format_percent,
    relative_time,
)


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def render(source, **context):
    return Template("{% load vi_format %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (1064, "17 giờ 44 phút"),
        (60, "1 giờ"),
        (120, "2 giờ"),
        (45, "45 phút"),
        (0, "0 phút"),
        (61, "1 giờ 1 phút"),
        (Decimal("89.6"), "1 giờ 30 phút"),
    ],
)
def test_durations_in_hours_and_minutes(minutes, text):
    assert format_duration(minutes) == text


def test_no_duration_is_empty():
    assert format_duration(None) == ""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("80.00"), "80"),
        (Decimal("82.50"), "82,5"),
        (Decimal("66.666"), "66,67"),
        (100, "100"),
        (0, "0"),
        (1064, "1.064"),
        (1234567.5, "1.234.567,5"),
        (Decimal("-2.50"), "-2,5"),
        (Decimal("-0.001"), "0"),
        ("82.5", "82,5"),
    ],
)
def test_numbers_have_a_decimal_comma_and_no_trailing_zeros(value, text):
    assert format_number(value) == text


def test_percentages():
    assert format_percent(Decimal("80.00")) == f"80{NBSP}%"
    assert format_percent(Decimal("82.50")) == f"82,5{NBSP}%"
    assert format_percent(Decimal("82.46")) == f"82,5{NBSP}%"
    assert format_percent(None) == ""


def test_one_date_style():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 2, 14, 5))
    assert format_datetime(moment) == "02/12/2026 14:05"
    assert format_date(moment) == "02/12/2026"
    assert format_date(datetime.date(2026, 1, 7)) == "07/01/2026"
    # 23:30 UTC is already the next day in Ho Chi Minh City.
    late = datetime.datetime(2026, 12, 1, 23, 30, tzinfo=datetime.UTC)
    assert format_datetime(late) == "02/12/2026 06:30"


def test_django_and_wagtail_defaults_use_the_same_style():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 2, 14, 5))
    out = Template(
        '{{ d }}|{{ d|date }}|{{ d|date:"SHORT_DATETIME_FORMAT" }}|{{ d.date }}|'
        '{{ d|date:"DATETIME_FORMAT" }}'
    ).render(Context({"d": moment}))
    assert out == "02/12/2026 14:05|02/12/2026|02/12/2026 14:05|02/12/2026|02/12/2026 14:05"
    assert "Ngày" not in out and "tháng" not in out


def test_wagtail_admin_date_tooltip_uses_the_style():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 2, 14, 5))
    html = Template("{% load wagtailadmin_tags %}{% human_readable_date d %}").render(
        Context({"d": moment})
    )
    assert 'data-w-tooltip-content-value="02/12/2026 14:05"' in html


def test_date_fields_accept_dd_mm_yyyy():
    field = forms.DateField(localize=True)
    assert field.clean("31/12/2026") == datetime.date(2026, 12, 31)
    field = forms.DateTimeField(localize=True)
    cleaned = field.clean("31/12/2026 14:05")
    assert timezone.localtime(cleaned).strftime("%d/%m/%Y %H:%M") == "31/12/2026 14:05"


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (datetime.timedelta(seconds=20), "vừa xong"),
        (datetime.timedelta(minutes=8), "8 phút trước"),
        (datetime.timedelta(minutes=59, seconds=59), "59 phút trước"),
        (datetime.timedelta(hours=3, minutes=20), "3 giờ trước"),
        (datetime.timedelta(days=2, hours=1), "2 ngày trước"),
        (datetime.timedelta(minutes=-5), "5 phút nữa"),
    ],
)
def test_relative_times(delta, text):
    now = timezone.make_aware(datetime.datetime(2026, 12, 2, 14, 5))
    assert relative_time(now - delta, now=now) == text


def test_relative_time_falls_back_to_the_date_after_a_week():
    now = timezone.make_aware(datetime.datetime(2026, 12, 2, 14, 5))
    assert relative_time(now - datetime.timedelta(days=8), now=now) == "24/11/2026 14:05"


def test_relative_dates():
    now = timezone.make_aware(datetime.datetime(2026, 12, 2, 14, 5))
    assert relative_time(datetime.date(2026, 12, 2), now=now) == "hôm nay"
    assert relative_time(datetime.date(2026, 12, 1), now=now) == "hôm qua"
    assert relative_time(datetime.date(2026, 11, 1), now=now) == "01/11/2026"


def test_filters():
    moment = timezone.now() - datetime.timedelta(minutes=5)
    out = render(
        "{{ m|duration }}|{{ p|percent }}|{{ n|number }}|{{ d|vi_date }}|{{ d|vi_datetime }}",
        m=1064,
        p=Decimal("80.00"),
        n=Decimal("82.50"),
        d=moment,
    )
    local = timezone.localtime(moment)
    expected = f"17 giờ 44 phút|80{NBSP}%|82,5|{local:%d/%m/%Y}|{local:%d/%m/%Y %H:%M}"
    assert out == expected
    html = render("{{ d|relative_time }}", d=moment)
    assert ">5 phút trước</time>" in html
    assert f'title="{local:%d/%m/%Y %H:%M}"' in html
    assert render("{{ d|relative_time }}{{ d|vi_date }}{{ d|percent }}", d=None) == ""


def test_wagtail_admin_relative_dates_are_vietnamese():
    moment = timezone.now() - datetime.timedelta(minutes=8)
    html = Template("{% load wagtailadmin_tags %}{% human_readable_date d %}").render(
        Context({"d": moment})
    )
    assert "8 phút trước" in html
    assert "minute" not in html and "ago" not in html
    local = timezone.localtime(moment)
    assert f'data-w-tooltip-content-value="{local:%d/%m/%Y %H:%M}"' in html


@pytest.mark.django_db
def test_admin_page_listing_shows_vietnamese_times(client_for, admin_user):
    from tests.conftest import site_root

    home = site_root().specific
    home.save_revision(user=admin_user).publish()
    html = client_for(admin_user).get(f"/admin/pages/{home.get_parent().pk}/").content.decode()
    assert "vừa xong" in html.lower() or "phút trước" in html
    assert " ago" not in html and "minutes" not in html
