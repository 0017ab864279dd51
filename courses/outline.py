"""Cached course outlines: the part of a course and its modules that is the same for everyone.

A course page or a module page is mostly shared content (the course, its module list, the
lesson's blocks) plus a little that belongs to one learner (enrolment, completed modules, quiz
attempts). The shared part is read from the database once and kept in the content cache
(lms.lib.content_cache: versioned keys replaced after commit, rows stored by field name); each
request then asks the database only for the learner's own rows, with small, cheap queries.

Nothing that writes a permanent record (completion, credits) may read these objects: they are for
rendering only.
"""

from dataclasses import dataclass
from decimal import Decimal

from lms.lib.content_cache import cached, instance_from_row, replace_version, row_values

# Signal receiver (courses.apps): every cached outline, body and quiz lookup is stale after commit.
new_content_version = replace_version


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

    course_row: dict  # {attname: value}: content_cache.row_values
    module_rows: tuple  # {attname: value} per module (without its body), in order
    summaries: tuple  # ModuleSummary per module, in order

    @classmethod
    def build(cls, course):
        from .models import ModulePage

        modules = list(ModulePage.objects.child_of(course).live().defer("body").order_by("path"))
        rows = tuple(row_values(module, exclude=("body",)) for module in modules)
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
        return cls(row_values(course), rows, summaries)

    def course(self):
        """A fresh CoursePage instance (callers may set attributes on it)."""
        from .models import CoursePage

        course = instance_from_row(CoursePage, self.course_row)
        course._outline = self
        return course

    def modules(self):
        """The module summaries, in order."""
        return list(self.summaries)

    def module(self, url_path):
        """A fresh ModulePage instance for the live module at `url_path` (its `body` deferred:
        loaded only if read), or None."""
        from .models import ModulePage

        for summary, row in zip(self.summaries, self.module_rows, strict=True):
            if summary.url_path == url_path:
                return instance_from_row(ModulePage, row)
        return None


def outline_for_url_path(url_path):
    """The outline of the live course at `url_path`, or None (both cached)."""
    from .models import CoursePage

    def build():
        course = CoursePage.objects.filter(url_path=url_path, live=True).first()
        return CourseOutline.build(course) if course is not None else None

    return cached("outline", (url_path,), build)
