"""Believable demo organisation: three wards, one commune and a city agency, with people.

Used only by `seed_demo`; refuses to run unless settings.LMS_DEMO_ALLOWED (dev and test).
"""

import random

from django.contrib.auth import get_user_model
from django.db import transaction

from . import roles
from .models import AdministrativeUnit, Department, Person, PersonPosition, Position

# Documented in the README for the demo only; production settings never allow seed_demo.
DEMO_PASSWORD = "AnToanSo@2026"  # noqa: S105

WARD_DEPARTMENTS = [
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Phòng Văn hóa - Xã hội",
    "Trung tâm Phục vụ hành chính công",
]
COMMUNE_DEPARTMENTS = [
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Trung tâm Phục vụ hành chính công",
]
AGENCY_DEPARTMENTS = ["Văn phòng Sở", "Phòng Tổ chức, biên chế", "Phòng Đào tạo, bồi dưỡng"]

POSITIONS = [
    ("Chủ tịch UBND", True),
    ("Phó Chủ tịch UBND", True),
    ("Chánh Văn phòng HĐND và UBND", True),
    ("Trưởng phòng", True),
    ("Phó Trưởng phòng", True),
    ("Giám đốc Trung tâm Phục vụ hành chính công", True),
    ("Chuyên viên", False),
    ("Chuyên viên tiếp nhận và trả kết quả", False),
    ("Cán bộ đầu mối an toàn thông tin", False),
    ("Văn thư - Lưu trữ", False),
    ("Nhân viên hợp đồng", False),
]

# (unit code, people count); codes are official codes from vietnam-provinces (province 79).
DEMO_UNITS = [("26740", 14), ("27343", 12), ("26743", 10), ("27664", 8), ("SNV", 6)]

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE_F = ["Thị", "Ngọc", "Thanh", "Thu", "Kim", "Minh", "Bảo", "Mỹ"]
MIDDLE_M = ["Văn", "Minh", "Quốc", "Đức", "Hữu", "Thanh", "Công", "Hoàng"]
GIVEN_F = [
    "Lan",
    "Hương",
    "Mai",
    "Thảo",
    "Trang",
    "Hạnh",
    "Yến",
    "Nhung",
    "Phương",
    "Ánh",
    "Ngân",
    "Vy",
    "Diễm",
    "Hòa",
]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hùng",
    "Khoa",
    "Long",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Tuấn",
    "Việt",
    "Đạt",
]

# One account per role, for the README's demo logins.
ROLE_ACCOUNTS = [
    (
        "hocvien",
        "Nguyễn Thị Mai",
        "26740",
        "Trung tâm Phục vụ hành chính công",
        ["Chuyên viên tiếp nhận và trả kết quả"],
        roles.LEARNER,
    ),
    (
        "giangvien",
        "Lê Hoàng Long",
        "SNV",
        "Phòng Đào tạo, bồi dưỡng",
        ["Chuyên viên"],
        roles.TRAINER,
    ),
    (
        "phutrach.saigon",
        "Phạm Minh Tuấn",
        "26740",
        "Văn phòng HĐND và UBND",
        ["Chánh Văn phòng HĐND và UBND", "Cán bộ đầu mối an toàn thông tin"],
        roles.UNIT_MANAGER,
    ),
    (
        "phutrach.cholon",
        "Võ Thị Hạnh",
        "27343",
        "Văn phòng HĐND và UBND",
        ["Chuyên viên", "Cán bộ đầu mối an toàn thông tin"],
        roles.UNIT_MANAGER,
    ),
    (
        "sonoivu",
        "Đặng Quốc Việt",
        "SNV",
        "Phòng Tổ chức, biên chế",
        ["Trưởng phòng"],
        roles.HOME_AFFAIRS,
    ),
    ("quantri", "Huỳnh Văn Tài", "SNV", "Văn phòng Sở", ["Chuyên viên"], roles.ADMINISTRATOR),
]


def _name(rng):
    if rng.random() < 0.55:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"


def _set_positions(person, position_names, positions):
    PersonPosition.objects.filter(person=person).delete()
    PersonPosition.objects.bulk_create(
        PersonPosition(person=person, position=positions[name], is_primary=i == 0)
        for i, name in enumerate(position_names)
    )


def _upsert_person(code, full_name, unit, department, position_names, positions, role, password):
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=code.lower())
    user.email = f"{code.lower()}@demo.tphcm.gov.vn"
    user.is_superuser = user.is_staff = role == roles.ADMINISTRATOR
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.set([roles.group_for(role)])
    person, _ = Person.objects.update_or_create(
        employee_code=code.upper(),
        defaults={"user": user, "full_name": full_name, "unit": unit, "department": department},
    )
    _set_positions(person, position_names, positions)
    return person


@transaction.atomic
def seed(stdout):
    rng = random.Random(79)  # noqa: S311 - deterministic demo names
    positions = {}
    for name, leader in POSITIONS:
        positions[name], _ = Position.objects.update_or_create(
            name=name, defaults={"is_leader": leader}
        )

    units = {
        u.code: u for u in AdministrativeUnit.objects.filter(code__in=[c for c, _ in DEMO_UNITS])
    }
    missing = [c for c, _ in DEMO_UNITS if c not in units]
    if missing:
        raise RuntimeError(
            f"Chưa nạp đơn vị {', '.join(missing)}: chạy `manage.py load_units` trước."
        )

    departments = {}
    for code, _ in DEMO_UNITS:
        unit = units[code]
        if unit.kind == "co_quan":
            names = AGENCY_DEPARTMENTS
        elif unit.kind == "xa":
            names = COMMUNE_DEPARTMENTS
        else:
            names = WARD_DEPARTMENTS
        for name in names:
            departments[(code, name)], _ = Department.objects.get_or_create(unit=unit, name=name)

    for username, full_name, unit_code, dept, pos, role in ROLE_ACCOUNTS:
        _upsert_person(
            username,
            full_name,
            units[unit_code],
            departments[(unit_code, dept)],
            pos,
            positions,
            role,
            DEMO_PASSWORD,
        )

    staff_positions = [
        "Chuyên viên",
        "Chuyên viên tiếp nhận và trả kết quả",
        "Văn thư - Lưu trữ",
        "Nhân viên hợp đồng",
        "Phó Trưởng phòng",
    ]
    count = 0
    for code, how_many in DEMO_UNITS:
        unit_departments = [d for (c, _), d in departments.items() if c == code]
        for i in range(how_many):
            employee_code = f"{code}-{i + 1:03d}"
            held = [rng.choice(staff_positions)]
            if i == 0 and unit_departments[0].unit.kind != "co_quan":
                held = ["Chủ tịch UBND"]
            elif i == 1 and unit_departments[0].unit.kind != "co_quan":
                held = ["Phó Chủ tịch UBND", "Trưởng phòng"]  # kiêm nhiệm
            _upsert_person(
                employee_code,
                _name(rng),
                units[code],
                rng.choice(unit_departments),
                held,
                positions,
                roles.LEARNER,
                None,
            )
            count += 1
    stdout.write(
        f"Tổ chức: {len(ROLE_ACCOUNTS)} tài khoản vai trò, {count} cán bộ mẫu ở {len(DEMO_UNITS)} đơn vị."
    )
