from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.org.roles import ADMINISTRATOR, HOME_AFFAIRS, UNIT_MANAGER, has_role

from . import views
from .models import Competency


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


class AssignMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or has_role(
            request.user, HOME_AFFAIRS, ADMINISTRATOR, UNIT_MANAGER
        )


@hooks.register("register_admin_menu_item")
def register_assign_menu_item():
    return AssignMenuItem(
        _("Giao khóa học"), reverse("courses_assign"), icon_name="group", order=220
    )
