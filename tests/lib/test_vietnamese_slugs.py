"""New pages get ASCII slugs: Vietnamese diacritics removed, đ → d (lms/lib/slugs.py)."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.utils.text import slugify

from courses.models import CourseIndexPage, CoursePage
from lms.lib.slugs import SLUG_FORMATTERS, vietnamese_slugify
from tests.browser_harness import login
from tests.conftest import site_root

TITLE = "Sao lưu dữ liệu định kỳ"


def test_vietnamese_titles_fold_to_ascii():
    assert not settings.WAGTAIL_ALLOW_UNICODE_SLUGS
    assert vietnamese_slugify(TITLE) == "sao-luu-du-lieu-dinh-ky"
    assert vietnamese_slugify("ĐẶC KHU Côn Đảo: ưu tiên!") == "dac-khu-con-dao-uu-tien"
    assert vietnamese_slugify("Nghị định 356/2025/NĐ-CP") == "nghi-dinh-3562025nd-cp"
    # What Django alone does, and what this module is for.
    assert slugify(TITLE) == "sao-luu-du-lieu-inh-ky"


def test_js_formatters_cover_every_vietnamese_letter():
    covered = {ch: base for chars, base in SLUG_FORMATTERS for ch in chars.strip("[]")}
    alphabet = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    for ch in alphabet + alphabet.upper():
        assert ch in covered, ch
        expected = vietnamese_slugify(ch)
        assert covered[ch] == (expected.upper() if ch.isupper() else expected), ch


def _course_index():
    return CourseIndexPage.objects.first() or site_root().add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )


def _course(title, **extra):
    return CoursePage(
        title=title, summary="Tóm tắt.", tiet=Decimal("1"), estimated_minutes=45, **extra
    )


@pytest.mark.django_db
def test_a_page_saved_without_a_slug_gets_an_ascii_one():
    index = _course_index()
    first = index.add_child(instance=_course(TITLE))
    second = index.add_child(instance=_course(TITLE))
    assert first.slug == "sao-luu-du-lieu-dinh-ky"
    assert second.slug == "sao-luu-du-lieu-dinh-ky-2"
    assert first.url.endswith("/sao-luu-du-lieu-dinh-ky/")
    assert first.url.isascii()


@pytest.mark.django_db
def test_a_given_slug_is_kept():
    page = _course_index().add_child(instance=_course(TITLE, slug="sao-luu"))
    assert page.slug == "sao-luu"


def _form(index, user, slug):
    form_class = CoursePage.get_edit_handler().get_form_class()
    data = {"title": TITLE, "slug": slug}
    return form_class(data=data, parent_page=index, for_user=user, instance=CoursePage())


@pytest.mark.django_db
def test_a_slug_typed_without_javascript_is_folded_or_refused(admin_user):
    index = _course_index()
    form = _form(index, admin_user, "sao-lưu-dữ-liệu-định-kỳ")
    form.is_valid()
    assert "slug" not in form.errors
    assert form.cleaned_data["slug"] == "sao-luu-du-lieu-dinh-ky"
    form = _form(index, admin_user, "sao-luu-日本")
    form.is_valid()
    assert "slug" in form.errors
    widget = form.fields["slug"].widget
    assert '"d"' in widget.attrs["data-w-slug-formatters-value"]
    assert widget.attrs["data-w-slug-allow-unicode-value"] is False


@pytest.mark.browser
def test_admin_fills_an_ascii_slug_from_the_title(
    chromium, live_server, admin_user, password, browser_page
):
    """Wagtail's own JavaScript (w-sync → w-slug) with our formatters; without them "đ" → "dj"."""
    from playwright.sync_api import expect

    admin_user.set_password(password)
    admin_user.save()
    index = _course_index()
    page = browser_page
    login(page, live_server, admin_user.username, password)
    page.goto(f"{live_server.url}/admin/pages/add/courses/coursepage/{index.pk}/")
    page.wait_for_load_state("networkidle")
    title, slug = page.locator("#id_title"), page.locator("#id_slug")
    for text, expected in [
        (TITLE, "sao-luu-du-lieu-dinh-ky"),
        ("Đặc khu Côn Đảo – Ưu tiên", "dac-khu-con-dao-uu-tien"),
    ]:
        title.focus()
        title.fill("")
        title.press_sequentially(text)
        title.blur()
        expect(slug).to_have_value(expected)
