"""The real organisation of HCMC: administrative units, their departments, positions and people.

Units are identified by their official code, which never changes; names change with mergers and
are kept in UnitNameHistory. Attempts and certificates snapshot the unit at the time, so nothing
here rewrites the past.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.lib.collation import VI_COLLATION
from lms.lib.vietnamese import name_sort_key


class UnitKind(models.TextChoices):
    CITY = "thanh_pho", _("Thành phố")
    WARD = "phuong", _("Phường")
    COMMUNE = "xa", _("Xã")
    SPECIAL_ZONE = "dac_khu", _("Đặc khu")
    CITY_AGENCY = "co_quan", _("Cơ quan cấp thành phố")


class AdministrativeUnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def communes(self):
        """The 168 commune-level units (phường, xã, đặc khu)."""
        return self.filter(kind__in=[UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE])

    def agencies(self):
        return self.filter(kind=UnitKind.CITY_AGENCY)


class AdministrativeUnit(models.Model):
    code = models.CharField(
        _("mã đơn vị"),
        max_length=20,
        unique=True,
        help_text=_("Mã chính thức (mã phường/xã theo danh mục hành chính) hoặc mã cơ quan."),
    )
    name = models.CharField(_("tên đơn vị"), max_length=200, db_collation=VI_COLLATION)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "is_active"])]

    def __str__(self):
        return self.name

    def rename(self, new_name, when=None):
        """Rename keeping history; references by id and code stay valid."""
        if new_name == self.name:
            return False
        UnitNameHistory.objects.create(
            unit=self,
            old_name=self.name,
            new_name=new_name,
            changed_on=when or timezone.localdate(),
        )
        self.name = new_name
        self.save(update_fields=["name"])
        return True


class UnitNameHistory(models.Model):
    unit = models.ForeignKey(
        AdministrativeUnit, on_delete=models.CASCADE, related_name="name_history"
    )
    old_name = models.CharField(_("tên cũ"), max_length=200)
    new_name = models.CharField(_("tên mới"), max_length=200)
    changed_on = models.DateField(_("ngày đổi"))

    class Meta:
        verbose_name = _("lịch sử tên đơn vị")
        verbose_name_plural = _("lịch sử tên đơn vị")
        ordering = ["-changed_on", "-id"]

    def __str__(self):
        return f"{self.old_name} → {self.new_name}"


class Department(models.Model):
    unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="departments",
    )
    name = models.CharField(_("tên phòng ban"), max_length=200, db_collation=VI_COLLATION)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("phòng ban")
        verbose_name_plural = _("phòng ban")
        ordering = ["unit__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="department_unique_name_in_unit"),
        ]

    def __str__(self):
        return self.name


class Position(models.Model):
    """A job title (chức danh), shared across units: Chủ tịch UBND, Công chức Văn phòng - Thống kê…"""

    name = models.CharField(_("chức danh"), max_length=200, unique=True, db_collation=VI_COLLATION)
    is_leader = models.BooleanField(
        _("là lãnh đạo"),
        default=False,
        help_text=_("Chức danh lãnh đạo, quản lý (đối tượng của nhóm nội dung C)."),
    )

    class Meta:
        verbose_name = _("chức danh")
        verbose_name_plural = _("chức danh")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_units(self, units):
        return self.filter(unit__in=units)

    def sorted_vietnamese(self):
        return self.order_by("name_sort_key", "id")


class Person(models.Model):
    """A civil servant, official or contract staff member.

    Minimal personal data by design: no ID-card number, home address or date of birth.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="person",
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    name_sort_key = models.CharField(max_length=255, editable=False, db_index=True)
    employee_code = models.CharField(_("mã cán bộ"), max_length=50, unique=True)
    unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="people",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("phòng ban"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    positions = models.ManyToManyField(
        Position,
        verbose_name=_("chức danh"),
        through="PersonPosition",
        related_name="people",
        blank=True,
    )
    is_active = models.BooleanField(_("đang công tác"), default=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["name_sort_key", "id"]
        indexes = [models.Index(fields=["unit", "name_sort_key"])]
        # The five roles (lms.org.roles): fixed codes, granted to groups; never group names.
        permissions = [
            ("role_learner", _("Vai trò: Học viên")),
            ("role_trainer", _("Vai trò: Giảng viên")),
            ("role_unit_manager", _("Vai trò: Cán bộ phụ trách đơn vị")),
            ("role_home_affairs", _("Vai trò: Sở Nội vụ")),
            ("role_administrator", _("Vai trò: Quản trị")),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = " ".join(self.full_name.split())
        self.name_sort_key = name_sort_key(self.full_name)
        super().save(*args, **kwargs)

    @property
    def primary_position(self):
        for held in self.held_positions.all():
            if held.is_primary:
                return held.position
        return None


class PersonPosition(models.Model):
    """A position a person holds; several at once (kiêm nhiệm), exactly one primary."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="held_positions")
    position = models.ForeignKey(Position, verbose_name=_("chức danh"), on_delete=models.PROTECT)
    is_primary = models.BooleanField(_("chức danh chính"), default=False)

    class Meta:
        verbose_name = _("chức danh đảm nhiệm")
        verbose_name_plural = _("chức danh đảm nhiệm")
        constraints = [
            models.UniqueConstraint(fields=["person", "position"], name="person_position_unique"),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(is_primary=True),
                name="person_one_primary_position",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.position}"
