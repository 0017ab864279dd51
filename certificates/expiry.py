"""Expiry: certificates past `valid_until` are expired everywhere (Certificate.state_on); the
learner sees "sắp hết hạn" EXPIRING_DAYS (30) days before; `notify_expiring` e-mails each holder
once (Django's mail) and logs it."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.lib.display import format_date

from .models import Certificate, CertificateEvent


def expiring(today=None):
    return (
        Certificate.objects.expiring(today)
        .issued()
        .select_related("user")
        .order_by("valid_until", "id")
    )


def notify_expiring(today=None, *, dry_run=False):
    """E-mail the holders of certificates expiring within 30 days, once per certificate.
    Returns the certificates concerned (notified unless `dry_run`)."""
    rows = list(expiring(today).filter(expiry_notified_at__isnull=True))
    if dry_run:
        return rows
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for certificate in rows:
        if certificate.user.email:
            send_mail(
                _("Chứng nhận %(serial)s sắp hết hạn") % {"serial": certificate.serial},
                _(
                    "Chào %(name)s,\n\nChứng nhận %(serial)s (khóa “%(course)s”) hết hạn ngày "
                    "%(date)s. Vui lòng học lại khóa học để được cấp chứng nhận mới:\n%(url)s\n"
                )
                % {
                    "name": certificate.snapshot.get("full_name", ""),
                    "serial": certificate.serial,
                    "course": certificate.snapshot.get("course_title", ""),
                    "date": format_date(certificate.valid_until),
                    "url": base + "/hoc-tap/",
                },
                None,
                [certificate.user.email],
            )
        Certificate.objects.filter(pk=certificate.pk).update(expiry_notified_at=timezone.now())
        CertificateEvent.objects.create(
            certificate=certificate,
            action=CertificateEvent.Action.NOTIFIED,
            detail={"valid_until": certificate.valid_until.isoformat()},
        )
    return rows
