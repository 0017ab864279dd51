"""Learner views (dashboard, enrol, reading evidence) and the staff "giao khóa học" admin view.

Course and module pages themselves are Wagtail pages (courses/models.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.lib.display import format_duration
from lms.org.access import can_study, enrol_refusal
from lms.org.models import Person
from lms.org.roles import ADMINISTRATOR, HOME_AFFAIRS, UNIT_MANAGER, has_role
from training.models import TrainingCredit

from . import services
from .forms import AssignCourseForm
from .models import CoursePage, Enrolment, ModulePage
from .progress import CourseProgress


def _forbidden(request, message):
    return TemplateResponse(request, "courses/forbidden.html", {"message": message}, status=403)


@require_GET
@login_required
def my_courses(request):
    """ "Khóa học của tôi": assigned, in-progress and completed courses, and this year's tiết."""
    today = timezone.localdate()
    enrolments = list(
        Enrolment.objects.current()
        .for_user(request.user)
        .filter(course__live=True)
        .select_related("course")
    )
    modules_by_course = {e.course.path: [] for e in enrolments}
    if enrolments:
        prefix_q = Q()
        for enrolment in enrolments:
            prefix_q |= Q(path__startswith=enrolment.course.path, depth=enrolment.course.depth + 1)
        modules = list(
            ModulePage.objects.live()
            .filter(prefix_q)
            .defer("body")
            .with_completion(request.user)
            .order_by("path")
        )
        for module in modules:
            modules_by_course[module.course_path].append(module)
    groups = {"assigned": [], "in_progress": [], "completed": []}
    for enrolment in enrolments:
        progress = CourseProgress.from_annotated(
            enrolment, modules_by_course[enrolment.course.path]
        )
        row = {
            "enrolment": enrolment,
            "course": enrolment.course,
            "progress": progress,
            "overdue": enrolment.is_overdue(today),
            "next_module": progress.next_module(),
        }
        if enrolment.completed_at:
            groups["completed"].append(row)
        elif progress.completed_ids:
            groups["in_progress"].append(row)
        else:
            groups["assigned"].append(row)
    for rows in groups.values():
        rows.sort(
            key=lambda r: (
                r["enrolment"].due_date is None,
                r["enrolment"].due_date or today,
                r["course"].title,
            )
        )
    yearly_tiet = TrainingCredit.objects.tiet_of(request.user, today.year)
    target = settings.LMS_YEARLY_TIET
    person = Person.objects.select_related("unit").filter(user=request.user).first()
    return render(
        request,
        "courses/my_courses.html",
        {
            "person": person,
            "groups": groups,
            "has_courses": bool(enrolments),
            "year": today.year,
            "yearly_tiet": yearly_tiet,
            "yearly_target": target,
            "yearly_percent": min(100, round(100 * float(yearly_tiet) / target)) if target else 100,
        },
    )


@require_POST
@login_required
def enrol(request, course_id):
    """A learner enrols themself in a live course (POST only; the button is on the course page).
    Refused, with nothing written, when the one study rule says no (lms.org.access)."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    refusal = enrol_refusal(request.user, course, request=request)
    if refusal is not None:
        return _forbidden(request, refusal)
    enrolment, created = Enrolment.objects.enrol(request.user, course)
    if created:
        messages.success(
            request, _("Bạn đã ghi danh khóa học “%(title)s”.") % {"title": course.title}
        )
    else:
        messages.info(request, _("Bạn đã ghi danh khóa học này từ trước."))
    return redirect(course.url)


def _studied_module(request, module_id):
    """The live module `module_id` if the user may study it, else 404 (no hint it exists)."""
    module = ModulePage.objects.live().filter(pk=module_id).defer("body").first()
    if module is None or not can_study(request.user, module, request=request):
        raise Http404
    return module


@require_POST
@login_required
def reading_beat(request, module_id):
    """The lesson page's heartbeat (courses/static/courses/reading.js, every 30 s while the tab
    is visible, with CSRF): the server counts the time since the previous beat, capped."""
    module = _studied_module(request, module_id)
    state = services.record_reading_beat(request.user, module)
    if not state.opened:
        return JsonResponse(
            {"error": _("Hãy mở bài học trước; thời gian học chưa được ghi nhận.")}, status=409
        )
    return JsonResponse(
        {"seconds": state.seconds, "required": state.required, "completed": state.completed}
    )


@require_POST
@login_required
def reading_done(request, module_id):
    """ "Tôi đã học xong bài này" (a plain form: works without JavaScript)."""
    module = _studied_module(request, module_id)
    state = services.finish_reading(request.user, module)
    if state.completed:
        messages.success(request, _("Đã ghi nhận: bạn đã học xong bài này."))
    elif not state.opened:
        messages.warning(
            request,
            _("Hãy mở bài học và đọc nội dung; bài này chưa được ghi nhận thời gian học."),
        )
    else:
        messages.warning(
            request,
            _(
                "Máy chủ mới ghi nhận khoảng %(read)s học bài này; anh/chị cần học thêm khoảng "
                "%(left)s nữa rồi bấm lại “Tôi đã học xong bài này”."
            )
            % {
                "read": format_duration(state.since_opening // 60),
                "left": format_duration(state.minutes_left),
            },
        )
    return redirect(module.url)


@require_http_methods(["GET", "POST"])
def assign_course(request):
    """Staff enrol a unit, department or position into a course with a due date (admin view)."""
    if not (
        request.user.is_superuser
        or has_role(request.user, HOME_AFFAIRS, ADMINISTRATOR, UNIT_MANAGER)
    ):
        return _forbidden(
            request, _("Chỉ Sở Nội vụ và cán bộ phụ trách đơn vị được giao khóa học.")
        )
    form = AssignCourseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        course = form.cleaned_data["course"]
        created, existing = Enrolment.objects.assign_people(
            form.people(),
            course,
            due_date=form.cleaned_data["due_date"],
            assigned_by=request.user,
            tracks=form.base_tracks(),
        )
        if created or existing:
            messages.success(
                request,
                _(
                    "Đã giao khóa học “%(title)s” cho %(created)s người (hạn %(due)s); %(existing)s người đã ghi danh từ trước."
                )
                % {
                    "title": course.title,
                    "created": created,
                    "existing": existing,
                    "due": form.cleaned_data["due_date"].strftime("%d/%m/%Y"),
                },
            )
        else:
            messages.warning(
                request, _("Không có cán bộ nào phù hợp với lựa chọn này; chưa giao cho ai.")
            )
        return redirect("courses_assign")
    return TemplateResponse(
        request, "courses/admin/assign.html", {"form": form}, status=400 if form.errors else 200
    )
