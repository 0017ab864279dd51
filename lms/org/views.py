"""Wagtail admin views for the organisation: scoped generic views and the people import.

Every view that lists or opens people, departments or units takes its objects from a *scope*
(a function of the user built on lms.org.access), so that an object outside it is a 404
and a list never shows, counts or offers as a filter anything of another unit.
"""

import os
import re
import secrets
import unicodedata

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.lib.vietnamese import fold_accents

from . import importing
from .access import visible_people, visible_units
from .forms import PeopleImportForm, visible_departments
from .models import PersonPosition, Position

# --- Scopes ----------------------------------------------------------------------------------


def people_scope(user):
    return visible_people(user)


def unit_scope(user):
    return visible_units(user)


def department_scope(user):
    return visible_departments(user)


def position_scope(user):
    # Positions are one shared list (no unit), seen only by roles that may manage them.
    return Position.objects.all()


class ScopedObjectMixin:
    """Take objects from `scope(user)` instead of the model's default manager."""

    scope = None  # set by the viewset: a function user → queryset

    def get_scoped_queryset(self):
        return self.scope(self.request.user)


class ScopedIndexView(ScopedObjectMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.get_scoped_queryset()


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Resolve the object before the permission check: outside the scope is a 404 for
        # everyone, whatever their permissions (as the other object views do).
        self.object = self.get_object()

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        return super().get_object(queryset)

    def get_queryset(self):
        return self.get_scoped_queryset()


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    def get_queryset(self):
        return self.get_scoped_queryset()


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.get_scoped_queryset(), pk=unquote(str(self.pk)))


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    def get_base_object_queryset(self):
        return self.get_scoped_queryset()


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    def get_base_object_queryset(self):
        return self.get_scoped_queryset()


# --- Accent-insensitive search ---------------------------------------------------------------

_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


def _letter_variants():
    variants = {}
    for vowel in _VOWELS:
        for tone in _TONE_MARKS:
            for letter in (vowel, vowel.upper()):
                composed = unicodedata.normalize("NFC", letter + tone)
                variants.setdefault(fold_accents(composed).lower(), set()).add(composed)
    variants["d"] = {"d", "D", "đ", "Đ"}
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in variants.items()}


_VARIANTS = _letter_variants()


def accent_insensitive_pattern(query):
    """A regex matching `query` whatever the accents and case: "nguyen" finds "Nguyễn".

    Written in the subset of syntax that PostgreSQL and Python (SQLite's REGEXP) share.
    """
    parts = []
    for ch in fold_accents(unicodedata.normalize("NFC", query.strip())).lower():
        if ch.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in _VARIANTS:
            parts.append(_VARIANTS[ch])
        elif ch.isalnum():
            parts.append(f"[{ch}{ch.upper()}]" if ch.upper() != ch else ch)
        else:
            parts.append("\\" + ch)
    return "".join(parts)


# --- People ----------------------------------------------------------------------------------


class PersonIndexView(ScopedIndexView):
    default_ordering = "name_sort_key"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("unit", "department")
            .prefetch_related(
                Prefetch(
                    "held_positions",
                    queryset=PersonPosition.objects.select_related("position").order_by(
                        "-is_primary", "position__name"
                    ),
                )
            )
        )

    @cached_property
    def columns(self):
        columns = super().columns
        # Names sort the Vietnamese way (given name, then family name), not by code point.
        columns[0].sort_key = "name_sort_key"
        return columns

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        # Every word must appear in the name, in any order: "khanh huynh" finds Huỳnh Văn Khánh.
        by_name = Q()
        for word in query.split():
            by_name &= Q(full_name__iregex=accent_insensitive_pattern(word))
        return queryset.filter(
            by_name | Q(employee_code__iexact=query) | Q(user__email__iexact=query)
        )


def positions_display(person):
    """'Primary (chính), other, other' from the prefetched held positions."""
    held = list(person.held_positions.all())
    names = [
        str(_("%(name)s (chính)") % {"name": h.position.name}) if h.is_primary else h.position.name
        for h in held
    ]
    return ", ".join(names) or "–"


class PersonInspectView(ScopedInspectView):
    def get_scoped_queryset(self):
        return super().get_scoped_queryset().select_related("unit", "department", "user")

    def get_field_label(self, field_name, field):
        labels = {"email": _("Email"), "positions": _("Chức danh")}
        if field_name in labels:
            return labels[field_name]
        return super().get_field_label(field_name, field)

    def get_email_display_value(self):
        return self.object.user.email or "–"

    def get_positions_display_value(self):
        return positions_display(self.object)

    def get_is_active_display_value(self):
        return _("Có") if self.object.is_active else _("Không")

    def get_department_display_value(self):
        return self.object.department.name if self.object.department else "–"


# --- Units and departments -------------------------------------------------------------------


class UnitIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(people_count=Count("people"))


class DepartmentIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("unit")
            .annotate(people_count=Count("people"))
        )


# --- People import ---------------------------------------------------------------------------

_SESSION_KEY = "org_people_import"
_UPLOAD_DIR = "org-imports"


def user_can_import_people(user):
    return user.is_active and user.has_perms(["org.add_person", "org.change_person"])


