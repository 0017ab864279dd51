"""Wagtail admin views for enrolments ("Ghi danh"): the scoped list with filters and XLSX export,
changing a due date, removing an enrolment made by assignment.

Every view takes its enrolments from `enrolments_visible_to(user)` (courses/staff_enrolments.py,
built on lms.org.access): an enrolment outside it is a 404. Trainers and learners are refused:
trainers author content, they do not manage people.
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic.base import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.org.access import visible_units

from .forms import EnrolmentDueDateForm, EnrolmentFilterForm
from .staff_enrolments import (
    RemovalRefused,
    can_manage_enrolments,
    enrolments_visible_to,
    export_workbook,
    removal_refusal,
    remove_assigned_enrolment,
    rows_for,
    with_row_relations,
)

PER_PAGE = 50
INDEX_URL_NAME = "ghi-danh:index"


class _ManagersOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_manage_enrolments(request.user):
            return TemplateResponse(
                request,
                "courses/forbidden.html",
                {"message": _("Chỉ Sở Nội vụ và cán bộ phụ trách đơn vị được quản lý ghi danh.")},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)


class _EnrolmentTemplateMixin(WagtailAdminTemplateMixin):
    page_title = gettext_lazy("Ghi danh")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse(INDEX_URL_NAME), "label": _("Ghi danh")}]
        subtitle = self.get_page_subtitle()
        if subtitle:
            items.append({"url": "", "label": subtitle})
        return items


def _back_url(request):
    """Where to return after an action: the (filtered) list the user came from, never elsewhere."""
    index = reverse(INDEX_URL_NAME)
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith(index) and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return index


class EnrolmentIndexView(_ManagersOnlyMixin, _EnrolmentTemplateMixin, TemplateView):
    """The list: filters, search, pages of PER_PAGE rows, and ?export=xlsx for the filtered set."""

    template_name = "courses/admin/enrolments.html"
    http_method_names = ["get", "head"]

    def get(self, request):
        today = timezone.localdate()
        units = visible_units(request.user)
        form = EnrolmentFilterForm(request.GET, user=request.user, units=units)
        if not form.is_valid():
            context = self.get_context_data(form=form, rows=[], page_obj=None, today=today)
            return self.render_to_response(context, status=400)
        enrolments = with_row_relations(
            form.filter(enrolments_visible_to(request.user, units), today)
        )
        if request.GET.get("export") == "xlsx":
            return export_workbook(enrolments, today).response(f"ghi-danh-{today:%Y%m%d}.xlsx")
        page = Paginator(enrolments, PER_PAGE).get_page(request.GET.get("p"))
        query = request.GET.copy()
        query.pop("p", None)
        query.pop("export", None)
        export_query = query.copy()
        export_query["export"] = "xlsx"
        context = self.get_context_data(
            form=form,
            rows=rows_for(page.object_list, today),
            page_obj=page,
            today=today,
            querystring=query.urlencode(),
            export_url=f"{request.path}?{export_query.urlencode()}",
            current_url=request.get_full_path(),
        )
        return self.render_to_response(context)


class _EnrolmentObjectMixin:
    """The enrolment `pk` if the user may see it, else 404."""

    def get_enrolment(self):
        return get_object_or_404(
            enrolments_visible_to(self.request.user).select_related(
                "course", "user__person__unit", "user__person__department"
            ),
            pk=self.kwargs["pk"],
        )


class EnrolmentDueDateView(
    _ManagersOnlyMixin, _EnrolmentObjectMixin, _EnrolmentTemplateMixin, TemplateView
):
    template_name = "courses/admin/enrolment_due_date.html"
    page_subtitle = gettext_lazy("Đổi hạn hoàn thành")
    http_method_names = ["get", "post"]

    def _refuse_if_completed(self, enrolment):
        if enrolment.completed_at is None:
            return None
        messages.error(
            self.request,
            _(
                "%(name)s đã hoàn thành khóa “%(course)s”; hạn hoàn thành được giữ nguyên để "
                "lịch sử đúng."
            )
            % {"name": _learner_name(enrolment), "course": enrolment.course.title},
        )
        return redirect(_back_url(self.request))

    def get(self, request, pk):
        enrolment = self.get_enrolment()
        refused = self._refuse_if_completed(enrolment)
        if refused:
            return refused
        form = EnrolmentDueDateForm(
            initial={"due_date": enrolment.due_date} if enrolment.due_date else None
        )
        return self.render_to_response(self._context(enrolment, form))

    def post(self, request, pk):
        enrolment = self.get_enrolment()
        refused = self._refuse_if_completed(enrolment)
        if refused:
            return refused
        form = EnrolmentDueDateForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self._context(enrolment, form), status=400)
        enrolment.due_date = form.cleaned_data["due_date"]
        enrolment.save(update_fields=["due_date"])
        messages.success(
            request,
            _("Đã đổi hạn hoàn thành khóa “%(course)s” của %(name)s thành %(due)s.")
            % {
                "course": enrolment.course.title,
                "name": _learner_name(enrolment),
                "due": enrolment.due_date.strftime("%d/%m/%Y"),
            },
        )
        return redirect(_back_url(request))

    def _context(self, enrolment, form):
        return self.get_context_data(
            enrolment=enrolment,
            learner_name=_learner_name(enrolment),
            form=form,
            back_url=_back_url(self.request),
        )


class EnrolmentRemoveView(
    _ManagersOnlyMixin, _EnrolmentObjectMixin, _EnrolmentTemplateMixin, TemplateView
):
    """GET: a confirmation page (or the reason it cannot be removed); POST: remove."""

    template_name = "courses/admin/enrolment_remove.html"
    page_subtitle = gettext_lazy("Gỡ ghi danh")
    http_method_names = ["get", "post"]

    def get(self, request, pk):
        enrolment = self.get_enrolment()
        return self.render_to_response(
            self.get_context_data(
                enrolment=enrolment,
                learner_name=_learner_name(enrolment),
                refusal=removal_refusal(enrolment),
                back_url=_back_url(request),
            )
        )

    def post(self, request, pk):
        enrolment = self.get_enrolment()
        try:
            remove_assigned_enrolment(enrolment)
        except RemovalRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(_back_url(request))
        messages.success(
            request,
            _("Đã gỡ ghi danh khóa “%(course)s” của %(name)s.")
            % {"course": enrolment.course.title, "name": _learner_name(enrolment)},
        )
        return redirect(_back_url(request))


def _learner_name(enrolment):
    person = getattr(enrolment.user, "person", None)
    return person.full_name if person else enrolment.user.get_username()
