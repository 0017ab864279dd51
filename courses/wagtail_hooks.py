from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, views
from .models import Competency
from .staff_enrolments import can_manage_enrolments


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "tag"
    menu_label = _("Năng lực")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    search_backend_name = None


register_snippet(CompetencyViewSet)


@hooks.register("register_admin_urls")
def register_assign_url():
    return [path("khoa-hoc/giao/", views.assign_course, name="courses_assign")]


class _ManagersMenuItem(MenuItem):
    """Shown to Home Affairs, administrators and unit managers; not to trainers or learners."""

    def is_shown(self, request):
        return can_manage_enrolments(request.user)


class EnrolmentViewSet(ViewSet):
    """ "Ghi danh": the scoped list, due-date change and removal (courses/admin_views.py)."""

    name = "ghi-danh"
    icon = "list-ul"
    menu_label = _("Ghi danh")
    menu_item_class = _ManagersMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.EnrolmentIndexView.as_view(), name="index"),
            path("<int:pk>/doi-han/", admin_views.EnrolmentDueDateView.as_view(), name="due_date"),
            path("<int:pk>/go/", admin_views.EnrolmentRemoveView.as_view(), name="remove"),
        ]


class AssignViewSet(ViewSet):
    """The existing "Giao khóa học" view (URL registered above), placed in the same menu."""

    name = "giao-khoa-hoc"
    icon = "group"
    menu_label = _("Giao khóa học")
    menu_item_class = _ManagersMenuItem

    @cached_property
    def menu_url(self):
        return reverse("courses_assign")


class CoursesAdminGroup(ViewSetGroup):
    menu_label = _("Khóa học")
    menu_icon = "group"
    menu_order = 220
    items = (EnrolmentViewSet, AssignViewSet)


@hooks.register("register_admin_viewset")
def register_courses_admin():
    return CoursesAdminGroup()
