"""bank → export → import → bank yields the same questions, grading mode and numerical answers
included (GIFT, Moodle XML, Excel); how each format carries all-or-nothing grading; and which
GIFT-grammar-PEG.js files import fully into the bank (the table in quizzes/formats/SUPPORT.md)."""

from decimal import Decimal

import pytest

from quizzes import bank_io, formats
from quizzes.formats import FormatError
from quizzes.models import (
    Choice,
    GradingMode,
    MatchPair,
    NumericalAnswer,
    OrderItem,
    Question,
)
from tests.conftest import CORPUS_REASON

from .conftest import make_bank
from .test_formats_gift_pegjs import FULLY_SUPPORTED, NOT_SUPPORTED, PEGJS

D = Decimal
AON = GradingMode.ALL_OR_NOTHING


def bank_view(question):
    """Everything the bank stores about a question that an export is meant to carry."""
    return {
        "qtype": question.qtype,
        "category": question.category.path,
        "title": question.title,
        "stem": question.stem,
        "explanation": question.explanation,
        "idnumber": question.idnumber,
        "grading_mode": question.grading_mode,
        "ignore_diacritics": question.ignore_diacritics,
        "competencies": sorted(c.slug for c in question.competencies.all()),
        "choices": [(c.text, c.fraction, c.feedback) for c in question.choices.all()],
        "short": [(a.text, a.fraction, a.feedback) for a in question.short_answers.all()],
        "numbers": [
            (a.value, a.tolerance, a.fraction, a.feedback) for a in question.numerical_answers.all()
        ],
        "pairs": [(p.prompt, p.answer) for p in question.pairs.all()],
        "items": [i.text for i in question.order_items.all()],
    }


def whole_bank():
    return [bank_view(q) for q in Question.objects.with_parts().order_by("idnumber")]


@pytest.fixture
def rich_bank(category):
    """make_bank's seven types, several graded all or nothing, plus more numerical cases."""
    bank = make_bank(category)
    for index, question in enumerate(bank.values()):
        question.idnumber = f"RT-{index:02d}"
        question.save()
    for name in ("multiple", "matching", "ordering"):
        bank[name].grading_mode = AON
        bank[name].save()
    partial = Question.objects.create(
        category=category, qtype="multiple", stem="<p>Chọn hai.</p>", idnumber="RT-10"
    )
    for i, (text, fraction) in enumerate([("X", 50), ("Y", 50), ("Z", -50)]):
        Choice.objects.create(question=partial, text=text, fraction=fraction, sort_order=i)
    unordered = Question.objects.create(
        category=category, qtype="ordering", stem="<p>Theo thứ tự.</p>", idnumber="RT-11"
    )
    for i, text in enumerate(["Một", "Hai", "Ba"]):
        OrderItem.objects.create(question=unordered, text=text, sort_order=i)
    loose = Question.objects.create(
        category=category, qtype="matching", stem="<p>Ghép từng phần.</p>", idnumber="RT-12"
    )
    for i, (left, right) in enumerate([("a", "1"), ("b", "2"), ("", "3")]):
        MatchPair.objects.create(question=loose, prompt=left, answer=right, sort_order=i)
    number = Question.objects.create(
        category=category,
        qtype="numerical",
        stem="<p>Nhiệt độ thấp nhất (°C)?</p>",
        explanation="<p>Xem bảng số liệu.</p>",
        idnumber="RT-13",
    )
    for i, (value, tolerance, fraction, feedback) in enumerate(
        [
            (D("-0.125"), D("0.0005"), 100, "Chính xác."),
            (D("1234567.5"), D("0"), D("33.33333"), "Nhầm đơn vị."),
            (D("0"), D("2.5"), 0, "Quá xa."),
        ]
    ):
        NumericalAnswer.objects.create(
            question=number,
            value=value,
            tolerance=tolerance,
            fraction=fraction,
            feedback=feedback,
            sort_order=i,
        )
    return bank


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["gift", "moodle_xml", "excel"])
def test_bank_export_import_gives_the_same_bank_with_grading_modes(rich_bank, fmt):
    if fmt == "gift":  # GIFT has no ordering questions (the export refuses them)
        Question.objects.filter(qtype="ordering").delete()
    before = whole_bank()
    assert {q["grading_mode"] for q in before} == {"partial", "all_or_nothing"}
    data = formats.export(fmt, bank_io.export_queryset(Question.objects.all()))
    Question.objects.all().delete()
    parsed = formats.parse(fmt, data)
    assert bank_io.check(parsed) == []
    bank_io.save_questions(parsed)
    assert whole_bank() == before
    # And the grade follows the mode: one right choice of two earns nothing.
    multiple = Question.objects.with_parts().get(idnumber="RT-01")
    snapshot = multiple.build_snapshot()
    right = [c["id"] for c in snapshot["choices"] if D(c["fraction"]) > 0]
    assert snapshot["grading_mode"] == "all_or_nothing"
    from quizzes.grading import grade

    assert grade(snapshot, {"choices": right}) == 1
    assert grade(snapshot, {"choices": right[:1]}) == 0


