"""The people import (lms.org.importing) and its management command: all-or-nothing."""

import io
import random
import zipfile

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from lms.accounts.models import User
from lms.org import roles
from lms.org.importing import (
    HEADERS,
    ImportFileError,
    ImportRejected,
    import_people,
    plan_import,
    template_workbook,
)
from lms.org.models import Person, PersonPosition, Position
from tests.factories import DepartmentFactory, PersonFactory, PositionFactory, UnitFactory

VP = "Văn phòng HĐND và UBND"
KT = "Phòng Kinh tế"


@pytest.fixture
def catalogue(ward_a, ward_b):
    DepartmentFactory(unit=ward_a, name=VP)
    DepartmentFactory(unit=ward_a, name=KT)
    DepartmentFactory(unit=ward_b, name=KT)
    PositionFactory(name="Công chức Văn phòng - Thống kê")
    PositionFactory(name="Chủ tịch UBND")
    return {"a": ward_a, "b": ward_b}


def csv_bytes(rows, delimiter=",", bom=False, headers=HEADERS):
    lines = [delimiter.join(headers)] + [delimiter.join(row) for row in rows]
    data = "\r\n".join(lines).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run(data, name="can-bo.csv", user=None):
    return import_people(io.BytesIO(data), name, user=user)


GOOD = [
    [
        "Nguyễn Thị Mai",
        "CB001",
        "ntmai@tphcm.gov.vn",
        "26734",
        VP,
        "Công chức Văn phòng - Thống kê; Chủ tịch UBND",
    ],
    ["Trần Văn Bảo", "CB002", "", "27004", KT, ""],
    ["  Lê   Minh Châu ", "CB003", "LMCHAU@TPHCM.GOV.VN", "26734", "", "Cán bộ Địa chính"],
]


def _assert_good_people_imported(ward_a, ward_b):
    assert Person.objects.count() == 3
    mai = Person.objects.select_related("user", "unit", "department").get(employee_code="CB001")
    assert mai.full_name == "Nguyễn Thị Mai"
    assert mai.unit == ward_a and mai.department.name == VP
    assert mai.user.username == "cb001"
    assert mai.user.email == "ntmai@tphcm.gov.vn"
    assert not mai.user.has_usable_password()
    assert roles.has_role(mai.user, roles.LEARNER)
    assert mai.primary_position.name == "Công chức Văn phòng - Thống kê"
    assert sorted(mai.positions.values_list("name", flat=True)) == [
        "Chủ tịch UBND",
        "Công chức Văn phòng - Thống kê",
    ]
    bao = Person.objects.get(employee_code="CB002")
    assert bao.unit == ward_b and bao.positions.count() == 0
    chau = Person.objects.get(employee_code="CB003")
    assert chau.full_name == "Lê Minh Châu"  # spaces cleaned
    assert chau.department is None
    assert chau.user.email == "LMCHAU@tphcm.gov.vn"  # domain lower-cased
    # The unknown position was created (the position list is shared by all units).
    assert chau.primary_position.name == "Cán bộ Địa chính"
    assert chau.name_sort_key  # sortable the Vietnamese way


@pytest.mark.parametrize("bom", [True, False], ids=["with-bom", "without-bom"])
def test_csv_import_creates_people_accounts_and_positions(catalogue, bom):
    result = run(csv_bytes(GOOD, bom=bom))

    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    assert result.positions_created == 1
    _assert_good_people_imported(catalogue["a"], catalogue["b"])


def test_csv_with_semicolons_and_quoted_positions(catalogue):
    rows = [[f'"{v}"' if ";" in v else v for v in row] for row in GOOD]
    result = run(csv_bytes(rows, delimiter=";", bom=True))

    assert result.created == 3
    _assert_good_people_imported(catalogue["a"], catalogue["b"])


def test_xlsx_import_with_numeric_cells_blank_rows_and_extra_columns(catalogue):
    headers = ["STT", *[f"  {h.upper()} " for h in HEADERS], "Ghi chú"]
    rows = [[i + 1, *row, "x"] for i, row in enumerate(GOOD)]
    rows[0][4] = 26734  # Excel keeps codes as numbers
    rows.insert(1, [None] * 8)  # a blank line in the middle
    result = run(xlsx_bytes(rows, headers=headers), "danh-sach.xlsx")

    assert result.created == 3
    _assert_good_people_imported(catalogue["a"], catalogue["b"])


