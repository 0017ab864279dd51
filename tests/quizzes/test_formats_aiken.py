"""Aiken: Moodle's own fixtures, HTML kept as text, all-or-nothing with every bad block named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizzes.formats import FormatError, parse
from tests.conftest import CORPUS_REASON, TESTDATA

AIKEN = TESTDATA / "aiken" / "moodle"
needs_data = pytest.mark.skipif(not AIKEN.is_dir(), reason=CORPUS_REASON)


@needs_data
def test_moodle_fixture_two_questions_html_kept_as_text():
    questions = parse("aiken", (AIKEN / "questions.aiken.txt").read_bytes())
    assert len(questions) == 2
    first, second = questions
    assert first.qtype == "single"
    assert first.stem == "The Moodle project was started by:"
    assert [(c.text, c.fraction) for c in first.choices] == [
        ("Petr Skoda", Decimal(0)),
        ("Martin Dougiamas", Decimal(100)),
        ("Eloy Lafuente", Decimal(0)),
        ("Tim Hunt", Decimal(0)),
    ]
    assert (first.line, second.line) == (1, 8)
    # The HTML-looking text is text: stored as written, in plain format (escaped on display).
    assert second.stem == (
        'Moodle\'s abilities include handling user input that includes <html class="cool"> & images:'
    )
    assert second.stem_format == "plain"
    assert [(c.text, c.fraction) for c in second.choices] == [
        ("True", Decimal(100)),
        ("False", Decimal(0)),
    ]


@needs_data
def test_moodle_error_fixture_is_rejected_naming_every_bad_block():
    with pytest.raises(FormatError) as excinfo:
        parse("aiken", (AIKEN / "aiken_errors.txt").read_bytes())
    assert excinfo.value.messages == [
        "Dòng 1: câu hỏi «A question with too few answers» chỉ có 1 phương án; cần ít nhất 2.",
        "Dòng 5: phương án «A) Question not started» đứng trước nội dung câu hỏi "
        "(thiếu dòng câu hỏi phía trên các phương án).",
        "Dòng 14: câu hỏi «A question started but not finished» thiếu dòng «ANSWER: …» "
        "cho biết đáp án đúng.",
    ]
    assert [p.line for p in excinfo.value.problems] == [1, 5, 14]


def test_vietnamese_questions_without_blank_lines_and_options_without_space():
    text = (
        "Dữ liệu nào là dữ liệu cá nhân nhạy cảm?\n"
        "A. Họ và tên\n"
        "B.Tình trạng sức khỏe\n"
        "ANSWER: B\n"
        "Ai chịu trách nhiệm bảo vệ mật khẩu?\n"
        "A) Người dùng\n"
        "B) Quản trị viên\n"
        "answer: a\n"
    )
    questions = parse("aiken", text.encode())
    assert [q.stem for q in questions] == [
        "Dữ liệu nào là dữ liệu cá nhân nhạy cảm?",
        "Ai chịu trách nhiệm bảo vệ mật khẩu?",
    ]
    assert [c.fraction for c in questions[0].choices] == [0, 100]
    assert [c.fraction for c in questions[1].choices] == [100, 0]
    assert [q.line for q in questions] == [1, 5]


def test_answer_letter_order_and_missing_options():
    text = (
        "Câu 1?\nA. x\nB. y\nANSWER: C\n\n"
        "Câu 2?\nA. x\nC. y\nANSWER: A\n\n"
        "Câu 3?\nANSWER: A\n\n"
        "ANSWER: B\n\n"
        "Câu 5?\nA. x\nB. y\n"
    )
    with pytest.raises(FormatError) as excinfo:
        parse("aiken", text)
    assert excinfo.value.messages == [
        "Dòng 1: đáp án «C» của câu hỏi «Câu 1?» không phải là chữ cái của một phương án.",
        "Dòng 6: phương án «C» ở dòng 8 không đúng thứ tự (cần «B»).",
        "Dòng 11: câu hỏi «Câu 3?» không có phương án nào (A., B., …).",
        "Dòng 14: dòng «ANSWER: B» không thuộc câu hỏi nào.",
        "Dòng 16: câu hỏi «Câu 5?» thiếu dòng «ANSWER: …» cho biết đáp án đúng.",
    ]
