"""Admin registration for the organisation: the "Tổ chức" menu (people, departments, positions,
units, import). Every viewset's views are scoped through lms.org.access (see views.py)."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from lms.lib.exports import install_wagtail_export_guard

from . import views
from .access import is_city_wide
from .forms import (
    DepartmentFilterSet,
    DepartmentForm,
    PersonFilterSet,
    PersonForm,
    PositionFilterSet,
    UnitFilterSet,
    UnitForm,
)
from .models import AdministrativeUnit, Department, Person, Position


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet whose every object view goes through `scope(user)`."""

    scope = None
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = views.ScopedIndexView
    edit_view_class = views.ScopedEditView
    delete_view_class = views.ScopedDeleteView
    inspect_view_class = views.ScopedInspectView
    history_view_class = views.ScopedHistoryView
    usage_view_class = views.ScopedUsageView
    form_class = None

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(scope=type(self).scope, **kwargs)

    def get_form_class(self, for_update=False):
        return self.form_class or super().get_form_class(for_update)


class PersonViewSet(ScopedModelViewSet):
    model = Person
    name = "can-bo"
    icon = "user"
    menu_label = _("Cán bộ")
    scope = staticmethod(views.people_scope)
    index_view_class = views.PersonIndexView
    inspect_view_class = views.PersonInspectView
    form_class = PersonForm
    list_display = [
        "full_name",
        "employee_code",
        "unit",
        Column("department", label=_("Phòng ban"), accessor="department"),
        Column("positions", label=_("Chức danh"), accessor=views.positions_display),
        BooleanColumn("is_active", label=_("Đang công tác")),
    ]
    list_per_page = 50
    search_fields = ["full_name", "employee_code"]
    filterset_class = PersonFilterSet
    inspect_view_fields = [
        "full_name",
        "employee_code",
        "email",
        "unit",
        "department",
        "positions",
        "is_active",
    ]


class DepartmentViewSet(ScopedModelViewSet):
    model = Department
    name = "phong-ban"
    icon = "group"
    menu_label = _("Phòng ban")
    scope = staticmethod(views.department_scope)
    index_view_class = views.DepartmentIndexView
    form_class = DepartmentForm
    list_display = [
        "name",
        "unit",
        Column("people_count", label=_("Số cán bộ"), sort_key="people_count"),
        BooleanColumn("is_active", label=_("Đang hoạt động")),
    ]
    list_per_page = 50
    search_fields = ["name"]
    filterset_class = DepartmentFilterSet
    ordering = ["unit__name", "name"]


class PositionViewSet(ScopedModelViewSet):
    model = Position
    name = "chuc-danh"
    icon = "tag"
    menu_label = _("Chức danh")
    scope = staticmethod(views.position_scope)
    form_fields = ["name", "is_leader"]
    list_display = ["name", BooleanColumn("is_leader", label=_("Là lãnh đạo"))]
    list_per_page = 50
    search_fields = ["name"]
    filterset_class = PositionFilterSet
    ordering = ["name"]


class UnitViewSet(ScopedModelViewSet):
    model = AdministrativeUnit
    name = "don-vi"
    icon = "site"
    menu_label = _("Đơn vị")
    scope = staticmethod(views.unit_scope)
    index_view_class = views.UnitIndexView
    form_class = UnitForm
    list_display = [
        "name",
        "code",
        "kind",
        Column("people_count", label=_("Số cán bộ"), sort_key="people_count"),
        BooleanColumn("is_active", label=_("Đang hoạt động")),
    ]
    list_per_page = 50
    search_fields = ["name", "code"]
    filterset_class = UnitFilterSet
    ordering = ["name"]
    inspect_view_fields = ["code", "name", "kind", "parent", "is_active", "valid_from", "valid_to"]


class PeopleImportViewSet(ViewSet):
    """Upload → preview (every row checked) → confirm (POST) → done; plus the XLSX template."""

    name = "nhap-can-bo"
    icon = "upload"
    menu_label = _("Nhập danh sách cán bộ")

    @property
    def menu_item_class(self):
        class ImportMenuItem(MenuItem):
            def is_shown(self, request):
                return views.user_can_import_people(request.user)

        return ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.PeopleImportView.as_view(), name="upload"),
            path("xem-truoc/<str:token>/", views.PeopleImportPreviewView.as_view(), name="preview"),
            path("xac-nhan/<str:token>/", views.PeopleImportConfirmView.as_view(), name="confirm"),
            path("huy/<str:token>/", views.PeopleImportCancelView.as_view(), name="cancel"),
            path("hoan-tat/", views.PeopleImportDoneView.as_view(), name="done"),
            path(
                "tep-mau.xlsx",
                views.PeopleImportTemplateDownloadView.as_view(),
                name="template",
            ),
        ]


class OrganisationGroup(ViewSetGroup):
    menu_label = _("Tổ chức")
    menu_icon = "group"
    menu_order = 200
    items = (PersonViewSet, DepartmentViewSet, PositionViewSet, UnitViewSet, PeopleImportViewSet)


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationGroup()


# --- Wagtail's own screens that cannot be scoped to units ---------------------------------------
# The site history report (and its CSV/XLSX export) lists every logged action on every object,
# people and accounts included, by name. It cannot be narrowed to a unit, so only city-wide
# roles (lms.org.access.is_city_wide) see it; everyone else gets 403 and no menu item.

CITY_WIDE_ONLY_MENU_ITEMS = {"site-history"}


def _city_wide_only(view_class):
    original = view_class.dispatch
    if getattr(original, "city_wide_only", False):
        return

    def dispatch(self, request, *args, **kwargs):
        if not is_city_wide(request.user):
            raise PermissionDenied
        return original(self, request, *args, **kwargs)

    dispatch.city_wide_only = True
    view_class.dispatch = dispatch


_city_wide_only(LogEntriesView)
install_wagtail_export_guard()


@hooks.register("construct_reports_menu")
def hide_unscoped_reports(request, menu_items):
    if not is_city_wide(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in CITY_WIDE_ONLY_MENU_ITEMS]
