from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import CertificateTemplate
from .register import can_use_register


class CertificateTemplateViewSet(SnippetViewSet):
    """Versioned: each change writes a new version; issued certificates keep their copy."""

    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_label = _("Mẫu chứng nhận")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "signer_name", "version", "is_active"]
    search_fields = ["name"]
    search_backend_name = None


register_snippet(CertificateTemplateViewSet)


class _RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_register(request.user)


class RegisterViewSet(ViewSet):
    name = "so-cap-chung-nhan"
    icon = "doc-full"
    menu_label = _("Sổ cấp chứng nhận")
    menu_order = 225
    add_to_admin_menu = True
    menu_item_class = _RegisterMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.RegisterIndexView.as_view(), name="index"),
            path("zip/", admin_views.ZipExportView.as_view(), name="zip"),
            path("zip/<int:pk>/", admin_views.ZipExportView.as_view(), name="zip-download"),
            path("<str:serial>/", admin_views.CertificateDetailView.as_view(), name="detail"),
            path("<str:serial>/tep/", admin_views.CertificateFileView.as_view(), name="file"),
        ]


@hooks.register("register_admin_viewset")
def register_certificates_admin():
    return RegisterViewSet()
