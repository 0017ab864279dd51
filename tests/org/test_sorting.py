"""Units, departments and positions sort in Vietnamese alphabetical order in the database.

The same tests run on SQLite (a Python collation registered on each connection) and on PostgreSQL
(ICU's "vi-x-icu"): `DATABASE_URL=postgres://… pytest tests/org/test_sorting.py`. On PostgreSQL
they also prove that the Python key (`lms.lib.vietnamese.collation_key`) agrees with ICU.
"""

import re

import pytest
from django.db import IntegrityError, connection, transaction

from lms.lib.collation import VI_COLLATION, vi_order
from lms.lib.vietnamese import collate, collation_key, sorted_vietnamese
from lms.org.models import AdministrativeUnit, Department, Position, UnitKind
from lms.org.units import load_units
from tests.factories import DepartmentFactory, UnitFactory

TRICKY = [
    "An Hội Tây",
    "An Hội Đông",
    "Anh",
    "An Nhơn",
    "Ăn",
    "Ân",
    "an",
    "Bảy Hiền",
    "Bình Đông",
    "Dặc",
    "Đặc khu Côn Đảo",
    "Hoa",
    "Hòa",
    "Hoà",
    "Hỏa",
    "Hạ",
    "Phòng Đào tạo, bồi dưỡng",
    "Phòng Tổ chức, biên chế",
    "Phòng Văn hóa - Xã hội",
    "Phòng Văn hóa – Xã hội",
    "Phường 1",
    "Phường 10",
    "Phường 2",
    "Uỷ ban",
    "Ủy ban",
    "Văn phòng Sở",
    "Zalo",
    "Wifi",
]


def test_key_follows_the_vietnamese_alphabet_and_tones():
    assert sorted_vietnamese(["Đông", "Tây", "Dương"]) == ["Dương", "Đông", "Tây"]
    assert sorted_vietnamese(["Bình Đông", "Bảy Hiền"]) == ["Bảy Hiền", "Bình Đông"]
    assert sorted_vietnamese(["Ân", "Ăn", "An"]) == ["An", "Ăn", "Ân"]
    assert sorted_vietnamese(["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"]) == [
        "Ha",
        "Hà",
        "Hả",
        "Hã",
        "Há",
        "Hạ",
    ]
    # Letters of the whole string before tones: "Hoà Bình" < "Hòa An" would be wrong.
    assert sorted_vietnamese(["Hòa An", "Hoà Bình"]) == ["Hòa An", "Hoà Bình"]
    # A space sorts before letters, like ICU: "An Nhơn" before "Anh".
    assert sorted_vietnamese(["Anh", "An Nhơn"]) == ["An Nhơn", "Anh"]
    # Byte order gets each of these wrong.
    assert sorted(["An Hội Tây", "An Hội Đông"]) == ["An Hội Tây", "An Hội Đông"]


def test_collation_is_equal_only_for_equal_text():
    assert collate("Hòa", "Hòa") == 0
    assert collate("Hòa", "Hoà") != 0
    assert collate("an", "An") == -1 and collate("An", "an") == 1
    # NFD and NFC spellings of the same name are the same name.
    assert collation_key("Ho\u0300a")[:3] == collation_key("Hòa")[:3]


@pytest.mark.django_db
def test_the_168_units_sort_the_vietnamese_way():
    load_units(79)
    names = list(AdministrativeUnit.objects.communes().values_list("name", flat=True))

    assert len(names) == 168
    assert names == sorted_vietnamese(names)
    assert names != sorted(names)  # code-point order differs, so the test can fail
    assert names.index("Phường An Hội Đông") < names.index("Phường An Hội Tây")
    assert names.index("Phường Bảy Hiền") < names.index("Phường Bình Đông")
    assert names.index("Phường Đông Hòa") > names.index("Phường Dĩ An")
    # Meta.ordering, explicit order_by and descending order agree.
    assert [u.name for u in AdministrativeUnit.objects.communes()] == names
    assert list(
        AdministrativeUnit.objects.communes().order_by("-name").values_list("name", flat=True)
    ) == list(reversed(names))


@pytest.mark.django_db
def test_departments_sort_by_unit_then_name():
    agency = UnitFactory(code="SNV", name="Sở Nội vụ", kind=UnitKind.CITY_AGENCY)
    ward = UnitFactory(code="26740", name="Phường Bảy Hiền")
    other = UnitFactory(code="26741", name="Phường Bình Đông")
    for unit in (agency, ward, other):
        for name in ("Văn phòng Sở", "Phòng Tổ chức, biên chế", "Phòng Đào tạo, bồi dưỡng"):
            DepartmentFactory(unit=unit, name=name)

    rows = [(d.unit.name, d.name) for d in Department.objects.select_related("unit")]
    expected_names = ["Phòng Đào tạo, bồi dưỡng", "Phòng Tổ chức, biên chế", "Văn phòng Sở"]
    expected_units = ["Phường Bảy Hiền", "Phường Bình Đông", "Sở Nội vụ"]
    assert rows == [(u, n) for u in expected_units for n in expected_names]


