"""ASCII slugs for new pages: Vietnamese diacritics removed and đ → d.

"Sao lưu dữ liệu định kỳ" → "sao-luu-du-lieu-dinh-ky". With WAGTAIL_ALLOW_UNICODE_SLUGS = False
Wagtail already asks for ASCII slugs, but gets "đ" wrong on both of its paths:

- on the server, a page saved without a slug takes `django.utils.text.slugify(title)`, which
  drops "đ" (it has no decomposition): "…-inh-ky";
- in the admin, the slug field's JavaScript transliterates with Wagtail's character maps, which
  have no Vietnamese map and turn "đ" into "dj" (the Serbian map).

`install()` (called once from lms.org's AppConfig.ready) fixes both: Wagtail's page module
slugifies through `vietnamese_slugify`, and every model slug field in the admin uses
`VietnameseSlugInput`, whose formatters fold the Vietnamese letters before Wagtail's own rules.
Without JavaScript the slug typed by hand is folded too ("sao-lưu" → "sao-luu"), by the form
field, and must then be ASCII. (An existing page whose slug has Vietnamese letters gets the
folded slug when next saved in the admin; Wagtail's redirects app records the old URL.)
"""

import unicodedata

from django.utils.text import slugify

from .vietnamese import fold_accents

_VOWELS = "aeiouy"
# Tones (huyền, sắc, hỏi, ngã, nặng) and the marks of ă â ê ô ơ ư.
_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "\u0306", "\u0302", "\u031b"}


def vietnamese_slugify(value, allow_unicode=False):
    """Django's slugify after folding Vietnamese letters (đ → d, tones and marks removed)."""
    return slugify(fold_accents(str(value)), allow_unicode=allow_unicode)


def _letter_classes():
    """(regex character class, ASCII letter) for every precomposed Vietnamese letter."""
    folded = {}
    for code in range(0x00C0, 0x1EFF + 1):
        ch = chr(code)
        base, *marks = unicodedata.normalize("NFD", ch)
        if marks and base.lower() in _VOWELS and set(marks) <= _MARKS:
            folded.setdefault(base, []).append(ch)
    folded.setdefault("d", []).append("đ")
    folded.setdefault("D", []).append("Đ")
    return [("[" + "".join(sorted(chars)) + "]", base) for base, chars in sorted(folded.items())]


SLUG_FORMATTERS = _letter_classes()


def _ascii_slug_field():
    from django import forms

    class AsciiSlugField(forms.SlugField):
        def __init__(self, *args, **kwargs):
            kwargs["allow_unicode"] = False
            super().__init__(*args, **kwargs)

        def to_python(self, value):
            value = super().to_python(value)
            return fold_accents(value) if value else value

    return AsciiSlugField


def install():
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.admin.widgets.slug import SlugInput
    from wagtail.models import pages

    class VietnameseSlugInput(SlugInput):
        def __init__(self, attrs=None, formatters=None, locale=None):
            super().__init__(
                attrs, formatters=SLUG_FORMATTERS + list(formatters or []), locale=locale
            )

    pages.slugify = vietnamese_slugify
    register_form_field_override(
        models.SlugField,
        override={"widget": VietnameseSlugInput, "form_class": _ascii_slug_field()},
    )
