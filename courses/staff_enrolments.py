"""Enrolments as staff see them: scope, status, progress counts, removal rules and the export.

The admin views (courses/admin_views.py) stay thin; everything they show comes from here.
Scope before query: every queryset starts from `enrolments_visible_to(user)`, which filters on
the learner's *current* unit through lms.org.access (a unit manager manages the people who
work in their unit now; the unit snapshot on the enrolment is history, for reports).
"""

from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from django.apps import apps
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Left
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.org.access import visible_units
from lms.org.roles import ADMINISTRATOR, HOME_AFFAIRS, UNIT_MANAGER, has_role

from .models import Enrolment, ModulePage, ModuleProgress, course_path_of

# Trainers author content; they do not manage people (lms/org/roles.py).
MANAGER_ROLES = (HOME_AFFAIRS, ADMINISTRATOR, UNIT_MANAGER)

EXPORT_BATCH = 2000


def can_manage_enrolments(user):
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or has_role(user, *MANAGER_ROLES))
    )


def enrolments_visible_to(user, units=None):
    """The enrolments `user` may list, change or remove: learners of their visible units.

    `units` lets a view that already asked visible_units(user) reuse the answer."""
    if not can_manage_enrolments(user):
        return Enrolment.objects.none()
    return Enrolment.objects.current().filter(
        user__person__unit__in=visible_units(user) if units is None else units
    )


# --- Status ---------------------------------------------------------------------------------


class Status:
    NOT_STARTED = "chua-hoc"
    IN_PROGRESS = "dang-hoc"
    COMPLETED = "hoan-thanh"
    OVERDUE = "qua-han"

    choices = [
        (NOT_STARTED, gettext_lazy("Chưa học")),
        (IN_PROGRESS, gettext_lazy("Đang học")),
        (COMPLETED, gettext_lazy("Hoàn thành")),
        (OVERDUE, gettext_lazy("Quá hạn")),
    ]


def _any_progress_in_course():
    """Has the enrolment's learner any progress row on a module of the enrolment's course?"""
    return Exists(
        ModuleProgress.objects.filter(
            user_id=OuterRef("user_id"),
            module__path__startswith=OuterRef("course__path"),
            module__depth=OuterRef("course__depth") + 1,
        )
    )


def filter_by_status(enrolments, status, today=None):
    """Chưa học / đang học: open, without / with progress; hoàn thành; quá hạn: open and past
    the due date (an overdue enrolment is also "chưa học" or "đang học")."""
    if status == Status.COMPLETED:
        return enrolments.completed()
    if status == Status.OVERDUE:
        return enrolments.overdue(today)
    if status == Status.NOT_STARTED:
        return enrolments.open().filter(~_any_progress_in_course())
    if status == Status.IN_PROGRESS:
        return enrolments.open().filter(_any_progress_in_course())
    return enrolments


def search_by_name(enrolments, query):
    """Every word of `query` in the learner's name, accents and case ignored, or their code."""
    from lms.org.views import accent_insensitive_pattern

    query = query.strip()
    if not query:
        return enrolments
    by_name = Q()
    for word in query.split():
        by_name &= Q(user__person__full_name__iregex=accent_insensitive_pattern(word))
    return enrolments.filter(by_name | Q(user__person__employee_code__iexact=query))


# --- Rows with progress -----------------------------------------------------------------------


@dataclass
class EnrolmentRow:
    enrolment: Enrolment
    done: int
    required: int
    overdue: bool

    @property
    def person(self):
        return getattr(self.enrolment.user, "person", None)

    @property
    def is_assigned(self):
        return self.enrolment.source == Enrolment.Source.ASSIGNED


@lru_cache(maxsize=512)
def _is_required(module_tracks, enrolment_tracks):
    # The rule lives on ModulePage.is_required_for; ask it without building a page.
    return ModulePage.is_required_for(SimpleNamespace(tracks=module_tracks), enrolment_tracks)