def test_xlsx_is_recognised_by_content_even_when_named_csv(catalogue):
    result = run(xlsx_bytes(GOOD), "nham-duoi.csv")
    assert result.created == 3


def test_headers_tolerate_case_spaces_and_missing_accents(catalogue):
    headers = ["ho va ten", "MÃ  CÁN BỘ", "email", "Ma don vi", "phòng ban ", "Chuc danh"]
    assert run(csv_bytes(GOOD, headers=headers)).created == 3


def test_unit_code_with_leading_zero_matches(catalogue):
    rows = [["Nguyễn Văn An", "CB010", "", "026734", VP, ""]]
    run(csv_bytes(rows))
    assert Person.objects.get(employee_code="CB010").unit == catalogue["a"]


def test_reimport_updates_people_in_place(catalogue):
    run(csv_bytes(GOOD))
    mai = Person.objects.get(employee_code="CB001")
    ids = {p.employee_code: (p.pk, p.user_id) for p in Person.objects.all()}

    changed = [
        ["Nguyễn Thị Mai Anh", "CB001", "mai.anh@tphcm.gov.vn", "27004", KT, "Chủ tịch UBND"],
        GOOD[1],
        GOOD[2],
    ]
    result = run(csv_bytes(changed))

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert Person.objects.count() == 3
    assert User.objects.filter(username__startswith="cb").count() == 3
    assert {p.employee_code: (p.pk, p.user_id) for p in Person.objects.all()} == ids
    mai.refresh_from_db()
    assert mai.full_name == "Nguyễn Thị Mai Anh"
    assert mai.unit == catalogue["b"] and mai.department.name == KT
    assert mai.user.email == "mai.anh@tphcm.gov.vn"
    assert list(mai.held_positions.values_list("position__name", "is_primary")) == [
        ("Chủ tịch UBND", True)
    ]


def test_reimporting_the_same_file_changes_nothing(catalogue):
    data = xlsx_bytes(GOOD)
    run(data, "a.xlsx")
    result = run(data, "a.xlsx")
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert Person.objects.count() == 3
    assert PersonPosition.objects.count() == 3


def test_swapping_primary_position_is_an_update(catalogue):
    run(csv_bytes(GOOD[:1]))
    swapped = [GOOD[0][:5] + ["Chủ tịch UBND; Công chức Văn phòng - Thống kê"]]
    assert run(csv_bytes(swapped)).updated == 1
    assert Person.objects.get(employee_code="CB001").primary_position.name == "Chủ tịch UBND"


def test_existing_person_created_elsewhere_is_updated_not_duplicated(catalogue):
    PersonFactory(
        employee_code="CB001",
        unit=catalogue["a"],
        full_name="Nguyễn Thị Mai",
        user__username="cb001",
    )
    result = run(csv_bytes(GOOD))
    assert (result.created, result.updated) == (2, 1)
    assert Person.objects.filter(employee_code="CB001").count() == 1


def test_account_without_person_is_never_adopted(catalogue):
    """An account with no person record (createsuperuser, made by hand) is not taken over by a
    row with the same code: the row is refused and nothing is imported."""
    orphan = User.objects.create(username="cb002", email="old@example.com")
    with pytest.raises(ImportRejected) as rejected:
        run(csv_bytes(GOOD))
    [problem] = rejected.value.problems
    assert problem.row == 3 and "CB002" in str(problem) and "đã có tài khoản" in str(problem)
    assert Person.objects.count() == 0
    orphan.refresh_from_db()
    assert orphan.email == "old@example.com" and not orphan.groups.exists()


