"""GIFT parsing: the grammar's features and every kind of mistake, with line numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizzes.formats import FormatError, parse
from quizzes.formats.gift import parse_report


def one(text: str):
    questions = parse("gift", text)
    assert len(questions) == 1
    return questions[0]


def problems(text: str) -> list[str]:
    with pytest.raises(FormatError) as excinfo:
        parse("gift", text)
    return excinfo.value.messages


def choices(q):
    return [(c.text, c.fraction, c.feedback) for c in q.choices]


def test_single_choice_with_title_feedback_and_general_feedback():
    q = one(
        "// [id:ATTT-1]\n"
        "// [tag:mat-khau] [tag:co-ban]\n"
        "::Mật khẩu::Mật khẩu nào mạnh nhất?{\n"
        "  ~123456#Quá ngắn.\n"
        "  =Tr@ng-Sen-7!#Đúng rồi.\n"
        "  ####Mật khẩu mạnh thì dài.\n"
        "}\n"
    )
    assert q.qtype == "single"
    assert (q.title, q.idnumber, q.tags) == ("Mật khẩu", "ATTT-1", ["mat-khau", "co-ban"])
    assert q.stem == "Mật khẩu nào mạnh nhất?"
    assert q.stem_format == "moodle"
    assert choices(q) == [
        ("123456", Decimal(0), "Quá ngắn."),
        ("Tr@ng-Sen-7!", Decimal(100), "Đúng rồi."),
    ]
    assert q.general_feedback == "Mật khẩu mạnh thì dài."
    assert q.line == 3


def test_multiple_choice_weights_and_missing_word_stem():
    q = one("Chọn dữ liệu {~%50%sức khỏe ~%50%sinh trắc ~%-100%họ tên} là nhạy cảm.")
    assert q.qtype == "multiple"
    assert q.stem == "Chọn dữ liệu _____ là nhạy cảm."
    assert [c.fraction for c in q.choices] == [Decimal(50), Decimal(50), Decimal(-100)]


def test_truefalse_feedbacks_follow_moodle():
    q = one("Được chia sẻ mật khẩu.{F#Sai: không được.#Đúng, không chia sẻ.}")
    assert q.qtype == "truefalse"
    # {F#wrong#right}: whoever answers "true" is wrong
    assert choices(q) == [
        ("true", Decimal(0), "Sai: không được."),
        ("false", Decimal(100), "Đúng, không chia sẻ."),
    ]
    q = one("Phải khóa máy khi rời đi.{TRUE#Chưa đúng.#Chính xác.}")
    assert choices(q) == [("true", Decimal(100), "Chính xác."), ("false", Decimal(0), "Chưa đúng.")]


def test_short_answer_matching_numerical():
    q = one("Viết tắt xác thực hai yếu tố?{=2FA =%50%MFA#gần đúng}")
    assert q.qtype == "short"
    assert choices(q) == [("2FA", Decimal(100), ""), ("MFA", Decimal(50), "gần đúng")]
    q = one("Ghép:{=Mã độc -> Virus =Lừa đảo -> Phishing = -> Spam}")
    assert q.qtype == "matching"
    assert q.pairs == [("Mã độc", "Virus"), ("Lừa đảo", "Phishing"), ("", "Spam")]
    q = one("Số?{#\n=12:0#đúng\n=%50%10..14\n~#sai}")
    assert q.qtype == "numerical"
    assert [(c.text, c.fraction, c.tolerance, c.feedback) for c in q.choices] == [
        ("12", Decimal(100), Decimal(0), "đúng"),
        ("12", Decimal(50), Decimal(2), ""),
        ("*", Decimal(0), None, "sai"),
    ]


def test_escapes_formats_and_category():
    q = one(
        "$CATEGORY: $course$/top/An toàn/Mật khẩu\n\n"
        "::A\\:B::[html]<p>Dấu \\{ \\} \\~ \\= \\# \\\\ và\\ndòng mới</p>{\n"
        "=[plain]<b>chữ</b>#[plain]a < b\n"
        "~khác\n}"
    )
    assert q.title == "A:B"
    assert q.category == "An toàn/Mật khẩu"
    assert q.stem_format == "html"
    assert q.stem == "<p>Dấu { } ~ = # \\ và\ndòng mới</p>"
    # a [plain] answer inside an html question is converted to html
    assert choices(q)[0] == ("&lt;b&gt;chữ&lt;/b&gt;", Decimal(100), "a &lt; b")


def test_ignore_diacritics_option_comment():
    q = one("// [option:ignore_diacritics]\nThủ đô?{=Hà Nội}")
    assert q.ignore_diacritics is True


def test_crlf_and_bom_and_utf8_bytes():
    data = "\ufeffCâu 1?{T}\r\n\r\nCâu 2?{F}\r\n".encode()
    questions = parse("gift", data)
    assert [(q.stem, q.line) for q in questions] == [("Câu 1?", 1), ("Câu 2?", 3)]


def test_not_utf8_is_rejected_with_its_line():
    data = "Câu 1?{T}\n\n".encode() + "Câu 2?{F}".encode("cp1258")
    assert problems(data) == [
        "Dòng 3: tệp không phải văn bản UTF-8 (hãy lưu tệp với bảng mã UTF-8)."
    ]


def test_every_problem_is_reported_with_its_line():
    text = (
        "Câu tốt?{=đúng ~sai}\n"  # 1
        "\n"
        "Thiếu ngoặc đóng?{=a ~b\n"  # 3
        "\n"
        "Thiếu ngoặc mở =a ~b}\n"  # 5
        "\n"
        "Không có đáp án đúng?{~a ~b}\n"  # 7
        "\n"
        "Tổng trọng số sai?{~%50%a ~%40%b ~c}\n"  # 9
        "\n"
        "Phương án trống?{=a ~}\n"  # 11
        "\n"
        "::Bài luận:: Viết cảm nghĩ.{}\n"  # 13
        "\n"
        "Chỉ là đoạn giới thiệu.\n"  # 15
        "\n"
        "Trọng số hỏng?{~%abc%a =b}\n"  # 17
        "\n"
        "Số hỏng?{#mười}\n"  # 19
        "\n"
        "Hai khối?{=a ~b} giữa {=c ~d}\n"  # 21
        "\n"
        "::Tiêu đề chưa đóng\n"  # 23
        "Câu?{T}\n"
        "\n"
        "Ghép thiếu mũi tên?{=a -> b =c}\n"  # 26
        "\n"
        "Một lựa chọn?{\n"  # 28
        "  =a\n"
        "  ~%150%b\n"  # 30
        "}\n"
        "\n"
        "Câu cuối {T}\n"  # 33
    )
    assert problems(text) == [
        'Dòng 3: thiếu dấu "}" đóng câu trả lời.',
        'Dòng 5: thiếu dấu "{" mở câu trả lời (có dấu "}" nhưng không có "{").',
        "Dòng 7: câu hỏi «Không có đáp án đúng?»: câu hỏi trắc nghiệm không có phương án đúng "
        "(không phương án nào được điểm).",
        "Dòng 9: câu hỏi «Tổng trọng số sai?»: Tổng trọng số các lựa chọn đúng phải là 100% "
        "(hiện là 90%).",
        "Dòng 11: có phương án trả lời để trống (sau dấu ~).",
        "Dòng 13: câu hỏi «Bài luận» dạng tự luận (essay) chưa được hỗ trợ.",
        "Dòng 15: câu hỏi «Chỉ là đoạn giới thiệu.» dạng mô tả (description) chưa được hỗ trợ "
        "(không có phần trả lời {…}).",
        "Dòng 17: trọng số «abc» không phải là số phần trăm.",
        "Dòng 19: đáp án số «mười» không hợp lệ (viết 1822, 1822:5 hoặc 1..5).",
        "Dòng 21: mỗi câu hỏi chỉ có một phần trả lời {…}; có thể thiếu dòng trống giữa hai câu"
        " hỏi, hoặc cần viết \\{ \\} để hiển thị dấu ngoặc.",
        "Dòng 23: tiêu đề mở bằng «::» nhưng không có «::» đóng.",
        "Dòng 26: cặp ghép «c» thiếu dấu «->» giữa hai vế.",
        "Dòng 30: trọng số 150% phải nằm trong khoảng -100% đến 100%.",
    ]
    # the good questions were parsed, but parse() returned nothing (all-or-nothing)
    good, found = parse_report(text)
    assert [q.line for q in good] == [1, 33]
    assert len(found) == 13


def test_missing_brace_when_two_questions_run_together():
    text = "Câu một?{=a ~b\nCâu hai?{=c ~d}\n"
    assert problems(text) == [
        'Dòng 1: thiếu dấu "}" đóng câu trả lời (gặp dấu "{" thứ hai ở dòng 2).'
    ]


def test_single_choice_needs_a_full_mark_answer():
    assert problems("Câu?{=%50%a ~b}") == [
        "Dòng 1: câu hỏi «Câu?»: Cần một lựa chọn có trọng số 100%."
    ]


def test_short_answer_may_be_worth_less_than_100_but_matching_needs_two_pairs():
    # The admin accepts a short answer whose best answer is worth 50 %: so does the import.
    assert problems("Câu?{=%50%a}\n\nKhông?{=%0%a}\n\nGhép?{=a -> b}") == [
        "Dòng 3: câu hỏi «Không?»: Cần ít nhất một đáp án được điểm (trọng số lớn hơn 0%).",
        "Dòng 5: câu hỏi «Ghép?»: Cần ít nhất hai cặp ghép đôi.",
    ]
    (short,) = parse("gift", "Câu?{=%50%a}")
    assert [c.fraction for c in short.choices] == [50]


def test_comment_only_and_empty_files_give_no_questions():
    assert parse("gift", "// chỉ có chú thích\n\n   \n") == []
    assert parse("gift", b"") == []


def test_truefalse_is_case_insensitive_and_accepts_short_forms():
    assert [q.choices[0].fraction for q in parse("gift", "A{t}\n\nB{false}")] == [100, 0]


def test_category_line_directly_followed_by_a_question():
    text = "$CATEGORY: $course$/top/Mật khẩu\n// [id:X1]\nCâu?{T}\n\nCâu khác?{F}"
    questions = parse("gift", text)
    assert [(q.category, q.line, q.idnumber) for q in questions] == [
        ("Mật khẩu", 3, "X1"),
        ("Mật khẩu", 5, ""),
    ]
    assert parse("gift", "$CATEGORY: $course$/top\n\nCâu?{T}")[0].category == ""
