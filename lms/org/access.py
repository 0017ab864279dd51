"""The one access layer: which units a user may see, and whether a user may study a course.

Scope before query. Every staff view, export, report and API call filters through
`visible_units()` (or the helpers built on it); anything outside the scope is answered with 404,
never with an empty page, so that counts and names of other units do not leak. What cannot be
scoped to units (Wagtail's site-wide history, the user list...) is kept to `is_city_wide()`
users (lms/org/wagtail_hooks.py).

Study. `can_study()` is asked by the enrol view (through `enrol_refusal()`), the module pages,
the quizzes (module checks and course final tests), the H5P package files and xAPI. A learner
may study a course or one of its modules when:

- the course (and the module) is live;
- every Wagtail view restriction on the page or its ancestors lets them in (groups, login, a
  shared password already entered in this session: without a request a password never passes);
- they are enrolled in the course;
- the course is aimed at one of their positions (`CoursePage.audience_positions`, empty = every
  position). An enrolment a staff member *assigned* counts as that check passed (staff chose
  the learner); view restrictions still hold for it.

Roles are fixed codes answered by lms.org.roles (permissions, never group names).
"""

from django.http import Http404
from django.utils.translation import gettext as _

from .models import AdministrativeUnit, Person
from .roles import CITY_WIDE_ROLES, UNIT_MANAGER, has_role

# --- Units and people --------------------------------------------------------------------------


