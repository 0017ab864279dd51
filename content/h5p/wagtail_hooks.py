"""Admin registration of the H5P app (imported by content/wagtail_hooks.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import library_admin
from .admin_views import H5PPackageViewSet
from .libraries import VET_ACTION

register_snippet(H5PPackageViewSet)

library_urls = [
    path("", library_admin.vet_index, name="index"),
    path("xac-nhan/", library_admin.vet_confirm, name="confirm"),
]


@hooks.register("register_admin_urls")
def register_library_urls():
    return [path("thu-vien-h5p/", include((library_urls, "h5p_libraries")))]


class _SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_library_menu_item():
    return _SuperuserMenuItem(
        _("Thư viện H5P"), reverse("h5p_libraries:index"), icon_name="code", order=900
    )


@hooks.register("register_log_actions")
def register_library_log_actions(actions):
    actions.register_action(VET_ACTION, _("Thẩm định thư viện H5P"), _("Đã thẩm định thư viện H5P"))