class _ImportPermissionMixin:
    """Only who may add and change people; each row is further limited to visible units."""

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import_people(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class _ImportTemplateMixin(WagtailAdminTemplateMixin):
    page_title = _("Nhập danh sách cán bộ")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("nhap-can-bo:upload"), "label": _("Nhập danh sách cán bộ")},
            {"url": "", "label": self.get_page_subtitle() or self.get_page_title()},
        ]


def _pending(request, token):
    """The stored upload behind `token`, if it belongs to this session and user; else 404."""
    pending = request.session.get(_SESSION_KEY, {})
    entry = pending.get(token) if isinstance(pending, dict) else None
    if not entry or not entry["path"].startswith(f"{_UPLOAD_DIR}/{request.user.pk}/"):
        raise Http404
    if not default_storage.exists(entry["path"]):
        _forget(request, token)
        raise Http404
    return entry


def _forget(request, token):
    pending = request.session.get(_SESSION_KEY, {})
    entry = pending.pop(token, None)
    request.session[_SESSION_KEY] = pending
    if entry:
        default_storage.delete(entry["path"])


def _forget_all(request):
    for token in list(request.session.get(_SESSION_KEY, {})):
        _forget(request, token)


def _plan(request, entry):
    with default_storage.open(entry["path"], "rb") as handle:
        return importing.plan_import(handle, entry["name"], user=request.user)


class PeopleImportView(_ImportPermissionMixin, _ImportTemplateMixin, FormView):
    """Step 1: upload. The file is kept under a random name until confirmed or cancelled."""

    template_name = "org/import/upload.html"
    form_class = PeopleImportForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        _forget_all(self.request)  # one pending import per session
        token = secrets.token_urlsafe(16)
        extension = os.path.splitext(upload.name)[1].lower()
        if not re.fullmatch(r"\.[a-z0-9]{1,5}", extension):
            extension = ""
        path = default_storage.save(
            f"{_UPLOAD_DIR}/{self.request.user.pk}/{token}{extension}", upload
        )
        pending = self.request.session.get(_SESSION_KEY, {})
        pending[token] = {"path": path, "name": os.path.basename(upload.name)[:200]}
        self.request.session[_SESSION_KEY] = pending
        return redirect("nhap-can-bo:preview", token=token)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["headers"] = importing.HEADERS
        context["example"] = importing.EXAMPLE_ROW
        context["max_mb"] = importing.MAX_UPLOAD_BYTES // 1024 // 1024
        return context


class PeopleImportPreviewView(_ImportPermissionMixin, _ImportTemplateMixin, TemplateView):
    """Step 2: every row checked; bad rows listed, or a summary and the confirm button."""

    template_name = "org/import/preview.html"
    page_subtitle = _("Kiểm tra trước khi nhập")

    def get(self, request, token):
        entry = _pending(request, token)
        context = self.get_context_data(token=token, file_name=entry["name"])
        try:
            context["plan"] = _plan(request, entry)
        except importing.ImportFileError as exc:
            context["file_error"] = exc.message
        if context.get("file_error") or not context["plan"].ok:
            _forget(request, token)  # nothing to confirm: the user uploads a corrected file
        return self.render_to_response(context)


class PeopleImportConfirmView(_ImportPermissionMixin, _ImportTemplateMixin, TemplateView):
    """Step 3 (POST only): validate again, then write everything or nothing."""

    template_name = "org/import/preview.html"
    http_method_names = ["post"]

    def post(self, request, token):
        entry = _pending(request, token)
        try:
            plan = _plan(request, entry)
            result = importing.apply_plan(plan) if plan.ok else None
        except importing.ImportFileError as exc:
            _forget(request, token)
            context = self.get_context_data(token=token, file_name=entry["name"])
            context["file_error"] = exc.message
            return self.render_to_response(context)
        _forget(request, token)
        if result is None:  # the data changed since the preview
            context = self.get_context_data(token=token, file_name=entry["name"], plan=plan)
            return self.render_to_response(context)
        request.session[f"{_SESSION_KEY}_result"] = {
            "name": entry["name"],
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "positions_created": result.positions_created,
        }
        messages.success(
            request,
            _("Đã nhập %(total)s cán bộ từ “%(name)s”.")
            % {"total": result.total, "name": entry["name"]},
        )
        return redirect("nhap-can-bo:done")


class PeopleImportCancelView(_ImportPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, token):
        _pending(request, token)
        _forget(request, token)
        messages.info(request, _("Đã hủy, không có dữ liệu nào được nhập."))
        return redirect("nhap-can-bo:upload")


class PeopleImportDoneView(_ImportPermissionMixin, _ImportTemplateMixin, TemplateView):
    template_name = "org/import/done.html"
    page_subtitle = _("Hoàn tất")

    def get(self, request):
        result = request.session.pop(f"{_SESSION_KEY}_result", None)
        if result is None:
            return redirect("nhap-can-bo:upload")
        return self.render_to_response(self.get_context_data(result=result))


class PeopleImportTemplateDownloadView(_ImportPermissionMixin, View):
    http_method_names = ["get"]

    def get(self, request):
        response = HttpResponse(
            importing.template_workbook(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-can-bo.xlsx"'
        return response