BAD_ROWS = [
    pytest.param(
        ["Phạm Văn Dũng", "CB009", "", "99999", "", ""],
        "mã đơn vị “99999” không tồn tại",
        id="unknown-unit",
    ),
    pytest.param(
        ["Phạm Văn Dũng", "CB001", "", "26734", "", ""],
        "mã cán bộ “CB001” trùng với dòng 2",
        id="duplicate-code",
    ),
    pytest.param(
        ["Phạm Văn Dũng", "cb001", "", "26734", "", ""],
        "mã cán bộ “cb001” trùng với dòng 2",
        id="duplicate-code-other-case",
    ),
    pytest.param(["Phạm Văn Dũng", "", "", "26734", "", ""], "thiếu mã cán bộ", id="empty-code"),
    pytest.param(
        ["Phạm Văn Dũng", "CB009", "dung@@tphcm", "26734", "", ""],
        "email “dung@@tphcm” không hợp lệ",
        id="bad-email",
    ),
    pytest.param(["", "CB009", "", "26734", "", ""], "thiếu họ và tên", id="empty-name"),
    pytest.param(["Phạm Văn Dũng", "CB009", "", "", "", ""], "thiếu mã đơn vị", id="empty-unit"),
    pytest.param(
        ["Phạm Văn Dũng", "CB009", "", "27004", VP, ""],
        "phòng ban “Văn phòng HĐND và UBND” không có trong đơn vị “27004”",
        id="department-of-another-unit",
    ),
    pytest.param(
        ["Phạm Văn Dũng", "CB 009", "", "26734", "", ""],
        "mã cán bộ “CB 009” có khoảng trắng",
        id="code-with-space",
    ),
]


@pytest.mark.parametrize(("bad_row", "reason"), BAD_ROWS)
def test_a_bad_row_rejects_the_whole_file(catalogue, bad_row, reason):
    rows = [GOOD[0], GOOD[1], bad_row]  # the bad row is row 4 (header is row 1)
    before = (Person.objects.count(), User.objects.count(), Position.objects.count())

    with pytest.raises(ImportRejected) as caught:
        run(csv_bytes(rows))

    problems = caught.value.problems
    assert [p.row for p in problems] == [4]
    assert reason in str(problems[0])
    assert str(problems[0]).startswith("Dòng 4: ")
    assert (Person.objects.count(), User.objects.count(), Position.objects.count()) == before


def test_every_bad_row_is_listed_with_every_reason(catalogue):
    rows = [
        GOOD[0],
        ["", "", "x@", "00000", "", ""],
        GOOD[1],
        ["Võ Thị Hạnh", "CB002", "", "27004", "Phòng Không Có", ""],
    ]
    with pytest.raises(ImportRejected) as caught:
        run(xlsx_bytes(rows), "a.xlsx")
    problems = {p.row: str(p) for p in caught.value.problems}
    assert sorted(problems) == [3, 5]
    for reason in (
        "thiếu họ và tên",
        "thiếu mã cán bộ",
        "email “x@” không hợp lệ",
        "mã đơn vị “00000” không tồn tại",
    ):
        assert reason in problems[3]
    assert "trùng với dòng 4" in problems[5]
    assert "phòng ban “Phòng Không Có” không có trong đơn vị “27004”" in problems[5]
    assert Person.objects.count() == 0


def test_username_taken_by_another_person_is_a_row_error(catalogue):
    PersonFactory(employee_code="cb001-khac", user__username="cb001", unit=catalogue["a"])
    with pytest.raises(ImportRejected) as caught:
        run(csv_bytes(GOOD))
    assert "Dòng 2: tên đăng nhập “cb001” đã thuộc về cán bộ có mã “cb001-khac”" in str(
        caught.value.problems[0]
    )
    assert Person.objects.count() == 1


def test_inactive_unit_is_refused(catalogue):
    UnitFactory(code="26999", name="Phường Đã Sáp Nhập", is_active=False)
    with pytest.raises(ImportRejected) as caught:
        run(csv_bytes([["Phạm Văn Dũng", "CB009", "", "26999", "", ""]]))
    assert "đã ngừng hoạt động" in str(caught.value.problems[0])


def test_unit_manager_may_only_import_into_their_unit(catalogue, manager_a):
    before = Person.objects.count()
    with pytest.raises(ImportRejected) as caught:
        run(csv_bytes(GOOD), user=manager_a)
    assert [(p.row, p.reasons) for p in caught.value.problems] == [
        (3, ["đơn vị “27004” ngoài phạm vi quản lý của bạn"])
    ]
    assert Person.objects.count() == before

    assert run(csv_bytes([GOOD[0], GOOD[2]]), user=manager_a).created == 2


