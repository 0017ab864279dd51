"""The register (sổ cấp chứng nhận) for Sở Nội vụ and unit managers: the one scoped queryset,
its filter form, counts per unit, the XLSX/CSV rows (through lms.lib.exports) and the bulk ZIP.

Scope: `register_for(user)` = certificates whose snapshot unit is in lms.org.access.visible_units
(a unit manager sees their unit's certificates, anything else is a 404). Revoking and re-issuing
are for city-wide staff (Sở Nội vụ, administrators) only.
"""

import tempfile
import zipfile

from django import forms
from django.core.files import File
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.org.access import is_city_wide, visible_units
from lms.org.models import Department
from lms.org.roles import has_role

from .models import Certificate, CertificateEvent, CertificateExport

STATES = [
    ("valid", _("Hợp lệ")),
    ("expired", _("Hết hạn")),
    ("revoked", _("Đã thu hồi")),
    ("pending", _("Đang tạo / lỗi")),
]

HEADINGS = [
    _("Số hiệu"),
    _("Số vào sổ"),
    _("Họ và tên"),
    _("Mã cán bộ"),
    _("Đơn vị"),
    _("Phòng ban"),
    _("Khóa học"),
    _("Đợt"),
    _("Số tiết"),
    _("Ngày hoàn thành"),
    _("Ngày cấp"),
    _("Hiệu lực đến"),
    _("Tình trạng"),
    _("Thay cho"),
    _("Lý do thu hồi"),
    _("SHA-256"),
]


def can_use_register(user):
    from courses.staff_enrolments import MANAGER_ROLES

    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or has_role(user, *MANAGER_ROLES))
    )


def can_revoke(user):
    return is_city_wide(user)


def register_for(user, units=None):
    if not can_use_register(user):
        return Certificate.objects.none()
    return Certificate.objects.filter(unit__in=visible_units(user) if units is None else units)


class RegisterFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả đơn vị")
    )
    department = forms.ChoiceField(label=_("Phòng ban"), required=False)
    course = forms.ModelChoiceField(
        label=_("Khóa học"), queryset=None, required=False, empty_label=_("Tất cả khóa học")
    )
    year = forms.TypedChoiceField(label=_("Năm cấp"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Tình trạng"), required=False)
    q = forms.CharField(label=_("Số hiệu hoặc họ tên"), required=False, max_length=100)

    FIELDS = ("unit", "department", "course", "year", "status", "q")

    def __init__(self, data=None, *, user, units):
        from courses.models import CoursePage

        super().__init__(data)
        self.fields["unit"].queryset = units.order_by("name").only("name")
        names = (
            Department.objects.filter(unit__in=units)
            .order_by("name")
            .values_list("name", flat=True)
        )
        self.fields["department"].choices = [("", _("Tất cả phòng ban"))] + [
            (n, n) for n in names.distinct()
        ]
        self.fields["course"].queryset = CoursePage.objects.filter(
            pk__in=Certificate.objects.values("course_id")
        ).order_by("title")
        this_year = timezone.localdate().year
        self.fields["year"].choices = [("", _("Mọi năm"))] + [
            (y, y) for y in range(this_year, this_year - 10, -1)
        ]
        self.fields["status"].choices = [("", _("Mọi tình trạng")), *STATES]

    def filter(self, certificates):
        data = self.cleaned_data
        if data.get("unit"):
            certificates = certificates.filter(unit=data["unit"])
        if data.get("department"):
            certificates = certificates.filter(department_name=data["department"])
        if data.get("course"):
            certificates = certificates.filter(course=data["course"])
        if data.get("year"):
            certificates = certificates.filter(year=data["year"])
        if data.get("status"):
            certificates = certificates.with_state(data["status"])
        query = (data.get("q") or "").strip()
        if query:
            certificates = certificates.filter(serial__iexact=query) | certificates.filter(
                snapshot__full_name__icontains=query
            )
        return certificates.order_by("-issued_at", "-id")

    def as_filters(self):
        data = self.cleaned_data if self.is_valid() else {}
        return {
            name: getattr(data.get(name), "pk", data.get(name))
            for name in self.FIELDS
            if data.get(name)
        }


def counts_per_unit(certificates):
    return list(
        certificates.order_by()
        .values("unit_code", "unit_name")
        .annotate(count=Count("id"))
        .order_by("unit_name")
    )


def row_values(certificate, today=None):
    snap = certificate.snapshot
    return [
        certificate.serial,
        certificate.register_number,
        snap.get("full_name", ""),
        snap.get("employee_code", ""),
        certificate.unit_name,
        certificate.department_name,
        snap.get("course_title", ""),
        snap.get("cycle", 1),
        snap.get("tiet", ""),
        snap.get("completed_on", ""),
        certificate.issued_at,
        certificate.valid_until,
        str(Certificate.STATE_LABELS[certificate.state_on(today)]),
        certificate.replaces.serial if certificate.replaces_id else "",
        certificate.revoked_reason,
        certificate.sha256,
    ]


def export_rows(certificates):
    today = timezone.localdate()
    for certificate in certificates.select_related("replaces").iterator(chunk_size=500):
        yield row_values(certificate, today)


def log_export(user, kind, filters, count):
    CertificateEvent.objects.create(
        action=CertificateEvent.Action.EXPORTED,
        actor=user,
        detail={"format": kind, "filters": filters, "count": count},
    )


def certificates_for_export(export):
    """The certificates of a ZIP export, re-scoped to its requester now."""
    form = RegisterFilterForm(
        dict(export.filters),
        user=export.requested_by,
        units=visible_units(export.requested_by),
    )
    scope = register_for(export.requested_by)
    if not form.is_valid():
        return scope.none()
    return form.filter(scope).issued().exclude(file="")


def build_zip(export_id):
    """Write the ZIP of the export's PDFs (stored files, unchanged) to the certificates storage."""
    export = CertificateExport.objects.select_related("requested_by").get(pk=export_id)
    try:
        count = 0
        with tempfile.TemporaryFile() as spool:
            with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
                for certificate in certificates_for_export(export).iterator(chunk_size=200):
                    with certificate.file.open("rb") as handle:
                        archive.writestr(f"{certificate.serial}.pdf", handle.read())
                    count += 1
            spool.seek(0)
            export.file.save(f"so-cap-{export.pk}.zip", File(spool), save=False)
        export.count = count
        export.status = CertificateExport.Status.DONE
    except Exception as error:
        export.status = CertificateExport.Status.FAILED
        export.error = f"{type(error).__name__}: {error}"[:2000]
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "count", "status", "error", "finished_at"])
    return export.status
