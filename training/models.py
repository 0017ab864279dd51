"""Sổ bồi dưỡng: the yearly training ledger, one row per credited activity.

A row says who was credited, for what (a completed course, a class attended, an approved external
training), how many tiết, on which date (its `year` is the calendar year of that date: the HCMC
40-tiết year), with a link to the evidence and a snapshot of where the person worked then
(lms.org.snapshots). One piece of evidence credits once: a row is unique per (source, evidence).

Courses write here only through the completion service (courses.completion), which reads the
course's tiết and title from the database row. The 40-tiết figures are SQL sums over this table
(`TrainingCreditQuerySet.tiet_of`).
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.org.snapshots import WorkplaceSnapshot


class Source(models.TextChoices):
    COURSE = "course", _("Hoàn thành khóa học")
    CLASS = "class", _("Tham dự lớp bồi dưỡng")
    EXTERNAL = "external", _("Bồi dưỡng bên ngoài")


class TrainingCreditQuerySet(models.QuerySet):
    def for_year(self, year):
        return self.filter(year=year)

    def tiet_of(self, user, year):
        """Total tiết credited to `user` in calendar year `year` (one SQL SUM)."""
        total = self.filter(user_id=getattr(user, "pk", user), year=year).aggregate(
            total=Sum("tiet")
        )["total"]
        return total if total is not None else Decimal("0")

    def visible_to(self, user):
        """The rows a staff member may see: credited in one of their units, or of a person who
        works in one of them now (lms.org.access.visible_units)."""
        from lms.org.access import visible_units

        units = visible_units(user)
        return self.filter(Q(unit__in=units) | Q(user__person__unit__in=units)).distinct()

    def credit(self, *, source, evidence, user_id, title, tiet, date, person=None, **extra):
        """Write the row for `evidence` once (idempotent). Returns (row, created).

        `person`: whose workplace is snapshotted (lms.org.snapshots.snapshot_of)."""
        content_type = ContentType.objects.get_for_model(type(evidence))
        lookup = {"source": source, "evidence_type": content_type, "evidence_id": evidence.pk}
        row = self.model(
            user_id=user_id,
            title=title,
            tiet=tiet,
            date=date,
            year=date.year,
            **lookup,
            **extra,
        )
        row.take_snapshot(person)
        try:
            with transaction.atomic():
                # One INSERT; no post_save (the admin's reference index has nothing to learn
                # from a ledger row, and the rush of completions at a deadline pays for it).
                self.bulk_create([row])
        except IntegrityError:  # credited before (the unique constraint says so)
            return self.get(**lookup), False
        return row, True


class TrainingCredit(WorkplaceSnapshot):
    """One credited training activity in the sổ bồi dưỡng."""

    Source = Source

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        on_delete=models.CASCADE,
        related_name="training_credits",
    )
    source = models.CharField(_("hình thức"), max_length=20, choices=Source.choices)
    title = models.CharField(_("nội dung bồi dưỡng"), max_length=255)
    tiet = models.DecimalField(
        _("số tiết"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0"))],
    )
    date = models.DateField(_("ngày ghi nhận"))
    year = models.PositiveSmallIntegerField(_("năm"), db_index=True)
    evidence_type = models.ForeignKey(
        ContentType,
        verbose_name=_("loại minh chứng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    evidence_id = models.PositiveBigIntegerField(_("mã minh chứng"), null=True, blank=True)
    evidence = GenericForeignKey("evidence_type", "evidence_id")
    evidence_url = models.URLField(_("đường dẫn minh chứng"), blank=True)
    evidence_note = models.TextField(_("ghi chú minh chứng"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now, editable=False)

    objects = TrainingCreditQuerySet.as_manager()

    class Meta:
        verbose_name = _("dòng sổ bồi dưỡng")
        verbose_name_plural = _("sổ bồi dưỡng")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "evidence_type", "evidence_id"],
                condition=Q(evidence_type__isnull=False),
                name="training_credit_once_per_evidence",
            ),
            models.CheckConstraint(
                condition=Q(tiet__gte=0), name="training_credit_tiet_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["user", "year"])]

    def __str__(self):
        return f"{self.user} {self.year}: {self.title} ({self.tiet} tiết)"

    def save(self, *args, **kwargs):
        if self.date is not None:
            self.year = self.date.year
        super().save(*args, **kwargs)
