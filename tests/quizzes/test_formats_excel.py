"""Excel template: Vietnamese headers, one example per type, row numbers on every error."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from quizzes.formats import QTYPES, FormatError, parse
from quizzes.formats.excel import template

HEADERS = [
    "Loại câu hỏi",
    "Danh mục",
    "Mã câu hỏi",
    "Thẻ (cách nhau bởi ;)",
    "Nội dung câu hỏi",
    "Phương án A",
    "Phương án B",
    "Phương án C",
    "Phương án D",
    "Đáp án đúng",
    "Phản hồi A",
    "Phản hồi B",
    "Giải thích / Căn cứ pháp lý",
    "Bỏ qua dấu (có/không)",
]


def xlsx(rows, headers=HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Câu hỏi"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def row(qtype, stem, a="", b="", c="", d="", answer="", fa="", fb="", general="", ignore="", **kw):
    return [
        qtype,
        kw.get("category", ""),
        kw.get("idnumber", ""),
        kw.get("tags", ""),
        stem,
        a,
        b,
        c,
        d,
        answer,
        fa,
        fb,
        general,
        ignore,
    ]


def test_template_has_vietnamese_headers_a_help_sheet_and_one_example_per_type():
    data = template()
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Câu hỏi", "Hướng dẫn"]
    headers = [cell.value for cell in workbook["Câu hỏi"][1]]
    for header in (
        "Loại câu hỏi",
        "Danh mục",
        "Mã câu hỏi",
        "Thẻ (cách nhau bởi ;)",
        "Nội dung câu hỏi",
        "Phương án A",
        "Phương án F",
        "Đáp án đúng",
        "Phản hồi A",
        "Phản hồi F",
        "Giải thích / Căn cứ pháp lý",
        "Bỏ qua dấu (có/không)",
    ):
        assert header in headers
    questions = parse("excel", data)
    assert {q.qtype for q in questions} == set(QTYPES)
    assert [q.line for q in questions] == list(range(2, 2 + len(questions)))


def test_parses_each_type_from_a_hand_made_sheet():
    data = xlsx(
        [
            row(
                "Một lựa chọn",
                "Mật khẩu mạnh?",
                "123456",
                "Tr@ng-Sen-7!",
                answer="B",
                fa="Quá ngắn",
                category="An toàn / Mật khẩu",
                idnumber=101,
                tags="mat-khau; co-ban",
                general="Căn cứ: Nghị định 13/2023/NĐ-CP",
            ),
            row(
                "nhieu lua chon",
                "Dữ liệu nhạy cảm?",
                "Sức khỏe",
                "Họ tên",
                "Sinh trắc",
                answer="A;C",
            ),
            row("Đúng/Sai", "Được chia sẻ mật khẩu.", answer="Sai", fa="Sai rồi", fb="Chính xác"),
            row("Trả lời ngắn", "Thủ đô?", "Hà Nội", "Ha Noi", answer="A;B=50", ignore="có"),
            row("Ghép cặp", "Ghép", "Mã độc -> Virus", "Lừa đảo -> Phishing", "-> Spam"),
            row("Sắp xếp", "Thứ tự", "Một", "Hai", "Ba"),
            row("Số", "Bao nhiêu?", 12, "10,5±0,5", "1..5"),
        ]
    )
    single, multiple, tf, short, matching, ordering, numerical = parse("excel", data)
    assert single.qtype == "single"
    assert (single.category, single.idnumber, single.tags) == (
        "An toàn/Mật khẩu",
        "101",
        ["mat-khau", "co-ban"],
    )
    assert [(c.text, c.fraction, c.feedback) for c in single.choices] == [
        ("123456", Decimal(0), "Quá ngắn"),
        ("Tr@ng-Sen-7!", Decimal(100), ""),
    ]
    assert single.general_feedback == "Căn cứ: Nghị định 13/2023/NĐ-CP"
    assert single.stem_format == "plain"
    assert [c.fraction for c in multiple.choices] == [50, -50, 50]
    assert [(c.text, c.fraction, c.feedback) for c in tf.choices] == [
        ("true", Decimal(0), "Sai rồi"),
        ("false", Decimal(100), "Chính xác"),
    ]
    assert [(c.text, c.fraction) for c in short.choices] == [("Hà Nội", 100), ("Ha Noi", 50)]
    assert short.ignore_diacritics is True
    assert matching.pairs == [("Mã độc", "Virus"), ("Lừa đảo", "Phishing"), ("", "Spam")]
    assert ordering.items == ["Một", "Hai", "Ba"]
    assert [(c.text, c.tolerance) for c in numerical.choices] == [
        ("12", Decimal(0)),
        ("10.5", Decimal("0.5")),
        ("3", Decimal(2)),
    ]


def test_every_bad_row_is_reported_with_its_row_number():
    data = xlsx(
        [
            row("Một lựa chọn", "Tốt?", "a", "b", answer="A"),  # 2
            row("Trắc nghiệm", "Loại lạ?", "a", "b", answer="A"),  # 3
            row("Một lựa chọn", "Không đáp án?", "a", "b"),  # 4
            row("Một lựa chọn", "Đáp án ngoài?", "a", "b", answer="E"),  # 5
            [None] * len(HEADERS),  # 6: empty rows are skipped
            row("Nhiều lựa chọn", "Trọng số?", "a", "b", "c", answer="A=50;B=20"),  # 7
            row("Đúng/Sai", "Đúng sai?", answer="Có lẽ"),  # 8
            row("Ghép cặp", "Ghép?", "a - b", "c -> d"),  # 9
            row("Số", "Số?", "mười"),  # 10
            row("Một lựa chọn", "", "a", "", "c", answer="A"),  # 11
        ]
    )
    with pytest.raises(FormatError) as excinfo:
        parse("excel", data)
    assert excinfo.value.messages == [
        "Hàng 3: loại câu hỏi «Trắc nghiệm» không hợp lệ (dùng: Một lựa chọn, Nhiều lựa chọn, "
        "Đúng/Sai, Trả lời ngắn, Ghép cặp, Sắp xếp, Số).",
        "Hàng 4: chưa ghi đáp án đúng (ví dụ B).",
        "Hàng 5: đáp án «E» không ứng với phương án nào có nội dung.",
        "Hàng 5: chưa ghi đáp án đúng (ví dụ B).",
        "Hàng 7: câu hỏi «Trọng số?»: Tổng trọng số các lựa chọn đúng phải là 100% (hiện là 70%).",
        "Hàng 8: đáp án đúng của câu Đúng/Sai phải là «Đúng» hoặc «Sai».",
        "Hàng 9: phương án A của câu ghép cặp phải viết «vế trái -> vế phải».",
        "Hàng 10: phương án A «mười» không phải là số (viết 1822, 1822:5 hoặc 1..5).",
        "Hàng 11: thiếu nội dung câu hỏi.",
        "Hàng 11: các phương án phải liền nhau từ A (có phương án trống ở giữa).",
    ]


def test_unknown_and_missing_headers():
    data = xlsx([], headers=["Loai cau hoi", "Câu hỏi", "Ghi chú"])
    with pytest.raises(FormatError) as excinfo:
        parse("excel", data)
    assert excinfo.value.messages == [
        "Hàng 1: không nhận ra cột «Câu hỏi».",
        "Hàng 1: không nhận ra cột «Ghi chú».",
        "Hàng 1: thiếu cột «Nội dung câu hỏi».",
    ]


def test_not_an_xlsx_file():
    with pytest.raises(FormatError) as excinfo:
        parse("excel", b"PK\x03\x04 not really a zip")
    assert excinfo.value.messages == ["Tệp không phải là bảng tính Excel .xlsx hợp lệ."]
    with pytest.raises(FormatError):
        parse("excel", "Loại câu hỏi;Nội dung")


def test_export_keeps_text_that_looks_like_a_formula():
    from quizzes.formats import export

    questions = parse("gift", "Câu nào bằng 5?{~ \\= 2 + 2 = \\= 2 + 3 ~+1 ~@a ~-1}")
    data = export("excel", questions)
    again = parse("excel", data)
    assert [c.text for c in again[0].choices] == ["= 2 + 2", "= 2 + 3", "+1", "@a", "-1"]
    sheet = load_workbook(io.BytesIO(data))["Câu hỏi"]
    assert sheet["H2"].value == "= 2 + 2"
    assert sheet["H2"].data_type == "s"
