"""H5P packages uploaded by trainers, and the xAPI statements learners' players send back."""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class H5PPackageQuerySet(models.QuerySet):
    def ready(self):
        return self.filter(is_ready=True)


class H5PPackage(index.Indexed, models.Model):
    """One validated .h5p archive, unpacked member by member under `storage_prefix` in the
    default storage (so S3-compatible storage works the same as the local disk)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(
        _("tiêu đề"),
        max_length=255,
        help_text=_("Tên hoạt động hiển thị cho giảng viên; mặc định lấy từ h5p.json."),
    )
    main_library = models.CharField(
        _("thư viện chính"),
        max_length=255,
        editable=False,
        help_text=_("Tên máy và phiên bản, ví dụ H5P.TrueFalse 1.6."),
    )
    storage_prefix = models.CharField(_("thư mục lưu trữ"), max_length=255, editable=False)
    h5p_json = models.JSONField(_("nội dung h5p.json"), default=dict, editable=False)
    total_size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0, editable=False)
    file_count = models.PositiveIntegerField(_("số tệp"), default=0, editable=False)
    original_filename = models.CharField(
        _("tên tệp gốc"), max_length=255, blank=True, editable=False
    )
    is_ready = models.BooleanField(_("sẵn sàng"), default=False, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tải lên"),
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    objects = H5PPackageQuerySet.as_manager()

    panels = [FieldPanel("title")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("gói H5P")
        verbose_name_plural = _("gói H5P")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.title

    def storage_path(self, member):
        """Storage name of one archive member (already validated as a safe relative path)."""
        return f"{self.storage_prefix}/{member}"

    @property
    def main_machine_name(self):
        return self.main_library.split(" ", 1)[0]


class H5PStatement(models.Model):
    """An xAPI statement accepted from a learner's player. The actor and timestamp are the
    server's; the browser's copy is kept in `statement` only after we overwrite them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="h5p_statements",
        verbose_name=_("học viên"),
    )
    package = models.ForeignKey(
        H5PPackage, on_delete=models.CASCADE, related_name="statements", verbose_name=_("gói H5P")
    )
    module_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("bài học"),
    )
    verb = models.CharField(_("động từ xAPI"), max_length=255)
    score_raw = models.FloatField(_("điểm"), null=True, blank=True)
    score_max = models.FloatField(_("điểm tối đa"), null=True, blank=True)
    completion = models.BooleanField(_("hoàn thành"), null=True, blank=True)
    success = models.BooleanField(_("đạt"), null=True, blank=True)
    statement = models.JSONField(_("câu lệnh xAPI"))
    created_at = models.DateTimeField(_("thời điểm ghi nhận"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("câu lệnh xAPI H5P")
        verbose_name_plural = _("câu lệnh xAPI H5P")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "module_page"])]

    def __str__(self):
        return f"{self.user_id} {self.verb} {self.package_id}"


@receiver(post_delete, sender=H5PPackage, dispatch_uid="h5p_delete_package_files")
def _delete_package_files(sender, instance, **kwargs):
    """A deleted package takes its stored files with it, once the deletion is committed."""
    from .services import delete_package_files

    transaction.on_commit(lambda: delete_package_files(instance))


class VettedLibrary(models.Model):
    """An H5P library a superuser vetted beyond the list the project ships
    (content/h5p/vetted_libraries.json): the exact files, by SHA-256, that may run in the
    player. Added only through the vetting screen (content/h5p/library_admin.py), logged."""

    machine_name = models.CharField(_("tên máy"), max_length=255)
    major_version = models.PositiveIntegerField(_("phiên bản chính"))
    minor_version = models.PositiveIntegerField(_("phiên bản phụ"))
    patch_version = models.PositiveIntegerField(_("bản vá"))
    files = models.JSONField(_("tệp và mã băm SHA-256"), default=dict)
    digest = models.CharField(_("mã băm của bộ tệp"), max_length=64, unique=True)
    source_filename = models.CharField(_("gói nguồn"), max_length=255, blank=True)
    vetted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("người thẩm định"),
    )
    vetted_at = models.DateTimeField(_("thời điểm thẩm định"), auto_now_add=True)

    class Meta:
        verbose_name = _("thư viện H5P đã thẩm định")
        verbose_name_plural = _("thư viện H5P đã thẩm định")
        ordering = ["machine_name", "major_version", "minor_version", "patch_version"]
        indexes = [models.Index(fields=["machine_name", "major_version", "minor_version"])]

    def __str__(self):
        return f"{self.machine_name} {self.major_version}.{self.minor_version}.{self.patch_version}"