@pytest.mark.django_db
def test_how_each_format_writes_all_or_nothing(rich_bank):
    exported = bank_io.export_queryset(Question.objects.all())
    by_id = {q.idnumber: q for q in exported}
    assert by_id["RT-01"].grading_mode == "all_or_nothing"
    assert by_id["RT-10"].grading_mode == "partial"

    gift = formats.export("gift", [q for q in exported if q.qtype != "ordering"])
    block = gift[gift.index("// [id:RT-01]") :].split("\n\n")[0]
    assert "// [option:all_or_nothing]" in block
    assert "\t~%50%A" in block and "\t~%-100%C" in block  # the weights stay as stored
    partial_block = gift[gift.index("// [id:RT-10]") :].split("\n\n")[0]
    assert "all_or_nothing" not in partial_block

    xml = formats.export("moodle_xml", exported).decode()
    questions = xml.split("<question ")
    multichoiceset = next(q for q in questions if "<idnumber>RT-01</idnumber>" in q)
    assert multichoiceset.startswith('type="multichoiceset">')
    assert "<single>" not in multichoiceset
    assert '<answer fraction="-100"' in multichoiceset
    partial = next(q for q in questions if "<idnumber>RT-10</idnumber>" in q)
    assert partial.startswith('type="multichoice">') and "<single>false</single>" in partial
    ordering = next(q for q in questions if "<idnumber>RT-05</idnumber>" in q)
    assert "<gradingtype>ALL_OR_NOTHING</gradingtype>" in ordering
    unordered = next(q for q in questions if "<idnumber>RT-11</idnumber>" in q)
    assert "<gradingtype>ABSOLUTE_POSITION</gradingtype>" in unordered
    matching = next(q for q in questions if "<idnumber>RT-04</idnumber>" in q)
    assert "<allornothing>1</allornothing>" in matching
    numerical = next(q for q in questions if "<idnumber>RT-13</idnumber>" in q)
    assert "<tolerance>0.0005</tolerance>" in numerical
    assert "<text>-0.125</text>" in numerical


# -- importing what Moodle writes -----------------------------------------------------------------

MULTICHOICESET = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoiceset">
    <name><text>Thủ đô</text></name>
    <questiontext format="html"><text>Những thành phố nào là thủ đô?</text></questiontext>
    <shuffleanswers>true</shuffleanswers>
    <answer fraction="100" format="html"><text>Hà Nội</text></answer>
    <answer fraction="0" format="html"><text>Đà Nẵng</text></answer>
    <answer fraction="100" format="html"><text>Viêng Chăn</text></answer>
    <answer fraction="100" format="html"><text>Phnôm Pênh</text></answer>
  </question>
  <question type="ordering">
    <name><text>Tương đối</text></name>
    <questiontext format="html"><text>Sắp xếp.</text></questiontext>
    <gradingtype>RELATIVE_TO_CORRECT</gradingtype>
    <answer fraction="1"><text>A</text></answer>
    <answer fraction="2"><text>B</text></answer>
  </question>
