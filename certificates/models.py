"""Certificates: the template (a versioned Wagtail snippet), the certificate record, the counters
that number them without gaps, and the audit log.

A `Certificate` is one per completed course cycle (courses.Enrolment; a new cycle is a new
enrolment): a partial unique constraint allows one *unrevoked* certificate per enrolment, so two
simultaneous completions give one, and a correction (revoke, then re-issue, `replaces`) is possible.
Everything printed is frozen in `snapshot` when the row is made (certificates.issuance); the PDF is
rendered and signed once by a background task (certificates.tasks) and stored with its SHA-256.
Nothing later rewrites the snapshot or the file.

Numbers:
- serial (số hiệu): "<prefix>-<year>-<6-digit sequence>", the sequence gap-free per (prefix, year),
  taken from a `SerialCounter` row locked with SELECT ... FOR UPDATE in the issuing transaction
  (a rolled-back issue gives its number back);
- register number (số vào sổ): "<6-digit sequence>/<year>", one book per year, same counter table
  (kind "register");
- verification code: `secrets.token_urlsafe(18)`: 144 random bits, 24 URL-safe characters
  (A-Z a-z 0-9 - _), never derived from the serial.
"""

import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.org.snapshots import WorkplaceSnapshot

EXPIRING_DAYS = 30
CODE_BYTES = 18  # 144 bits


def certificate_storage():
    """The "certificates" storage (settings.STORAGES; never served by the media URL)."""
    try:
        return storages["certificates"]
    except Exception:  # not configured (an old settings module): the default storage
        return storages["default"]


def new_verification_code():
    return secrets.token_urlsafe(CODE_BYTES)


def certificate_upload_to(instance, filename):
    return f"{instance.year}/{instance.serial}.pdf"


def export_upload_to(instance, filename):
    return f"exports/{filename}"


# -- template ------------------------------------------------------------------------------------

TEMPLATE_CONTENT_FIELDS = (
    "name",
    "issuing_body",
    "issuing_place",
    "signer_name",
    "signer_title",
    "heading",
    "wording",
    "seal_image_id",
    "background_image_id",
)


class CertificateTemplateQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True).order_by("-id").first()


class CertificateTemplate(models.Model):
    """What a certificate says besides the learner's data: issuer, signer, wording, images.

    Versioned: every save that changes its content increments `version` and writes an immutable
    `CertificateTemplateVersion` row. Issued certificates copy the values (and the version) into
    their snapshot, so editing a template never changes them."""

    name = models.CharField(_("tên mẫu"), max_length=200)
    issuing_body = models.CharField(
        _("cơ quan cấp"), max_length=255, default="SỞ NỘI VỤ THÀNH PHỐ HỒ CHÍ MINH"
    )
    issuing_place = models.CharField(_("nơi cấp"), max_length=100, default="TP. Hồ Chí Minh")
    signer_name = models.CharField(_("người ký"), max_length=200)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, default="GIÁM ĐỐC")
    heading = models.CharField(_("tiêu đề"), max_length=100, default="GIẤY CHỨNG NHẬN")
    wording = models.CharField(
        _("lời chứng nhận"), max_length=255, default="Đã hoàn thành khóa bồi dưỡng"
    )
    seal_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh con dấu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    background_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh nền"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)
    is_active = models.BooleanField(
        _("đang dùng"), default=True, help_text=_("Chứng nhận mới dùng mẫu đang dùng mới nhất.")
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = CertificateTemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mẫu chứng nhận")
        verbose_name_plural = _("mẫu chứng nhận")

    def __str__(self):
        return f"{self.name} (v{self.version})"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.pk is not None:
                previous = (
                    CertificateTemplate.objects.filter(pk=self.pk)
                    .values(*TEMPLATE_CONTENT_FIELDS, "version")
                    .first()
                )
                if previous is not None:
                    version = previous.pop("version")
                    self.version = version + 1 if previous != self.content() else version
            super().save(*args, **kwargs)
            CertificateTemplateVersion.objects.get_or_create(
                template=self, version=self.version, defaults={"content": self.content()}
            )

    def content(self):
        return {name: getattr(self, name) for name in TEMPLATE_CONTENT_FIELDS}


class CertificateTemplateVersion(models.Model):
    """One immutable version of a template's content."""

    template = models.ForeignKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="versions"
    )
    version = models.PositiveIntegerField(_("phiên bản"))
    content = models.JSONField(_("nội dung"))
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("phiên bản mẫu chứng nhận")
        verbose_name_plural = _("phiên bản mẫu chứng nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["template", "version"], name="certificate_template_version_once"
            )
        ]

    def __str__(self):
        return f"{self.template_id} v{self.version}"


