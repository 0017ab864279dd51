"""factory_boy factories shared by the whole suite."""

import importlib

import factory

from lms.accounts.models import User
from lms.org import roles as role_codes
from lms.org.models import (
    AdministrativeUnit,
    Department,
    Person,
    PersonPosition,
    Position,
    UnitKind,
)

DEFAULT_PASSWORD = "mat-khau-thu-nghiem-1"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"9{n:04d}")
    name = factory.Sequence(lambda n: f"Phường Thử Nghiệm {n}")
    kind = UnitKind.WARD


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("unit", "name")

    unit = factory.SubFactory(UnitFactory)
    name = "Văn phòng HĐND và UBND"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position
        django_get_or_create = ("name",)

    name = "Công chức Văn phòng - Thống kê"


def restore_role_groups():
    """Put back the five role groups with their role permission (migration org 0003) and the
    permissions org 0002 grants that still exist, after a transactional test's flush removed
    them. The groups' names and permission lists come from those migrations."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    granted = importlib.import_module("lms.org.migrations.0002_roles").ROLES
    labels = importlib.import_module("lms.org.migrations.0003_role_permissions").ROLE_GROUPS
    for label in ("org", "accounts", "auth"):
        create_permissions(apps.get_app_config(label), verbosity=0)
    for codename, name in labels.items():
        group, _created = Group.objects.get_or_create(name=name)
        codes = [code.split(".") for code in granted.get(name, [])] + [("org", codename)]
        for app_label, perm in codes:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=perm
            ).first()
            if permission is not None:
                group.permissions.add(permission)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@tphcm.gov.vn")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            groups = list(role_codes.groups_for(extracted))
            if len(groups) < len(set(extracted)):
                restore_role_groups()
                groups = list(role_codes.groups_for(extracted))
            self.groups.add(*groups)
        if create:
            self.save()


_NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Minh Châu",
    "Phạm Quốc Dũng",
    "Hoàng Thị Giang",
    "Võ Thanh Hải",
    "Đặng Ngọc Hân",
    "Bùi Đức Khang",
    "Đỗ Thị Lan",
    "Huỳnh Văn Minh",
]


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: _NAMES[n % len(_NAMES)])
    employee_code = factory.Sequence(lambda n: f"CB{n:06d}")
    unit = factory.SubFactory(UnitFactory)
    department = factory.LazyAttribute(lambda p: DepartmentFactory(unit=p.unit))

    @factory.post_generation
    def positions(self, create, extracted, **kwargs):
        if not create:
            return
        for index, position in enumerate(extracted or []):
            PersonPosition.objects.create(person=self, position=position, is_primary=index == 0)
