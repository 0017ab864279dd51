"""The organisation in the Wagtail admin: every list and object view scoped to visible units."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from lms.org import roles
from lms.org.models import Department, Person, PersonPosition
from lms.org.views import accent_insensitive_pattern
from tests.factories import DepartmentFactory, PersonFactory, PositionFactory, UnitFactory


@pytest.fixture
def people(ward_a, ward_b, learner, learner_b):
    """A few people in each ward, with departments and positions (kiêm nhiệm)."""
    chair = PositionFactory(name="Chủ tịch UBND", is_leader=True)
    clerk = PositionFactory(name="Công chức Văn phòng - Thống kê")
    a_office = DepartmentFactory(unit=ward_a, name="Văn phòng HĐND và UBND")
    b_economy = DepartmentFactory(unit=ward_b, name="Phòng Kinh tế Chợ Lớn")
    a1 = PersonFactory(
        unit=ward_a, department=a_office, full_name="Đỗ Thị Lan", positions=[clerk, chair]
    )
    b1 = PersonFactory(
        unit=ward_b, department=b_economy, full_name="Huỳnh Văn Khánh", positions=[chair]
    )
    return {"a": a1, "b": b1}


def person_url(action, person):
    return reverse(f"can-bo:{action}", args=[person.pk])


# --- Access ---------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, people):
    response = client.get(reverse("can-bo:index"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_learner_cannot_enter_the_admin(client_for, learner, people):
    client = client_for(learner)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    response = client.get(reverse("can-bo:index"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != reverse("can-bo:index")
    assert "Đỗ Thị Lan" not in response.content.decode()


def test_trainer_without_org_permissions_is_forbidden(client_for, trainer, people):
    response = client_for(trainer).get(reverse("can-bo:index"))
    assert response.status_code in (302, 403)
    assert "Đỗ Thị Lan" not in response.content.decode()


# --- Scoping for a unit manager --------------------------------------------------------------


def test_unit_manager_lists_only_their_ward(client_for, manager_a, people):
    response = client_for(manager_a).get(reverse("can-bo:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đỗ Thị Lan" in html
    assert "Nguyễn Thị Mai" in html  # the ward A learner
    assert "Huỳnh Văn Khánh" not in html
    assert "Trần Văn Bảo" not in html  # the ward B learner
    assert "Phường Chợ Lớn" not in html  # not even as a filter choice
    assert "Phòng Kinh tế Chợ Lớn" not in html


def test_unit_manager_sees_positions_primary_first(client_for, manager_a, people):
    html = client_for(manager_a).get(reverse("can-bo:index")).content.decode()
    assert "Công chức Văn phòng - Thống kê (chính), Chủ tịch UBND" in html


@pytest.mark.parametrize("action", ["inspect", "edit", "delete", "history", "usage"])
def test_unit_manager_gets_404_for_other_ward_person(client_for, manager_a, people, action):
    response = client_for(manager_a).get(person_url(action, people["b"]))
    assert response.status_code == 404
    assert "Huỳnh Văn Khánh" not in response.content.decode()


def test_unit_manager_can_inspect_own_ward_person(client_for, manager_a, people):
    response = client_for(manager_a).get(person_url("inspect", people["a"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đỗ Thị Lan" in html
    assert "Văn phòng HĐND và UBND" in html
    assert "Công chức Văn phòng - Thống kê (chính)" in html
    assert "<dd> Có </dd>" in " ".join(html.split())


def test_unit_manager_cannot_edit_even_own_ward(client_for, manager_a, people):
    response = client_for(manager_a).get(person_url("edit", people["a"]))
    assert response.status_code in (302, 403)
    response = client_for(manager_a).post(person_url("edit", people["a"]), {"full_name": "X"})
    assert response.status_code in (302, 403)
    people["a"].refresh_from_db()
    assert people["a"].full_name == "Đỗ Thị Lan"


def test_unit_manager_filtering_by_other_ward_shows_nothing_of_it(
    client_for, manager_a, people, ward_b
):
    response = client_for(manager_a).get(reverse("can-bo:index"), {"unit": ward_b.pk})
    html = response.content.decode()
    assert "Huỳnh Văn Khánh" not in html
    assert "Phường Chợ Lớn" not in html


def test_unit_manager_sees_only_own_unit_and_departments(client_for, manager_a, people, ward_b):
    client = client_for(manager_a)
    units = client.get(reverse("don-vi:index")).content.decode()
    assert "Phường Sài Gòn" in units and "Phường Chợ Lớn" not in units
    assert client.get(reverse("don-vi:inspect", args=[ward_b.pk])).status_code == 404
    departments = client.get(reverse("phong-ban:index")).content.decode()
    assert "Văn phòng HĐND và UBND" in departments
    assert "Phòng Kinh tế Chợ Lớn" not in departments
    other = Department.objects.get(name="Phòng Kinh tế Chợ Lớn")
    assert client.get(reverse("phong-ban:inspect", args=[other.pk])).status_code == 404


def test_manager_b_gets_404_on_ward_a(client_for, manager_b, people):
    response = client_for(manager_b).get(person_url("inspect", people["a"]))
    assert response.status_code == 404


# --- City-wide roles ----------------------------------------------------------------------------


def test_home_affairs_sees_every_ward_sorted_the_vietnamese_way(client_for, home_affairs, people):
    html = client_for(home_affairs).get(reverse("can-bo:index")).content.decode()
    # Given names: Bảo < Khánh < Lan < Mai < Tuấn < Việt … (not code-point order of family names)
    order = [
        html.index(name)
        for name in ("Trần Văn Bảo", "Huỳnh Văn Khánh", "Đỗ Thị Lan", "Nguyễn Thị Mai")
    ]
    assert order == sorted(order)


def test_accent_insensitive_search(client_for, home_affairs, people):
    client = client_for(home_affairs)
    for query in ("huynh khanh", "KHANH HUỲNH", "khánh", "do thi"):
        html = client.get(reverse("can-bo:index"), {"q": query}).content.decode()
        assert ("Huỳnh Văn Khánh" in html) == (query != "do thi"), query
    html = client.get(reverse("can-bo:index"), {"q": "do thi"}).content.decode()
    assert "Đỗ Thị Lan" in html and "Nguyễn Thị Mai" not in html


def test_search_pattern_escapes_regex_characters():
    pattern = accent_insensitive_pattern("a.b (c)")
    assert r"\." in pattern and r"\(" in pattern


def test_search_by_unit_manager_stays_in_scope(client_for, manager_a, people):
    html = client_for(manager_a).get(reverse("can-bo:index"), {"q": "khanh"}).content.decode()
    assert "Huỳnh Văn Khánh" not in html


def test_home_affairs_edits_a_person_and_positions(client_for, home_affairs, people, ward_b):
    person = people["a"]
    chair = PositionFactory(name="Chủ tịch UBND")
    clerk = PositionFactory(name="Công chức Văn phòng - Thống kê")
    department = Department.objects.get(name="Phòng Kinh tế Chợ Lớn")
    response = client_for(home_affairs).post(
        person_url("edit", person),
        {
            "full_name": "Đỗ  Thị Lan Anh",
            "employee_code": person.employee_code,
            "email": "lananh@tphcm.gov.vn",
            "unit": ward_b.pk,
            "department": department.pk,
            "primary_position": chair.pk,
            "other_positions": [clerk.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person.refresh_from_db()
    assert person.full_name == "Đỗ Thị Lan Anh"
    assert person.unit == ward_b and person.department == department
    assert person.user.email == "lananh@tphcm.gov.vn"
    assert list(
        person.held_positions.order_by("-is_primary").values_list("position__name", "is_primary")
    ) == [("Chủ tịch UBND", True), ("Công chức Văn phòng - Thống kê", False)]


def test_person_form_refuses_department_of_another_unit(client_for, home_affairs, people, ward_a):
    person = people["a"]
    other = Department.objects.get(name="Phòng Kinh tế Chợ Lớn")
    response = client_for(home_affairs).post(
        person_url("edit", person),
        {
            "full_name": person.full_name,
            "employee_code": person.employee_code,
            "email": "",
            "unit": ward_a.pk,
            "department": other.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "không thuộc đơn vị" in response.content.decode()
    person.refresh_from_db()
    assert person.department.name == "Văn phòng HĐND và UBND"


def test_home_affairs_creates_a_person_with_an_account(client_for, home_affairs, people, ward_a):
    clerk = PositionFactory(name="Công chức Văn phòng - Thống kê")
    response = client_for(home_affairs).post(
        reverse("can-bo:add"),
        {
            "full_name": "Phan Thanh Tâm",
            "employee_code": "CB777",
            "email": "tam@tphcm.gov.vn",
            "unit": ward_a.pk,
            "department": "",
            "primary_position": clerk.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person = Person.objects.get(employee_code="CB777")
    assert person.user.username == "cb777"
    assert not person.user.has_usable_password()
    assert person.user.groups.filter(name="Học viên").exists()
    assert person.primary_position == clerk


def test_edit_post_without_csrf_token_is_rejected(home_affairs, people):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(home_affairs, backend="django.contrib.auth.backends.ModelBackend")
    person = people["a"]
    response = client.post(
        person_url("edit", person),
        {
            "full_name": "Bị giả mạo",
            "employee_code": person.employee_code,
            "unit": person.unit_id,
        },
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.full_name == "Đỗ Thị Lan"


def test_unit_edit_keeps_name_history(client_for, admin_user, ward_a):
    response = client_for(admin_user).post(
        reverse("don-vi:edit", args=[ward_a.pk]),
        {
            "code": "99999",  # ignored: the official code never changes
            "name": "Phường Sài Gòn Mới",
            "kind": ward_a.kind,
            "is_active": "on",
            "valid_from": "",
            "valid_to": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    ward_a.refresh_from_db()
    assert ward_a.name == "Phường Sài Gòn Mới"
    assert ward_a.code == "26734"
    assert list(ward_a.name_history.values_list("old_name", "new_name")) == [
        ("Phường Sài Gòn", "Phường Sài Gòn Mới")
    ]


def test_organisation_menu_is_shown_to_home_affairs(client_for, home_affairs):
    html = client_for(home_affairs).get("/admin/").content.decode()
    # The sidebar is a JSON blob; labels may be \u-escaped, URLs are plain.
    assert "/admin/can-bo/" in html
    assert "/admin/nhap-can-bo/" in html


def test_import_menu_is_hidden_from_unit_managers(client_for, manager_a):
    html = client_for(manager_a).get("/admin/").content.decode()
    assert "/admin/can-bo/" in html
    assert "/admin/nhap-can-bo/" not in html


# --- Query counts ----------------------------------------------------------------------------


def _populate(unit, count):
    departments = [DepartmentFactory(unit=unit, name=f"Phòng {i}") for i in range(3)]
    positions = [PositionFactory(name=f"Chức danh {i}") for i in range(3)]
    for i in range(count):
        person = PersonFactory(unit=unit, department=departments[i % 3])
        PersonPosition.objects.create(person=person, position=positions[i % 3], is_primary=True)
        PersonPosition.objects.create(person=person, position=positions[(i + 1) % 3])


@pytest.mark.parametrize("count", [10, 200])
def test_people_list_query_count_does_not_grow(
    client_for, home_affairs, ward_a, count, django_assert_max_num_queries
):
    _populate(ward_a, count)
    client = client_for(home_affairs)
    client.get(reverse("can-bo:index"))  # warm caches (content types, site)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("can-bo:index"), {"ordering": "name_sort_key"})
    assert response.status_code == 200
    assert "Chức danh 0 (chính)" in response.content.decode()


@pytest.mark.parametrize("count", [10, 200])
def test_units_list_query_count_does_not_grow(
    client_for, home_affairs, count, django_assert_max_num_queries
):
    for i in range(count):
        UnitFactory(code=f"8{i:04d}", name=f"Phường Số {i}")
    client = client_for(home_affairs)
    client.get(reverse("don-vi:index"))
    with django_assert_max_num_queries(13):
        response = client.get(reverse("don-vi:index"))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_departments_list_query_count_does_not_grow(
    client_for, home_affairs, ward_a, count, django_assert_max_num_queries
):
    for i in range(count):
        DepartmentFactory(unit=ward_a, name=f"Phòng {i}")
    client = client_for(home_affairs)
    client.get(reverse("phong-ban:index"))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("phong-ban:index"))
    assert response.status_code == 200


def test_people_list_costs_the_same_for_10_and_200_people(client_for, manager_a, ward_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(manager_a)
    # The factory's names cycle with a suite-wide sequence: one match is made here, so that both
    # sizes list rows whatever ran before.
    PersonFactory(unit=ward_a, full_name="Nguyễn Văn Tâm")
    counts = []
    for total in (10, 200):
        _populate(ward_a, total - Person.objects.filter(unit=ward_a).count())
        client.get(reverse("can-bo:index"))
        with CaptureQueriesContext(connection) as queries:
            html = client.get(reverse("can-bo:index"), {"q": "Nguyễn"}).content.decode()
        counts.append(len(queries))
        assert "Nguyễn Văn Tâm" in html
    assert counts[0] == counts[1], counts


def test_unit_manager_without_person_sees_nothing(client_for, db, ward_a, people):
    from tests.factories import UserFactory

    orphan_manager = UserFactory(username="phutrach_mo_coi", roles=[roles.UNIT_MANAGER])
    response = client_for(orphan_manager).get(reverse("can-bo:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đỗ Thị Lan" not in html and "Huỳnh Văn Khánh" not in html


def test_view_permission_is_what_unit_managers_hold(db):
    assert (
        Permission.objects.filter(
            group__name="Cán bộ phụ trách đơn vị", codename="change_person"
        ).count()
        == 0
    )


def test_person_forms_render_for_home_affairs(client_for, home_affairs, people):
    client = client_for(home_affairs)
    add = client.get(reverse("can-bo:add"))
    assert add.status_code == 200
    html = add.content.decode()
    assert "Chức danh chính" in html and "Chức danh kiêm nhiệm" in html
    assert "Phường Chợ Lớn – Phòng Kinh tế Chợ Lớn" in html
    edit = client.get(person_url("edit", people["b"]))
    assert edit.status_code == 200
    assert 'value="Huỳnh Văn Khánh"' in edit.content.decode()


def test_wrong_method_on_person_inspect_is_405(client_for, home_affairs, people):
    response = client_for(home_affairs).post(person_url("inspect", people["a"]))
    assert response.status_code == 405


def test_superuser_adds_a_unit_with_its_code(client_for, admin_user):
    response = client_for(admin_user).post(
        reverse("don-vi:add"),
        {"code": "SVHTT", "name": "Sở Văn hóa và Thể thao", "kind": "co_quan", "is_active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from lms.org.models import AdministrativeUnit

    assert AdministrativeUnit.objects.get(code="SVHTT").name == "Sở Văn hóa và Thể thao"