def test_unit_manager_cannot_take_over_a_person_of_another_unit(catalogue, manager_a):
    PersonFactory(employee_code="CB001", user__username="cb001", unit=catalogue["b"])
    with pytest.raises(ImportRejected) as caught:
        run(csv_bytes([GOOD[0]]), user=manager_a)
    assert "ngoài phạm vi quản lý" in str(caught.value.problems[0])
    assert Person.objects.get(employee_code="CB001").unit == catalogue["b"]


# --- Files that are not what they claim ---------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _zip_without_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải bảng tính")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        pytest.param(PNG, "anh.csv", "không phải CSV hay XLSX", id="png-renamed-csv"),
        pytest.param(
            random.Random(4).randbytes(2048),
            "rac.csv",
            "không phải CSV hay XLSX",
            id="random-bytes",
        ),
        pytest.param(
            "Tên đơn vi,Ma\n".encode("cp1258"),
            "cp1258.csv",
            "không phải văn bản UTF-8",
            id="legacy-encoding",
        ),
        pytest.param(b"", "rong.csv", "rỗng", id="empty"),
        pytest.param(b"\r\n\r\n  \r\n", "trang.csv", "rỗng", id="only-blank-lines"),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            "cu.xls",
            "Excel 97-2003",
            id="old-xls",
        ),
        pytest.param(
            b"Ho va ten,Ma can bo\n", "gia.xlsx", "không phải bảng tính XLSX", id="text-named-xlsx"
        ),
        pytest.param(
            _zip_without_workbook(),
            "nen.xlsx",
            "không phải bảng tính XLSX hợp lệ",
            id="zip-not-xlsx",
        ),
        pytest.param("Họ và tên,Mã cán bộ\n".encode("utf-16"), "u16.csv", "UTF-16", id="utf-16"),
    ],
)
def test_unreadable_files_get_a_clear_message(catalogue, data, name, message):
    with pytest.raises(ImportFileError) as caught:
        run(data, name)
    assert message in caught.value.message
    assert name in caught.value.message
    assert Person.objects.count() == 0


def test_missing_headers_are_named(catalogue):
    data = csv_bytes(
        [["Nguyễn Văn An", "CB001", "26734"]], headers=["Họ và tên", "Mã cán bộ", "Mã đơn vị"]
    )
    with pytest.raises(ImportFileError) as caught:
        run(data)
    assert "Thiếu cột: “Email”, “Phòng ban”, “Chức danh”" in caught.value.message
    assert Person.objects.count() == 0


def test_header_only_file_is_refused(catalogue):
    with pytest.raises(ImportFileError) as caught:
        run(xlsx_bytes([]), "a.xlsx")
    assert "chỉ có dòng tiêu đề" in caught.value.message


def test_plan_reports_counts_without_writing(catalogue):
    plan = plan_import(io.BytesIO(csv_bytes(GOOD)), "a.csv")
    assert plan.ok and (plan.to_create, plan.to_update, plan.unchanged) == (3, 0, 0)
    assert list(plan.new_positions.values()) == ["Cán bộ Địa chính"]
    assert (
        Person.objects.count() == 0
        and not Position.objects.filter(name="Cán bộ Địa chính").exists()
    )


def test_template_workbook_has_headers_and_imports_cleanly(catalogue):
    data = template_workbook()
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    result = run(data, "mau.xlsx")
    assert result.created == 1
    assert Person.objects.get().unit == catalogue["a"]


# --- Management command -----------------------------------------------------------------------


def test_command_imports_and_reports(catalogue, tmp_path, capsys):
    path = tmp_path / "can-bo.xlsx"
    path.write_bytes(xlsx_bytes(GOOD))
    call_command("import_people", str(path))
    out, err = capsys.readouterr()
    assert "3 cán bộ mới" in out
    assert "Ghi dữ liệu [" in err  # the progress bar
    assert Person.objects.count() == 3