# -- counters ------------------------------------------------------------------------------------


class SerialCounter(models.Model):
    """The last number given in one sequence: (kind, prefix, year). Taken under a row lock."""

    class Kind(models.TextChoices):
        SERIAL = "serial", _("Số hiệu")
        REGISTER = "register", _("Số vào sổ")

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SERIAL)
    prefix = models.CharField(max_length=20, blank=True)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bộ đếm số hiệu")
        verbose_name_plural = _("bộ đếm số hiệu")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "prefix", "year"], name="serial_counter_once_per_sequence"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.prefix} {self.year}: {self.last}"

    @classmethod
    def take(cls, kind, prefix, year):
        """The next number of the sequence; call inside the transaction that uses it (the row
        stays locked until it commits; a rollback gives the number back: no gaps)."""
        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError("SerialCounter.take must run inside a transaction")
        cls.objects.get_or_create(kind=kind, prefix=prefix, year=year)
        counter = cls.objects.select_for_update().get(kind=kind, prefix=prefix, year=year)
        counter.last += 1
        cls.objects.filter(pk=counter.pk).update(last=counter.last)
        return counter.last


# -- certificate ---------------------------------------------------------------------------------


class CertificateQuerySet(models.QuerySet):
    def unrevoked(self):
        return self.filter(revoked_at__isnull=True)

    def issued(self):
        return self.filter(status=Certificate.Status.ISSUED)

    def of_user(self, user):
        return self.filter(user_id=getattr(user, "pk", user))

    def visible_to(self, user):
        """Register scope: certificates whose snapshot unit is one the staff member may see
        (lms.org.access.visible_units)."""
        from lms.org.access import visible_units

        return self.filter(unit__in=visible_units(user))

    def expiring(self, today=None, days=EXPIRING_DAYS):
        today = today or timezone.localdate()
        return self.unrevoked().filter(
            valid_until__isnull=False,
            valid_until__gte=today,
            valid_until__lte=today + timezone.timedelta(days=days),
        )

    def with_state(self, state, today=None):
        today = today or timezone.localdate()
        if state == "revoked":
            return self.filter(revoked_at__isnull=False)
        live = self.unrevoked()
        if state == "pending":
            return live.exclude(status=Certificate.Status.ISSUED)
        if state == "expired":
            return live.issued().filter(valid_until__lt=today)
        if state == "valid":
            return live.issued().filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        return self


