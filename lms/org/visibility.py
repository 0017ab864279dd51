"""Scope before query: the one place that says which units a user may see.

Every staff view and API call filters through `visible_units()` (or the helpers built on it).
Anything outside the scope is answered with 404, never with an empty page, so that counts and
names of other units do not leak.
"""

from django.http import Http404

from .models import AdministrativeUnit, Person
from .roles import CITY_WIDE_ROLES, UNIT_MANAGER, has_role


def visible_units(user):
    """The units whose people and results `user` may see."""
    units = AdministrativeUnit.objects.all()
    if not user.is_authenticated or not user.is_active:
        return units.none()
    if user.is_superuser or has_role(user, *CITY_WIDE_ROLES):
        return units
    if has_role(user, UNIT_MANAGER):
        person = Person.objects.filter(user=user).only("unit_id").first()
        if person is not None:
            return units.filter(pk=person.unit_id)
    return units.none()


def visible_people(user):
    return Person.objects.filter(unit__in=visible_units(user))


def can_see_unit(user, unit_id):
    return visible_units(user).filter(pk=unit_id).exists()


def get_person_for_user(user, pk):
    """The person `pk` if `user` may see them, else 404."""
    try:
        return visible_people(user).get(pk=pk)
    except (Person.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
