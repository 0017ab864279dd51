from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    label = "content"
    verbose_name = _("Nội dung")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .h5p import checks  # noqa: F401 - registers the H5P isolation checks