</quiz>
"""


@pytest.mark.django_db
def test_moodle_all_or_nothing_question_imports_with_shared_weights():
    data = MULTICHOICESET.split('  <question type="ordering">')[0] + "</quiz>\n"
    (question,) = formats.parse("moodle_xml", data)
    assert (question.qtype, question.grading_mode) == ("multiple", "all_or_nothing")
    assert [c.fraction for c in question.choices] == [
        D("33.33333"),
        0,
        D("33.33333"),
        D("33.33333"),
    ]
    assert bank_io.check([question]) == []
    (saved,) = bank_io.save_questions([question])
    assert saved.grading_mode == "all_or_nothing"
    assert saved.parts_problems() == []


def test_ordering_graded_by_relative_order_is_refused_with_its_line():
    with pytest.raises(FormatError) as excinfo:
        formats.parse("moodle_xml", MULTICHOICESET)
    assert excinfo.value.messages == [
        "Dòng 12: câu hỏi sắp xếp «Tương đối» chấm theo kiểu «RELATIVE_TO_CORRECT» chưa được hỗ "
        "trợ (chỉ ABSOLUTE_POSITION: từng vị trí đúng, hoặc ALL_OR_NOTHING: đúng hết)."
    ]


def test_all_or_nothing_on_a_single_choice_is_reported_with_its_line():
    text = "Câu đúng.{T}\n\n// [option:all_or_nothing]\n::Một::Chọn một.{=a ~b}\n"
    with pytest.raises(FormatError) as excinfo:
        formats.parse("gift", text)
    assert excinfo.value.messages == [
        "Dòng 4: câu hỏi «Một»: cách chấm «đúng hết mới có điểm» chỉ dùng cho câu nhiều lựa "
        "chọn, ghép cặp và sắp xếp."
    ]


def test_excel_column_for_all_or_nothing():
    import io

    from openpyxl import load_workbook

    from quizzes.formats.excel import template

    from .test_formats_excel import HEADERS, row, xlsx

    headers = [c.value for c in load_workbook(io.BytesIO(template()))["Câu hỏi"][1]]
    assert "Đúng hết mới có điểm (có/không)" in headers
    examples = formats.parse("excel", template())
    assert {q.qtype for q in examples if q.grading_mode == "all_or_nothing"} == {"ordering"}
    assert [(c.text, c.tolerance) for c in examples[-1].choices] == [
        ("22.4", D("0.1")),
        ("*", None),
    ]

    def sheet(mode):
        return xlsx(
            [row("Nhiều lựa chọn", "Chọn?", "a", "b", "c", answer="A;B") + [mode]],
            HEADERS + ["Đúng hết mới có điểm"],
        )

    (question,) = formats.parse("excel", sheet("có"))
    assert question.grading_mode == "all_or_nothing"
    (question,) = formats.parse("excel", sheet(""))
    assert question.grading_mode == "partial"
    with pytest.raises(FormatError) as excinfo:
        formats.parse("excel", sheet("hay"))
    assert excinfo.value.messages == [
        "Hàng 2: cột «Đúng hết mới có điểm» chỉ nhận «có» hoặc «không»."
    ]


def test_excel_numbers_use_the_vietnamese_reading():
    from .test_formats_excel import row, xlsx

    (question,) = formats.parse(
        "excel", xlsx([row("Số", "Bao nhiêu?", "1.000.000", "0,125:0,001", "2,5±0,5", "*")])
    )
    assert [(c.text, c.tolerance) for c in question.choices] == [
        ("1000000", D(0)),
        ("0.125", D("0.001")),
        ("2.5", D("0.5")),
        ("*", None),
    ]
    with pytest.raises(FormatError) as excinfo:
        formats.parse("excel", xlsx([row("Số", "Bao nhiêu?", "12", "1.500")]))
    assert excinfo.value.messages == [
        "Hàng 2: phương án B: «1.500» không rõ nghĩa: nếu dấu chấm ngăn cách hàng nghìn, hãy "
        "viết 1500; nếu là số thập phân, hãy dùng dấu phẩy (1,500)."
    ]


# -- GIFT-grammar-PEG.js files into the bank ------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.skipif(not PEGJS.is_dir(), reason=CORPUS_REASON)
@pytest.mark.parametrize("name", FULLY_SUPPORTED)
def test_fully_supported_pegjs_files_import_into_the_bank(name):
    data = (PEGJS / f"{name}.gift").read_bytes()
    parsed = formats.parse("gift", data)
    assert bank_io.check(parsed) == []
    created = bank_io.save_questions(parsed)
    assert len(created) == len(parsed)
    # The numerical questions keep their values and tolerances exactly.
    for question, source in zip(created, parsed, strict=True):
        if source.qtype == "numerical":
            assert [
                ("*" if a.value is None else a.value.normalize(), a.tolerance.normalize())
                for a in question.numerical_answers.all()
            ] == [
                ("*" if c.text == "*" else D(c.text).normalize(), (c.tolerance or D(0)).normalize())
                for c in source.choices
            ]


@pytest.mark.skipif(not PEGJS.is_dir(), reason=CORPUS_REASON)
def test_numerical_files_now_import_and_the_others_still_do_not():
    numerical_files = {
        name
        for name in FULLY_SUPPORTED
        if any(
            q.qtype == "numerical"
            for q in formats.parse("gift", (PEGJS / f"{name}.gift").read_bytes())
        )
    }
    assert numerical_files == {
        "giftFormatPhpExamples",
        "numerical1",
        "options1",
        "totara_moodle_numerical",
    }
    assert len(FULLY_SUPPORTED) + len(NOT_SUPPORTED) == 51
