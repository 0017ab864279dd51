"""The one visibility function: who may see which units and people."""

import pytest
from django.http import Http404

from lms.org.access import get_person_for_user, visible_people, visible_units
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_unit_manager_sees_only_own_ward(manager_a, ward_a, ward_b):
    assert list(visible_units(manager_a)) == [ward_a]
    PersonFactory(unit=ward_b)
    assert all(p.unit_id == ward_a.pk for p in visible_people(manager_a))


def test_unit_manager_gets_404_for_other_wards_person(manager_a, learner_b):
    with pytest.raises(Http404):
        get_person_for_user(manager_a, learner_b.person.pk)


def test_unit_manager_gets_own_wards_person(manager_a, learner):
    assert get_person_for_user(manager_a, learner.person.pk) == learner.person


def test_home_affairs_and_superuser_see_every_unit(home_affairs, admin_user, ward_a, ward_b):
    for user in (home_affairs, admin_user):
        assert {ward_a, ward_b} <= set(visible_units(user))


def test_learner_and_trainer_see_no_unit(learner, trainer):
    assert not visible_units(learner).exists()
    assert not visible_units(trainer).exists()


def test_anonymous_and_inactive_see_nothing(ward_a):
    from django.contrib.auth.models import AnonymousUser

    assert not visible_units(AnonymousUser()).exists()
    inactive = UserFactory(is_active=False, is_superuser=True)
    assert not visible_units(inactive).exists()


def test_unit_manager_without_person_sees_nothing():
    from lms.org import roles

    lonely = UserFactory(roles=[roles.UNIT_MANAGER])
    assert not visible_units(lonely).exists()


def test_bad_pk_is_404(manager_a):
    with pytest.raises(Http404):
        get_person_for_user(manager_a, "abc")
