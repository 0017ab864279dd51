"""Roles are fixed codes keyed by permissions (org.role_*), never by group names an
administrator can rename."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from lms.org import roles
from lms.org.access import visible_units
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    """Roles are cached on the user object for a request; a new request reloads the user."""
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def renamed(db):
    """Every group renamed, as an administrator may do in the Wagtail group editor."""
    for group in Group.objects.all():
        group.name = f"Nhóm đổi tên {group.pk}"
        group.save()
    return Group.objects.all()


def test_every_role_still_works_after_every_group_is_renamed(
    learner, trainer, manager_a, home_affairs, ward_a, ward_b, client_for, renamed
):
    assert not Group.objects.filter(name__in=roles.ROLE_LABELS.values()).exists()
    for user, role in [
        (learner, roles.LEARNER),
        (trainer, roles.TRAINER),
        (manager_a, roles.UNIT_MANAGER),
        (home_affairs, roles.HOME_AFFAIRS),
    ]:
        assert roles.has_role(fresh(user), role), role
        assert roles.role_codes(fresh(user)) == {role}
    # Scope: the unit manager sees their ward, Sở Nội vụ every unit, the learner none.
    assert list(visible_units(fresh(manager_a))) == [ward_a]
    assert {ward_a, ward_b} <= set(visible_units(fresh(home_affairs)))
    assert not visible_units(fresh(learner)).exists()
    # After login: staff land in the admin, learners on their courses.
    for user, target in [(trainer, "/admin/"), (manager_a, "/admin/"), (learner, "/hoc-tap/")]:
        response = client_for(user).get(reverse("accounts:after-login"))
        assert response["Location"].startswith(target), (user, response["Location"])
    # The unit manager's people list still opens, scoped to ward A.
    response = client_for(manager_a).get(reverse("can-bo:index"))
    assert response.status_code == 200
    assert "Nguyễn Thị Mai" in response.content.decode()


def test_administrator_role_survives_renaming(renamed, ward_a, ward_b):
    administrator = UserFactory(username="quantri_doi_ten", roles=[roles.ADMINISTRATOR])
    assert roles.has_role(fresh(administrator), roles.ADMINISTRATOR)
    assert {ward_a, ward_b} <= set(visible_units(fresh(administrator)))


def test_a_group_named_like_a_role_grants_nothing(db, ward_a):
    """A group that merely carries a role's name (or code) is not that role."""
    impostor = Group.objects.create(name=roles.UNIT_MANAGER)
    lookalike = Group.objects.create(name="Sở Nội vụ (mới)")
    user = UserFactory(username="gia_danh")
    user.groups.add(impostor, lookalike)
    assert roles.role_codes(fresh(user)) == frozenset()
    assert not visible_units(fresh(user)).exists()


def test_granting_the_role_permission_to_another_group_makes_its_members_holders(db, ward_a):
    reviewers = Group.objects.create(name="Tổ thẩm định nội dung")
    reviewers.permissions.add(
        Permission.objects.get(content_type__app_label="org", codename="role_home_affairs")
    )
    user = UserFactory(username="thamdinh")
    user.groups.add(reviewers)
    assert roles.has_role(fresh(user), roles.HOME_AFFAIRS)
    assert ward_a in visible_units(fresh(user))


def test_role_groups_keep_their_vietnamese_names_and_are_found_by_permission(db):
    for role, label in roles.ROLE_LABELS.items():
        group = roles.group_for(role)
        assert group.name == str(label)
        assert group.permissions.filter(codename=f"role_{role}").exists()


def test_roles_cost_one_query_cached_per_request(learner, django_assert_num_queries):
    user = fresh(learner)
    with django_assert_num_queries(1):
        for _ in range(5):
            assert roles.has_role(user, roles.LEARNER)
            assert not roles.has_role(user, roles.TRAINER, roles.HOME_AFFAIRS)


def test_personas_get_their_role_back_after_a_flush_removed_the_groups():
    """A transactional test's flush can leave the database without the migrated role groups;
    the user factory puts them back (names and permissions from the migrations)."""
    Group.objects.all().delete()
    Permission.objects.filter(codename__startswith="role_").delete()
    user = UserFactory(username="sau_flush", roles=[roles.TRAINER])
    user = type(user).objects.get(pk=user.pk)
    assert roles.has_role(user, roles.TRAINER)
    assert not roles.has_role(user, roles.HOME_AFFAIRS)
    assert roles.group_for(roles.TRAINER).name == "Giảng viên"
