"""Cached course outlines: the part of a course and its modules that is the same for everyone.

A course page or a module page is mostly shared content (the course, its module list, the
lesson's blocks) plus a little that belongs to one learner (enrolment, completed modules, quiz
attempts). The shared part is read from the database once and kept in the cache; each request
then asks the database only for the learner's own rows, with small, cheap queries.

Freshness. Every cached entry's key carries a *content version*. Saving, publishing,
unpublishing, moving or deleting any page, changing a view restriction or a quiz replaces the
version, so the next request rebuilds what it needs. With a shared cache (Redis, production's
REDIS_URL) that takes effect at once in every process. With a per-process cache (the default
local-memory cache), another process keeps its entries until they expire: `TIMEOUT` bounds how
long a published change can take to show there.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS
from django.utils import translation

from lms.lib import cache_versions

VERSION_KEY = "courses:content-version"
TIMEOUT = 60  # seconds; see "Freshness" above
_MISSING = "missing"


def content_version():
    return cache_versions.current(VERSION_KEY)


def new_content_version(**kwargs):
    """Signal receiver: forget every cached outline, body and quiz lookup."""
    cache_versions.replace(VERSION_KEY)


def _key(kind, *parts):
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()
    return f"courses:{kind}:{content_version()}:{digest}"


def _field_values(instance, exclude=()):
    fields = [f.attname for f in type(instance)._meta.concrete_fields if f.name not in exclude]
    return tuple(fields), tuple(getattr(instance, name) for name in fields)


@dataclass(frozen=True)
class ModuleSummary:
    """What a module list shows of one module (lighter than a ModulePage instance)."""

    pk: int
    slug: str
    title: str
    url_path: str
    tiet: Decimal
    estimated_minutes: int
    tracks: str
    completion_rule: str

    def is_required_for(self, enrolment_tracks):
        from .models import module_required_for

        return module_required_for(self.tracks, enrolment_tracks)


@dataclass(frozen=True)
class CourseOutline:
    """A live course and its live modules (without their bodies), as plain values."""

    course_fields: tuple
    course_values: tuple
    module_fields: tuple
    module_rows: tuple  # field values per module, for the one module page being served
    summaries: tuple  # ModuleSummary per module, in order

    @classmethod
    def build(cls, course):
        from .models import ModulePage

        modules = list(ModulePage.objects.child_of(course).live().defer("body").order_by("path"))
        course_fields, course_values = _field_values(course)
        module_fields = ()
        rows = []
        for module in modules:
            module_fields, values = _field_values(module, exclude=("body",))
            rows.append(values)
        summaries = tuple(
            ModuleSummary(
                pk=m.pk,
                slug=m.slug,
                title=m.title,
                url_path=m.url_path,
                tiet=m.tiet,
                estimated_minutes=m.estimated_minutes,
                tracks=m.tracks,
                completion_rule=m.completion_rule,
            )
            for m in modules
        )
        return cls(course_fields, course_values, module_fields, tuple(rows), summaries)

    def course(self):
        """A fresh CoursePage instance (callers may set attributes on it)."""
        from .models import CoursePage

        course = CoursePage.from_db(DEFAULT_DB_ALIAS, self.course_fields, self.course_values)
        course._outline = self
        return course

    def modules(self):
        """The module summaries, in order."""
        return list(self.summaries)

    def module(self, url_path):
        """A fresh ModulePage instance for the live module at `url_path` (its `body` deferred:
        loaded only if read), or None."""
        from .models import ModulePage

        for summary, values in zip(self.summaries, self.module_rows, strict=True):
            if summary.url_path == url_path:
                return ModulePage.from_db(DEFAULT_DB_ALIAS, self.module_fields, values)
        return None


def outline_for_url_path(url_path):
    """The outline of the live course at `url_path`, or None (both cached)."""
    from .models import CoursePage

    key = _key("outline", url_path)
    outline = cache.get(key)
    if outline is None:
        course = CoursePage.objects.filter(url_path=url_path, live=True).first()
        outline = CourseOutline.build(course) if course is not None else _MISSING
        cache.set(key, outline, TIMEOUT)
    return None if outline == _MISSING else outline


def cached(kind, parts, build):
    """A value from the cache under the current content version, built on a miss.

    `build()` may return None; that is cached too."""
    key = _key(kind, *parts)
    value = cache.get(key, _MISSING)
    if value == _MISSING:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def body_cache_parts(page):
    """The cache key parts of a module's rendered body: page, language."""
    return (page.pk, translation.get_language())
