"""Names sort the Vietnamese way: given name, then family name, with Vietnamese letter order."""

import pytest

from lms.lib.vietnamese import fold_accents, name_sort_key, split_name
from lms.org.models import Person
from tests.factories import PersonFactory


def test_split_name_family_first():
    assert split_name("  Nguyễn  Thị   Minh Khai ") == ("Nguyễn", "Thị Minh", "Khai")
    assert split_name("Hùng") == ("", "", "Hùng")


def test_sort_by_given_name_then_family_name():
    names = ["Trần Văn Bình", "Lê Thị An", "Nguyễn Văn An", "Đỗ Minh Đức", "Võ Văn Dũng"]
    assert sorted(names, key=name_sort_key) == [
        "Lê Thị An",
        "Nguyễn Văn An",
        "Trần Văn Bình",
        "Võ Văn Dũng",
        "Đỗ Minh Đức",
    ]


def test_vietnamese_letters_and_tones_order():
    # a < ă < â ; d < đ ; o < ô < ơ ; tones: ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted(["Ân", "Ăn", "An"], key=name_sort_key) == ["An", "Ăn", "Ân"]
    assert sorted(["Đan", "Dan"], key=name_sort_key) == ["Dan", "Đan"]
    assert sorted(["Hợi", "Hội", "Hoi"], key=name_sort_key) == ["Hoi", "Hội", "Hợi"]
    assert sorted(["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"], key=name_sort_key) == [
        "Ha",
        "Hà",
        "Hả",
        "Hã",
        "Há",
        "Hạ",
    ]


def test_fold_accents():
    assert fold_accents("Đặng Thị Ngọc Hân") == "Dang Thi Ngoc Han"


@pytest.mark.django_db
def test_people_queryset_sorts_in_the_database():
    for name in ["Trần Văn Bình", "Lê Thị An", "Đỗ Minh Đức", "Nguyễn Văn An"]:
        PersonFactory(full_name=name)
    assert list(Person.objects.sorted_vietnamese().values_list("full_name", flat=True)) == [
        "Lê Thị An",
        "Nguyễn Văn An",
        "Trần Văn Bình",
        "Đỗ Minh Đức",
    ]
