"""Loading HCMC's official units from the `vietnam-provinces` package, plus city agencies."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import AdministrativeUnit, UnitKind

# City agencies are not in the package; their codes are ours and never change.
CITY_AGENCIES = [
    ("SNV", "Sở Nội vụ"),
    ("SKHCN", "Sở Khoa học và Công nghệ"),
    ("TTCDS", "Trung tâm Chuyển đổi số Thành phố"),
    ("STC", "Sở Tài chính"),
    ("STP", "Sở Tư pháp"),
    ("SGDDT", "Sở Giáo dục và Đào tạo"),
    ("SYT", "Sở Y tế"),
    ("VP-UBND", "Văn phòng Ủy ban nhân dân Thành phố"),
]

# The 2-level government (wards report to the city) started on this date.
TWO_LEVEL_START = datetime.date(2025, 7, 1)

_KINDS = {"phường": UnitKind.WARD, "xã": UnitKind.COMMUNE, "đặc khu": UnitKind.SPECIAL_ZONE}


def _clean(name):
    return " ".join(name.split())


def package_units(province_code):
    """(province, [(code, name, kind)]) read from vietnam-provinces."""
    from vietnam_provinces import Province, Ward

    province = Province.from_code(province_code)
    wards = [
        (str(int(w.code)), _clean(w.name), _KINDS[w.division_type.value])
        for w in Ward.iter_by_province(province.code)
    ]
    return province, wards


@transaction.atomic
def load_units(province_code, today=None, source=None):
    """Create or update the province, its communes and the city agencies. Idempotent.

    Renames keep history (UnitNameHistory); units that left the package are deactivated,
    never deleted, so attempts and certificates keep pointing at them.
    Returns a dict of counts: created, renamed, deactivated, unchanged.
    """
    today = today or timezone.localdate()
    province, wards = source or package_units(province_code)
    counts = {"created": 0, "renamed": 0, "deactivated": 0, "reactivated": 0, "unchanged": 0}

    city, created = AdministrativeUnit.objects.get_or_create(
        code=str(int(province.code)),
        defaults={
            "name": _clean(province.name),
            "kind": UnitKind.CITY,
            "valid_from": TWO_LEVEL_START,
        },
    )
    if created:
        counts["created"] += 1
    elif city.rename(_clean(province.name), today):
        counts["renamed"] += 1
    else:
        counts["unchanged"] += 1

    existing = {u.code: u for u in AdministrativeUnit.objects.filter(parent=city)}
    seen = set()
    to_create = []
    for code, name, kind in [*wards, *((c, n, UnitKind.CITY_AGENCY) for c, n in CITY_AGENCIES)]:
        seen.add(code)
        unit = existing.get(code)
        if unit is None:
            to_create.append(
                AdministrativeUnit(
                    code=code,
                    name=name,
                    kind=kind,
                    parent=city,
                    valid_from=TWO_LEVEL_START,
                )
            )
            continue
        changed = unit.rename(name, today)
        counts["renamed"] += changed
        if not unit.is_active:
            unit.is_active, unit.valid_to = True, None
            unit.save(update_fields=["is_active", "valid_to"])
            counts["reactivated"] += 1
        elif not changed:
            counts["unchanged"] += 1
    AdministrativeUnit.objects.bulk_create(to_create)
    counts["created"] += len(to_create)

    gone = [u for code, u in existing.items() if code not in seen and u.is_active]
    for unit in gone:
        unit.is_active, unit.valid_to = False, today
        unit.save(update_fields=["is_active", "valid_to"])
    counts["deactivated"] = len(gone)
    return counts