class Certificate(WorkplaceSnapshot):
    """A certificate of completion of one course cycle. The WorkplaceSnapshot fields are copied
    from the enrolment (where the learner worked then) and scope the register."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang tạo")
        ISSUED = "issued", _("Đã cấp")
        FAILED = "failed", _("Tạo lỗi")

    STATE_LABELS = {
        "valid": _("Hợp lệ"),
        "expired": _("Hết hạn"),
        "revoked": _("Đã thu hồi"),
        "pending": _("Đang tạo"),
        "not_found": _("Không tìm thấy"),
    }

    enrolment = models.ForeignKey(
        "courses.Enrolment",
        verbose_name=_("ghi danh"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("học viên"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("khóa học"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    serial = models.CharField(_("số hiệu"), max_length=40, unique=True)
    prefix = models.CharField(_("tiền tố số hiệu"), max_length=20)
    year = models.PositiveSmallIntegerField(_("năm cấp"))
    sequence = models.PositiveIntegerField(_("số thứ tự"))
    register_number = models.CharField(_("số vào sổ"), max_length=20, unique=True)
    verification_code = models.CharField(
        _("mã xác minh"), max_length=64, unique=True, default=new_verification_code
    )
    snapshot = models.JSONField(_("dữ liệu in trên chứng nhận"), default=dict)
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("mẫu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    template_version = models.PositiveIntegerField(_("phiên bản mẫu"), default=0)
    issued_at = models.DateTimeField(_("ngày cấp"), default=timezone.now)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái tạo tệp"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(
        _("tệp PDF"), storage=certificate_storage, upload_to=certificate_upload_to, blank=True
    )
    sha256 = models.CharField(_("SHA-256 của tệp"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần tạo tệp"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    last_attempt_at = models.DateTimeField(_("lần tạo gần nhất"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_reason = models.TextField(_("lý do thu hồi"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("thay cho chứng nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    expiry_notified_at = models.DateTimeField(_("đã báo sắp hết hạn lúc"), null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("chứng nhận")
        verbose_name_plural = _("chứng nhận")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(revoked_at__isnull=True),
                name="certificate_one_unrevoked_per_enrolment",
            ),
            models.UniqueConstraint(
                fields=["prefix", "year", "sequence"], name="certificate_serial_sequence_once"
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "year"]),
            models.Index(fields=["course", "year"]),
            models.Index(fields=["status"]),
        ]

    def __str__(self):
        return self.serial

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def is_expired(self, today=None):
        return self.valid_until is not None and self.valid_until < (today or timezone.localdate())

    def is_expiring(self, today=None, days=EXPIRING_DAYS):
        today = today or timezone.localdate()
        return (
            self.valid_until is not None
            and not self.is_expired(today)
            and (self.valid_until - today).days <= days
        )

    def state_on(self, today=None):
        """ "valid" | "expired" | "revoked" | "pending" (pending and failed files alike)."""
        if self.is_revoked:
            return "revoked"
        if self.status != self.Status.ISSUED:
            return "pending"
        if self.is_expired(today):
            return "expired"
        return "valid"

    @property
    def state(self):
        return self.state_on()

    @property
    def state_label(self):
        return self.STATE_LABELS[self.state]

    @property
    def verification_path(self):
        from django.urls import reverse

        return reverse("certificates:verify", args=[self.verification_code])

    @property
    def verification_url(self):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + self.verification_path

    def render_data(self):
        """The dict certificates.pdf renders (keys: the contract), from the snapshot only."""
        from .issuance import render_data

        return render_data(self)


class CertificateEvent(models.Model):
    """Audit log: issue, render failure, revocation, re-issue, download by staff, exports."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("Cấp")
        FAILED = "failed", _("Tạo tệp lỗi")
        RETRIED = "retried", _("Tạo lại tệp")
        REVOKED = "revoked", _("Thu hồi")
        REISSUED = "reissued", _("Cấp lại")
        EXPORTED = "exported", _("Xuất sổ")
        NOTIFIED = "notified", _("Báo sắp hết hạn")

    certificate = models.ForeignKey(
        Certificate, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("hành động"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    reason = models.TextField(_("lý do"), blank=True)
    detail = models.JSONField(_("chi tiết"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký chứng nhận")
        verbose_name_plural = _("nhật ký chứng nhận")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.action} {self.certificate_id} {self.at:%Y-%m-%d %H:%M}"


class CertificateExport(models.Model):
    """A bulk ZIP of the PDFs for a register filter, written by a background task."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang tạo")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filters = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(storage=certificate_storage, upload_to=export_upload_to, blank=True)
    count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tệp ZIP chứng nhận")
        verbose_name_plural = _("tệp ZIP chứng nhận")
        ordering = ["-created_at"]

    def __str__(self):
        return f"ZIP {self.pk} ({self.status})"