def rows_for(enrolments, today=None):
    """EnrolmentRow for each enrolment (already fetched with their courses), in two queries
    whatever their number: the live modules of their courses, and the completed-module counts
    grouped per learner, course and module tracks."""
    today = today or timezone.localdate()
    enrolments = list(enrolments)
    courses = {e.course_id: e.course for e in enrolments}
    # (course path, module tracks) -> number of live modules
    module_counts = {}
    completed = {}  # (user id, course path, module tracks) -> completed modules
    if courses:
        in_courses = Q()
        for course in courses.values():
            in_courses |= Q(path__startswith=course.path, depth=course.depth + 1)
        for path, tracks in (
            ModulePage.objects.live().filter(in_courses).values_list("path", "tracks")
        ):
            key = (course_path_of(path), tracks)
            module_counts[key] = module_counts.get(key, 0) + 1
        in_course_modules = Q()
        for course in courses.values():
            in_course_modules |= Q(
                module__path__startswith=course.path, module__depth=course.depth + 1
            )
        completed_counts = (
            ModuleProgress.objects.filter(
                in_course_modules,
                status=ModuleProgress.Status.COMPLETED,
                user_id__in={e.user_id for e in enrolments},
                module__live=True,
            )
            .annotate(
                course_path=Left(
                    "module__path", (F("module__depth") - 1) * Value(ModulePage.steplen)
                )
            )
            .values("user_id", "course_path", "module__tracks")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in completed_counts:
            completed[(row["user_id"], row["course_path"], row["module__tracks"])] = row["n"]
    rows = []
    for enrolment in enrolments:
        path = enrolment.course.path
        required_tracks = [
            tracks
            for (course_path, tracks) in module_counts
            if course_path == path and _is_required(tracks, enrolment.tracks)
        ]
        rows.append(
            EnrolmentRow(
                enrolment=enrolment,
                required=sum(module_counts[(path, t)] for t in required_tracks),
                done=sum(completed.get((enrolment.user_id, path, t), 0) for t in required_tracks),
                overdue=enrolment.is_overdue(today),
            )
        )
    return rows


# Orderings offered in the list; names sort the Vietnamese way through Person.name_sort_key.
ORDERINGS = {
    "ten": ("user__person__name_sort_key", "course__title", "pk"),
    "han": (F("due_date").asc(nulls_last=True), "user__person__name_sort_key", "pk"),
    "moi-nhat": ("-enrolled_at", "user__person__name_sort_key", "pk"),
}
DEFAULT_ORDERING = "ten"


def with_row_relations(enrolments):
    """What a row shows, in the same query as the rows."""
    return enrolments.select_related("course", "user__person__unit", "user__person__department")


# --- Changing and removing ----------------------------------------------------------------------


def learning_record(enrolment):
    """What the learner has done in the enrolment's course (Vietnamese phrases); empty when
    nothing, i.e. when removing the enrolment loses no work."""
    course = enrolment.course
    reasons = []
    if enrolment.completed_at is not None:
        reasons.append(_("đã hoàn thành khóa học"))
    elif enrolment.final_test_passed_at is not None:
        reasons.append(_("đã đạt bài kiểm tra cuối khóa"))
    modules = ModuleProgress.objects.filter(
        user_id=enrolment.user_id, module__path__startswith=course.path
    ).count()
    if modules:
        reasons.append(_("có tiến độ ở %(count)s bài học") % {"count": modules})
    Attempt = apps.get_model("quizzes", "Attempt")
    attempts = Attempt.objects.filter(
        Q(quiz__course_id=course.pk) | Q(quiz__module__path__startswith=course.path),
        user_id=enrolment.user_id,
    ).count()
    if attempts:
        reasons.append(_("đã làm bài kiểm tra %(count)s lần") % {"count": attempts})
    return reasons


class RemovalRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def removal_refusal(enrolment):
    """Why staff may not remove this enrolment (a Vietnamese sentence), or None if they may."""
    if enrolment.source != Enrolment.Source.ASSIGNED:
        return _(
            "Chỉ gỡ được ghi danh do cán bộ giao; học viên tự đăng ký khóa học này nên không gỡ "
            "thay họ được."
        )
    reasons = learning_record(enrolment)
    if reasons:
        return _(
            "Không gỡ được ghi danh: học viên %(reasons)s. Kết quả học tập không bao giờ bị xóa; "
            "nếu cần, hãy đổi hạn hoàn thành."
        ) % {"reasons": "; ".join(reasons)}
    return None


def remove_assigned_enrolment(enrolment):
    """Delete an assigned enrolment with no learning record, checked again under a row lock.

    Raises RemovalRefused with the Vietnamese reason otherwise. Progress rows are never touched
    (they are keyed by learner and module, not by enrolment)."""
    with transaction.atomic():
        locked = (
            Enrolment.objects.select_for_update()
            .select_related("course")
            .filter(pk=enrolment.pk)
            .first()
        )
        if locked is None:
            return
        refusal = removal_refusal(locked)
        if refusal:
            raise RemovalRefused(refusal)
        locked.delete()


# --- XLSX export ------------------------------------------------------------------------------


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def export_headings():
    return [
        _("Họ và tên"),
        _("Mã cán bộ"),
        _("Đơn vị"),
        _("Phòng ban"),
        _("Khóa học"),
        _("Hình thức"),
        _("Ngày ghi danh"),
        _("Hạn hoàn thành"),
        _("Quá hạn"),
        _("Bài bắt buộc đã xong"),
        _("Số bài bắt buộc"),
        _("Ngày hoàn thành"),
    ]


def export_workbook(enrolments, today=None):
    """The filtered enrolments as a streaming workbook (lms.lib.exports.Xlsx), read in batches
    of EXPORT_BATCH rows; the view serves it with `.response(filename)`."""
    from lms.lib.exports import Xlsx

    today = today or timezone.localdate()
    book = Xlsx()
    sheet = book.sheet(_("Ghi danh"), export_headings())

    def local_date(moment):
        return timezone.localtime(moment).date() if moment else None

    rows = with_row_relations(enrolments).iterator(chunk_size=EXPORT_BATCH)
    for batch in _batches(rows, EXPORT_BATCH):
        for row in rows_for(batch, today):
            enrolment, person = row.enrolment, row.person
            sheet.row(
                [
                    person.full_name if person else enrolment.user.get_username(),
                    person.employee_code if person else "",
                    person.unit.name if person else "",
                    person.department.name if person and person.department else "",
                    enrolment.course.title,
                    enrolment.get_source_display(),
                    local_date(enrolment.enrolled_at),
                    enrolment.due_date,
                    row.overdue,
                    row.done,
                    row.required,
                    local_date(enrolment.completed_at),
                ]
            )
    return book
