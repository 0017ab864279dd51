"""factory_boy factories shared by the whole suite."""

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
            self.groups.add(*role_codes.groups_for(extracted))
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