def is_city_wide(user):
    """Superusers, Sở Nội vụ and Quản trị: the users who see every unit."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or has_role(user, *CITY_WIDE_ROLES))
    )


def visible_units(user):
    """The units whose people and results `user` may see."""
    units = AdministrativeUnit.objects.all()
    if not user.is_authenticated or not user.is_active:
        return units.none()
    if is_city_wide(user):
        return units
    if has_role(user, UNIT_MANAGER):
        unit_id = Person.objects.filter(user=user).values_list("unit_id", flat=True).first()
        if unit_id is not None:
            return units.filter(pk=unit_id)
    return units.none()


def visible_people(user):
    return Person.objects.filter(unit__in=visible_units(user))


def can_see_unit(user, unit_id):
    return visible_units(user).filter(pk=unit_id).exists()


def get_person_for_user(user, pk):
    """The person `pk` if `user` may see them, else 404."""
    try:
        return visible_people(user).get(pk=pk)
    except (Person.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


# --- Study -------------------------------------------------------------------------------------

_UNKNOWN = object()


def audience_position_ids(course):
    """The positions a course is aimed at (empty: everyone), cached with the course content."""
    from courses.models import CoursePage
    from lms.lib.content_cache import cached

    def build():
        through = CoursePage.audience_positions.through
        return frozenset(
            through.objects.filter(coursepage_id=course.pk).values_list("position_id", flat=True)
        )

    return cached("audience", (course.pk,), build)


def audience_q(user):
    """The audience rule as a filter on CoursePage: open to every position, or aimed at one
    `user` holds (the catalogue lists with it; `in_audience` asks it of one course)."""
    from django.db.models import Q

    from .models import PersonPosition

    held = PersonPosition.objects.filter(person__user_id=user.pk).values("position_id")
    return Q(audience_positions__isnull=True) | Q(audience_positions__in=held)


def in_audience(user, course):
    """True if the course is open to every position or `user` holds one it is aimed at."""
    from .models import PersonPosition

    audience = audience_position_ids(course)
    if not audience:
        return True
    return PersonPosition.objects.filter(person__user_id=user.pk, position_id__in=audience).exists()


def passes_view_restrictions(user, page, request=None):
    """Wagtail's view restrictions on `page` and its ancestors, for `user` (no query when no
    page of the branch is restricted; courses.routing)."""
    from wagtail.models import PageViewRestriction

    for restriction in page.get_view_restrictions():
        kind = restriction.restriction_type
        if kind == PageViewRestriction.LOGIN:
            if not user.is_authenticated:
                return False
        elif kind == PageViewRestriction.GROUPS:
            if not user.is_superuser and not restriction.groups.filter(user=user.pk).exists():
                return False
        elif kind == PageViewRestriction.PASSWORD:
            passed = (
                request.session.get(restriction.passed_view_restrictions_session_key, [])
                if request is not None and hasattr(request, "session")
                else []
            )
            if restriction.pk not in passed:
                return False
        else:
            return False
    return True


def enrol_refusal(user, course, *, request=None):
    """Why `user` may not enrol themself in `course` (a Vietnamese message), or None."""
    from .roles import LEARNER

    if not user.is_authenticated or not user.is_active:
        return _("Hãy đăng nhập để ghi danh.")
    if not has_role(user, LEARNER) or getattr(user, "person", None) is None:
        return _("Chỉ học viên có hồ sơ cán bộ mới tự ghi danh được.")
    if not course.live:
        return _("Khóa học “%(title)s” chưa được xuất bản.") % {"title": course.title}
    if not passes_view_restrictions(user, course, request):
        return _("Khóa học “%(title)s” bị giới hạn người xem; bạn không thuộc nhóm được học.") % {
            "title": course.title
        }
    if not in_audience(user, course):
        return _(
            "Khóa học “%(title)s” dành cho các chức danh khác; hãy liên hệ cán bộ phụ trách "
            "đơn vị nếu bạn cần học khóa này."
        ) % {"title": course.title}
    return None


def _enrolment_with_checks(user, course, page_path):
    """The user's enrolment in the course (by id, or by path with the course joined), with the
    audience and "is any page of the branch restricted" answers, in one query."""
    from django.db.models import Exists, OuterRef, Q
    from wagtail.models import Page, PageViewRestriction

    from courses.models import CoursePage, Enrolment, course_path_of

    from .models import PersonPosition

    through = CoursePage.audience_positions.through
    held = PersonPosition.objects.filter(person__user_id=user.pk).values("position_id")
    steplen = Page.steplen
    paths = [page_path[:end] for end in range(steplen, len(page_path) + 1, steplen)]
    branch = Q(page__path__in=paths) | Q(
        page_id__in=Page.objects.filter(path__in=paths, alias_of__isnull=False).values(
            "alias_of_id"
        )
    )
    enrolments = Enrolment.objects.current().filter(user_id=user.pk).order_by()
    if course is not None:
        enrolments = enrolments.filter(course_id=course.pk)
    else:
        enrolments = enrolments.filter(course__path=course_path_of(page_path)).select_related(
            "course"
        )
    return enrolments.annotate(
        has_audience=Exists(through.objects.filter(coursepage_id=OuterRef("course_id"))),
        in_audience=Exists(
            through.objects.filter(coursepage_id=OuterRef("course_id"), position_id__in=held)
        ),
        branch_restricted=Exists(PageViewRestriction.objects.filter(branch)),
    ).first()


def can_study(user, page, *, request=None, enrolment=_UNKNOWN):
    """May `user` study `page` (a course or one of its modules)? See the module docstring.

    Without `enrolment`: one query (the enrolment, the audience and whether any page of the
    branch is restricted), plus the restriction rows only if one is. A caller that already read
    the user's enrolment passes it; the audience then comes from the content cache."""
    from courses.models import CoursePage, Enrolment, ModulePage

    if user is None or not user.is_authenticated or not user.is_active or page is None:
        return False
    if not isinstance(page, CoursePage | ModulePage):
        if page.specific_class not in (CoursePage, ModulePage):
            return False
        page = page.specific
    module = page if isinstance(page, ModulePage) else None
    if module is not None and not module.live:
        return False
    course = page if module is None else getattr(module, "course", None)
    if enrolment is _UNKNOWN:
        enrolment = _enrolment_with_checks(user, course, page.path)
        if enrolment is None:
            return False
        course = enrolment.course if course is None else course
        audience_ok = not enrolment.has_audience or enrolment.in_audience
        restricted = enrolment.branch_restricted
    else:
        if enrolment is None:
            return False
        course = course or page.get_course()
        audience_ok = enrolment.source == Enrolment.Source.ASSIGNED or in_audience(user, course)
        restricted = True  # page.get_view_restrictions() knows (cached restricted paths)
    if course is None or not course.live:
        return False
    if enrolment.source != Enrolment.Source.ASSIGNED and not audience_ok:
        return False
    return not restricted or passes_view_restrictions(user, page, request)