def test_command_fails_with_every_row_error_and_writes_nothing(catalogue, tmp_path, capsys):
    path = tmp_path / "loi.csv"
    path.write_bytes(csv_bytes([GOOD[0], ["", "CB002", "", "26734", "", ""], GOOD[0]]))
    with pytest.raises(CommandError) as caught:
        call_command("import_people", str(path), "--no-progress")
    _out, err = capsys.readouterr()
    assert "Dòng 3: thiếu họ và tên" in err
    assert "Dòng 4: mã cán bộ “CB001” trùng với dòng 2" in err
    assert "2 dòng có lỗi" in str(caught.value)
    assert Person.objects.count() == 0


def test_command_exit_code_is_non_zero_on_unreadable_file(catalogue, tmp_path):
    path = tmp_path / "anh.csv"
    path.write_bytes(PNG)
    with pytest.raises(CommandError) as caught:
        call_command("import_people", str(path), "--no-progress")
    # manage.py turns a CommandError into "CommandError: …" on stderr and this exit status.
    assert caught.value.returncode == 1
    assert "không phải CSV hay XLSX" in str(caught.value)
    assert Person.objects.count() == 0


def test_command_dry_run_writes_nothing(catalogue, tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(GOOD))
    call_command("import_people", str(path), "--dry-run", "--no-progress")
    assert "tệp hợp lệ" in capsys.readouterr().out
    assert Person.objects.count() == 0


def test_learner_group_exists_for_imports(db):
    assert roles.group_for(roles.LEARNER).name == "Học viên"


def test_fast_xlsx_rows_match_openpyxl(tmp_path):
    """The streamed sheet reader gives what openpyxl's own iterator gives, row numbers included."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    from lms.org.importing import _fast_sheet_rows

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(["Nguyễn Văn An", 12345, None, 26734.0, "Phòng Kinh tế", True])
    sheet["C5"] = "chỉ một ô, hàng 3 và 4 trống"
    sheet["H5"] = 1.5
    sheet["A6"] = CellRichText(["Trần ", TextBlock(InlineFont(b=True), "Thị"), " Bình"])
    sheet["B6"] = "=1+1"
    path = tmp_path / "kho.xlsx"
    workbook.save(path)

    opened = load_workbook(path, read_only=True, data_only=True)
    ws = opened.worksheets[0]
    ws.reset_dimensions()
    expected = [(n, v) for n, v in enumerate(ws.iter_rows(values_only=True), start=1) if any(v)]
    fast = [(n, v) for n, v in _fast_sheet_rows(ws._get_source, ws._shared_strings) if any(v)]
    opened.close()

    def trimmed(rows):
        out = []
        for number, values in rows:
            values = list(values)
            while values and values[-1] is None:
                values.pop()
            out.append((number, values))
        return out

    assert trimmed(fast) == trimmed(expected)
    assert [n for n, _v in fast] == [1, 2, 5, 6]
    assert trimmed(fast)[-1] == (6, ["Trần Thị Bình"])  # no cached value for the formula


def test_sheet_with_a_doctype_is_refused(catalogue):
    original = zipfile.ZipFile(io.BytesIO(xlsx_bytes(GOOD)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                head, _sep, body = data.partition(b"?>")
                data = head + b'?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + body
            archive.writestr(item, data)
    with pytest.raises(ImportFileError) as caught:
        run(buffer.getvalue(), "doctype.xlsx")
    assert "Không đọc được bảng tính “doctype.xlsx”" in caught.value.message
    assert Person.objects.count() == 0


def test_privileged_check_costs_the_same_for_few_and_many_accounts(db, ward_a):
    """The import asks which accounts are privileged once per distinct set of groups, not once
    per row (lms.accounts.privilege.privileged_account_ids)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lms.accounts.privilege import privileged_account_ids
    from tests.factories import UserFactory

    def learners(prefix, count):
        return [
            UserFactory(username=f"{prefix}{i}", roles=[roles.LEARNER]).pk for i in range(count)
        ]

    staff = UserFactory(username="gv-dem", roles=[roles.TRAINER]).pk
    root = User.objects.create_superuser("goc-dem", "goc@tphcm.gov.vn", "x").pk
    counts = []
    for prefix, size in (("it", 3), ("nhieu", 60)):
        ids = learners(prefix, size) + [staff, root]
        with CaptureQueriesContext(connection) as queries:
            assert privileged_account_ids(ids) == {staff, root}
        counts.append(len(queries))
    assert counts[0] == counts[1]
