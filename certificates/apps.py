from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    label = "certificates"
    verbose_name = _("Chứng nhận")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.completion import course_completed
        from courses.models import Enrolment

        from . import checks  # noqa: F401 - registers the signing-key system checks
        from .issuance import on_course_completed

        course_completed.connect(
            on_course_completed, sender=Enrolment, dispatch_uid="certificates.issue"
        )
