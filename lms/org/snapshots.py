"""Where a person worked at one moment, frozen into the rows that must never be rewritten.

`WorkplaceSnapshot` is the one abstract model for "unit, department, positions and names at the
time": enrolments, quiz attempts and training-ledger rows inherit it (certificates will too).
`snapshot_of(person)` is the one function that fills it; a later rename of the unit or the
department, a move of the person to another unit or a change of their positions never changes a
snapshot already taken (DESIGN rule 2: history is immutable).

The foreign keys are kept for grouping and scoping (a report by unit); they are SET_NULL so a
deleted unit leaves the names. Reports print the names, which are the ones of that day.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

SNAPSHOT_FIELDS = (
    "unit_id",
    "unit_code",
    "unit_name",
    "department_id",
    "department_name",
    "positions",
)


def snapshot_of(person):
    """The snapshot field values for `person` (None: no profile, an empty snapshot).

    Reads `person.unit`, `person.department` and `person.held_positions` (with their
    positions): callers that snapshot many people select and prefetch them (see
    `people_for_snapshots`) so that the number of queries does not grow with the rows."""
    if person is None:
        return dict.fromkeys(SNAPSHOT_FIELDS[:-1], None) | {
            "unit_code": "",
            "unit_name": "",
            "department_name": "",
            "positions": [],
        }
    unit = person.unit if person.unit_id else None
    department = person.department if person.department_id else None
    held = sorted(
        person.held_positions.all(), key=lambda h: (not h.is_primary, h.position.name, h.pk)
    )
    return {
        "unit_id": unit.pk if unit else None,
        "unit_code": unit.code if unit else "",
        "unit_name": unit.name if unit else "",
        "department_id": department.pk if department else None,
        "department_name": department.name if department else "",
        "positions": [
            {"id": h.position_id, "name": h.position.name, "primary": bool(h.is_primary)}
            for h in held
        ],
    }


def people_for_snapshots(people):
    """`people` (a Person QuerySet) with what `snapshot_of` reads, in three queries in all."""
    return people.select_related("unit", "department").prefetch_related("held_positions__position")


def person_of(user):
    """The Person of `user` (an account or its id), loaded for `snapshot_of` (None when the
    account has no profile)."""
    from .models import Person

    user_id = getattr(user, "pk", user)
    if user_id is None:
        return None
    return people_for_snapshots(Person.objects.filter(user_id=user_id)).first()


class WorkplaceSnapshot(models.Model):
    """Abstract: the unit, department and positions of a person at the time the row was made."""

    unit = models.ForeignKey(
        "org.AdministrativeUnit",
        verbose_name=_("đơn vị lúc ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit_code = models.CharField(_("mã đơn vị lúc ghi nhận"), max_length=20, blank=True)
    unit_name = models.CharField(_("tên đơn vị lúc ghi nhận"), max_length=200, blank=True)
    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("phòng ban lúc ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    department_name = models.CharField(_("tên phòng ban lúc ghi nhận"), max_length=200, blank=True)
    positions = models.JSONField(
        _("chức danh lúc ghi nhận"),
        default=list,
        blank=True,
        help_text=_(
            "Danh sách {id, name, primary}: các chức danh đảm nhiệm, chức danh chính trước."
        ),
    )

    class Meta:
        abstract = True

    def take_snapshot(self, person):
        """Fill the snapshot fields from `person` now (the caller saves)."""
        for name, value in snapshot_of(person).items():
            setattr(self, name, value)
        return self

    @property
    def primary_position_name(self):
        for held in self.positions or []:
            if held.get("primary"):
                return held.get("name", "")
        return ""