@pytest.mark.django_db
def test_database_order_matches_the_python_key():
    """On PostgreSQL this checks our key against ICU; on SQLite, that the collation is used."""
    Position.objects.bulk_create([Position(name=name) for name in TRICKY])
    in_db = list(Position.objects.values_list("name", flat=True))
    assert in_db == sorted_vietnamese(TRICKY)
    assert in_db.index("Bảy Hiền") < in_db.index("Bình Đông")
    # vi_order() on an expression without a column collation gives the same order.
    by_expression = list(
        Position.objects.order_by(vi_order("name", descending=True)).values_list("name", flat=True)
    )
    assert by_expression == list(reversed(in_db))


@pytest.mark.django_db
def test_equality_uniqueness_and_search_are_unchanged():
    Position.objects.create(name="Chủ tịch UBND")
    assert Position.objects.filter(name="Chủ tịch UBND").count() == 1
    assert Position.objects.filter(name__icontains="chủ tịch").count() == 1
    assert not Position.objects.filter(name="Chu tich UBND").exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(name="Chủ tịch UBND")
    # Different case or tone is a different position, as before the collation.
    Position.objects.create(name="Chủ Tịch UBND")
    assert Position.objects.count() == 2


@pytest.mark.django_db
def test_unit_admin_list_is_in_vietnamese_order(client_for, admin_user):
    for code, name in [
        ("1", "Phường An Hội Tây"),
        ("2", "Phường An Hội Đông"),
        ("3", "Xã An Nhơn"),
    ]:
        UnitFactory(code=code, name=name)
    client = client_for(admin_user)

    html = client.get("/admin/don-vi/").content.decode()
    found = re.findall(r"(Phường An Hội \w+|Xã An Nhơn)", html)
    assert list(dict.fromkeys(found)) == ["Phường An Hội Đông", "Phường An Hội Tây", "Xã An Nhơn"]

    html = client.get("/admin/don-vi/?ordering=-name").content.decode()
    found = re.findall(r"(Phường An Hội \w+|Xã An Nhơn)", html)
    assert list(dict.fromkeys(found)) == ["Xã An Nhơn", "Phường An Hội Tây", "Phường An Hội Đông"]


@pytest.mark.django_db
def test_person_filter_offers_department_names_in_vietnamese_order(client_for, home_affairs):
    for name in ("Văn phòng Sở", "Phòng Tổ chức, biên chế", "Phòng Đào tạo, bồi dưỡng"):
        DepartmentFactory(unit=home_affairs.person.unit, name=name)
    html = client_for(home_affairs).get("/admin/can-bo/").content.decode()
    offered = re.findall(r'<option value="(Phòng [^"]+|Văn phòng Sở)"', html)
    assert offered == ["Phòng Đào tạo, bồi dưỡng", "Phòng Tổ chức, biên chế", "Văn phòng Sở"]


@pytest.mark.django_db
def test_every_connection_knows_the_collation():
    """Raw SQL on Django's connection (SQLite: the registered Python collation; PostgreSQL: ICU)."""
    assert VI_COLLATION == "vietnamese"
    with connection.cursor() as cursor:
        sql = (
            "SELECT x FROM (SELECT 'Bình Đông' AS x UNION SELECT 'Bảy Hiền' UNION SELECT 'Anh' "
            "UNION SELECT 'An Nhơn') AS t ORDER BY x COLLATE vietnamese"
        )
        cursor.execute(sql)
        assert [r[0] for r in cursor.fetchall()] == ["An Nhơn", "Anh", "Bảy Hiền", "Bình Đông"]


@pytest.mark.django_db
def test_enrolment_filter_offers_courses_units_and_departments_in_vietnamese_order(home_affairs):
    from courses.forms import EnrolmentFilterForm
    from courses.models import CourseIndexPage, CoursePage
    from tests.conftest import site_root

    index = CourseIndexPage.objects.first() or site_root().add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    for slug, title in [("t", "Tổng quan"), ("d2", "Đảm bảo an toàn"), ("d1", "Dữ liệu cá nhân")]:
        index.add_child(
            instance=CoursePage(title=title, slug=slug, summary="-", tiet=1, estimated_minutes=45)
        )
    for code, name in [("1", "Phường Bình Đông"), ("2", "Phường Bảy Hiền")]:
        unit = UnitFactory(code=code, name=name)
        DepartmentFactory(unit=unit, name="Văn phòng")
        DepartmentFactory(unit=unit, name="Phòng Đào tạo")
        DepartmentFactory(unit=unit, name="Phòng Tài chính")

    form = EnrolmentFilterForm(user=home_affairs)
    courses = [c.title for c in form.fields["course"].queryset]
    assert courses == ["Dữ liệu cá nhân", "Đảm bảo an toàn", "Tổng quan"]
    units = [u.name for u in form.fields["unit"].queryset]
    assert units.index("Phường Bảy Hiền") < units.index("Phường Bình Đông")
    departments = [value for value, _label in form.fields["department"].choices if value]
    assert departments == sorted_vietnamese(departments)
    mine = [d for d in departments if d in {"Phòng Đào tạo", "Phòng Tài chính", "Văn phòng"}]
    assert mine == ["Phòng Đào tạo", "Phòng Tài chính", "Văn phòng"]
