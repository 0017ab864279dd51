"""Wagtail admin for H5P packages: a snippet whose create view takes a .h5p upload."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .forms import H5PUploadForm
from .models import H5PPackage
from .services import H5PPackageError, import_package


class H5PUploadView(CreateView):
    def get_panel(self):
        return ObjectList(
            [FieldPanel("package_file"), FieldPanel("title")], base_form_class=H5PUploadForm
        ).bind_to_model(H5PPackage)

    def get_form_class(self):
        # The viewset passes the edit form (title only); creating needs the upload form.
        return self.panel.get_form_class()

    def save_instance(self):
        form = self.form
        return import_package(
            form.cleaned_data["package_file"],
            user=self.request.user,
            title=form.cleaned_data.get("title") or "",
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except H5PPackageError as exc:
            # Storage failed after validation passed; nothing was kept (import_package cleans up).
            for message in exc.messages:
                form.add_error("package_file", message)
            return self.form_invalid(form)


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "code"
    menu_label = _("Gói H5P")
    menu_name = "h5p-packages"
    add_to_admin_menu = True
    menu_order = 250
    add_view_class = H5PUploadView
    list_display = ["title", "main_library", "file_count", "uploaded_by", "uploaded_at"]
    search_fields = ["title"]
    edit_handler = ObjectList([FieldPanel("title")])
