"""Loading the real units from vietnam-provinces, idempotently and keeping history."""

import datetime

import pytest
from django.core.management import call_command

from lms.org.models import AdministrativeUnit, UnitKind, UnitNameHistory
from lms.org.units import CITY_AGENCIES, load_units, package_units
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_load_units_creates_hcmc_168_communes_and_city_agencies():
    counts = load_units(79)

    communes = AdministrativeUnit.objects.communes()
    assert communes.count() == 168
    assert set(communes.values_list("kind", flat=True)) == {
        UnitKind.WARD,
        UnitKind.COMMUNE,
        UnitKind.SPECIAL_ZONE,
    }
    assert AdministrativeUnit.objects.get(code="26740").name == "Phường Sài Gòn"
    assert AdministrativeUnit.objects.get(code="26732").kind == UnitKind.SPECIAL_ZONE
    assert AdministrativeUnit.objects.agencies().count() == len(CITY_AGENCIES)
    city = AdministrativeUnit.objects.get(kind=UnitKind.CITY)
    assert city.code == "79" and city.name == "Thành phố Hồ Chí Minh"
    assert counts["created"] == 1 + 168 + len(CITY_AGENCIES)


def test_names_are_whitespace_normalised():
    load_units(79)
    assert not AdministrativeUnit.objects.filter(name__contains="  ").exists()


def test_rerun_is_idempotent():
    load_units(79)
    before = list(AdministrativeUnit.objects.order_by("pk").values_list("pk", "code", "name"))

    counts = load_units(79)

    assert counts["created"] == 0 and counts["renamed"] == 0
    assert (
        list(AdministrativeUnit.objects.order_by("pk").values_list("pk", "code", "name")) == before
    )


def test_package_update_renames_adds_and_deactivates_without_breaking_references():
    province, wards = package_units(79)
    load_units(79, source=(province, wards))
    saigon = AdministrativeUnit.objects.get(code="26740")
    person = PersonFactory(unit=saigon)
    gone_code = wards[-1][0]

    renamed = [(c, "Phường Sài Gòn Mới" if c == "26740" else n, k) for c, n, k in wards[:-1]]
    renamed.append(("99999", "Phường Thử Nghiệm Sáp Nhập", UnitKind.WARD))
    counts = load_units(79, today=datetime.date(2026, 7, 1), source=(province, renamed))

    assert counts == {
        "created": 1,
        "renamed": 1,
        "deactivated": 1,
        "reactivated": 0,
        "unchanged": counts["unchanged"],
    }
    person.refresh_from_db()
    assert person.unit_id == saigon.pk
    assert person.unit.name == "Phường Sài Gòn Mới"
    history = UnitNameHistory.objects.get(unit=saigon)
    assert (history.old_name, history.new_name) == ("Phường Sài Gòn", "Phường Sài Gòn Mới")
    gone = AdministrativeUnit.objects.get(code=gone_code)
    assert not gone.is_active and gone.valid_to == datetime.date(2026, 7, 1)
    assert AdministrativeUnit.objects.get(code="99999").is_active


def test_command_reports_counts_in_vietnamese():
    from io import StringIO

    out = StringIO()
    call_command("load_units", stdout=out)
    call_command("load_units", stdout=out)
    assert "0 mới" in out.getvalue().splitlines()[-1]
