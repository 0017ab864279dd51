"""Moodle XML import: types, categories, fractions, feedback, hostile and broken files."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizzes.formats import FormatError, parse

SAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/An toàn thông tin/Mật khẩu</text></category>
    <info format="html"><text></text></info>
  </question>
  <question type="multichoice">
    <name><text>Mật khẩu mạnh</text></name>
    <questiontext format="html"><text><![CDATA[<p>Mật khẩu nào <b>mạnh</b> nhất?</p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Căn cứ: quy chế.</p>]]></text></generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber>MK-01</idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <answer fraction="0" format="html">
      <text><![CDATA[<p>123456</p>]]></text>
      <feedback format="html"><text>Quá ngắn.</text></feedback>
    </answer>
    <answer fraction="100" format="plain_text">
      <text>Tr@ng-Sen &lt;7&gt;</text>
      <feedback format="html"><text>Đúng.</text></feedback>
    </answer>
    <tags><tag><text>mat-khau</text></tag><tag><text>co-ban</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>Nhạy cảm</text></name>
    <questiontext format="moodle_auto_format"><text>Dữ liệu nào nhạy cảm?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>Sức khỏe</text></answer>
    <answer fraction="50"><text>Sinh trắc</text></answer>
    <answer fraction="-100"><text>Họ tên</text></answer>
  </question>
  <question type="category">
    <category><text>$course$/top</text></category>
  </question>
  <question type="truefalse">
    <name><text>Chia sẻ</text></name>
    <questiontext format="plain_text"><text>Được chia sẻ mật khẩu.</text></questiontext>
    <answer fraction="0" format="moodle_auto_format">
      <text>true</text>
      <feedback format="html"><text>Sai.</text></feedback>
    </answer>
    <answer fraction="100" format="moodle_auto_format">
      <text>false</text>
      <feedback format="html"><text>Đúng.</text></feedback>
    </answer>
  </question>
  <question type="shortanswer">
    <name><text>Viết tắt</text></name>
    <questiontext format="html"><text>2FA là gì?</text></questiontext>
    <usecase>1</usecase>
    <answer fraction="100"><text>two   factor</text><feedback><text>OK</text></feedback></answer>
    <answer fraction="50"><text>MFA</text></answer>
  </question>
  <question type="matching">
    <name><text>Ghép</text></name>
    <questiontext format="html"><text>Ghép cặp</text></questiontext>
    <subquestion format="html"><text>Mã độc</text><answer><text>Virus</text></answer></subquestion>
    <subquestion format="html"><text>Lừa đảo</text><answer><text>Phishing</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Spam</text></answer></subquestion>
  </question>
  <question type="numerical">
    <name><text>Số</text></name>
    <questiontext format="html"><text>Bao nhiêu ký tự?</text></questiontext>
    <answer fraction="100"><text>12</text><tolerance>1</tolerance><feedback><text>Đúng</text></feedback></answer>
    <answer fraction="0"><text>*</text><feedback><text>Sai</text></feedback></answer>
  </question>
  <question type="ordering">
    <name><text>Thứ tự</text></name>
    <questiontext format="html"><text>Sắp xếp</text></questiontext>
    <answer fraction="2" format="html"><text>Hai</text></answer>
    <answer fraction="1" format="html"><text>Một</text></answer>
    <answer fraction="3" format="html"><text>Ba</text></answer>
  </question>
</quiz>
"""


def test_parses_every_supported_type():
    questions = parse("moodle_xml", SAMPLE.encode())
    single, multiple, tf, short, matching, numerical, ordering = questions
    assert single.qtype == "single"
    assert (single.title, single.idnumber, single.tags) == (
        "Mật khẩu mạnh",
        "MK-01",
        ["mat-khau", "co-ban"],
    )
    assert single.category == "An toàn thông tin/Mật khẩu"
    assert single.stem == "<p>Mật khẩu nào <b>mạnh</b> nhất?</p>"
    assert single.stem_format == "html"
    assert single.general_feedback == "<p>Căn cứ: quy chế.</p>"
    # a plain_text answer in an html question is escaped into html
    assert [(c.text, c.fraction, c.feedback) for c in single.choices] == [
        ("<p>123456</p>", Decimal(0), "Quá ngắn."),
        ("Tr@ng-Sen &lt;7&gt;", Decimal(100), "Đúng."),
    ]
    assert single.line == 8
    assert multiple.qtype == "multiple"
    assert multiple.stem_format == "moodle"
    assert [c.fraction for c in multiple.choices] == [50, 50, -100]
    assert tf.category == ""
    assert tf.stem_format == "plain"
    assert [(c.text, c.fraction, c.feedback) for c in tf.choices] == [
        ("true", Decimal(0), "Sai."),
        ("false", Decimal(100), "Đúng."),
    ]
    assert [(c.text, c.fraction) for c in short.choices] == [("two factor", 100), ("MFA", 50)]
    assert matching.pairs == [("Mã độc", "Virus"), ("Lừa đảo", "Phishing"), ("", "Spam")]
    assert [(c.text, c.fraction, c.tolerance, c.feedback) for c in numerical.choices] == [
        ("12", Decimal(100), Decimal(1), "Đúng"),
        ("*", Decimal(0), None, "Sai"),
    ]
    assert ordering.items == ["Một", "Hai", "Ba"]


def _problems(xml: str) -> list[str]:
    with pytest.raises(FormatError) as excinfo:
        parse("moodle_xml", xml.encode())
    return excinfo.value.messages


def test_unsupported_types_are_named_with_their_line():
    xml = (
        "<quiz>\n"
        '<question type="essay"><name><text>Bài luận</text></name></question>\n'
        '<question type="description"><name><text>Giới thiệu</text></name></question>\n'
        '<question type="multianswer"><name><text>Cloze</text></name></question>\n'
        '<question type="calculated"><name><text>Tính</text></name></question>\n'
        '<question type="ddwtos"><name><text>Kéo thả</text></name></question>\n'
        '<question type="shortanswer"><name><text>Ảnh</text></name>\n'
        '  <questiontext format="html"><text>x</text><file name="a.png" encoding="base64">AA==</file></questiontext>\n'
        '  <answer fraction="100"><text>y</text></answer></question>\n'
        '<question type="ai_magic"><name><text>Lạ</text></name></question>\n'
        "</quiz>"
    )
    assert _problems(xml) == [
        "Dòng 2: câu hỏi «Bài luận» dạng tự luận (essay) chưa được hỗ trợ.",
        "Dòng 3: câu hỏi «Giới thiệu» dạng mô tả (description) chưa được hỗ trợ.",
        "Dòng 4: câu hỏi «Cloze» dạng điền khuyết nhiều chỗ (cloze/multianswer) chưa được hỗ trợ.",
        "Dòng 5: câu hỏi «Tính» dạng tính toán (calculated) chưa được hỗ trợ.",
        "Dòng 6: câu hỏi «Kéo thả» dạng kéo thả vào văn bản (ddwtos) chưa được hỗ trợ.",
        "Dòng 7: câu hỏi «Ảnh» có tệp đính kèm (hình ảnh…) — chưa hỗ trợ nhập tệp kèm theo.",
        "Dòng 10: câu hỏi «Lạ» dạng «ai_magic» chưa được hỗ trợ.",
    ]


def test_invalid_answers_are_reported_per_question():
    xml = (
        "<quiz>\n"
        '<question type="multichoice"><name><text>Không đúng</text></name>\n'
        "<questiontext><text>Câu?</text></questiontext><single>true</single>\n"
        '<answer fraction="0"><text>a</text></answer><answer fraction="0"><text>b</text></answer>\n'
        "</question>\n"
        '<question type="multichoice"><name><text>Lệch</text></name>\n'
        "<questiontext><text>Câu?</text></questiontext><single>false</single>\n"
        '<answer fraction="50"><text>a</text></answer><answer fraction="20"><text>b</text></answer>\n'
        "</question>\n"
        '<question type="numerical"><name><text>Số</text></name>\n'
        "<questiontext><text>Câu?</text></questiontext>\n"
        '<answer fraction="100"><text>mười</text></answer>\n'
        "</question>\n"
        '<question type="shortanswer"><name><text>Phân số</text></name>\n'
        "<questiontext><text>Câu?</text></questiontext>\n"
        '<answer fraction="abc"><text>x</text></answer>\n'
        "</question>\n"
        "</quiz>"
    )
    assert _problems(xml) == [
        "Dòng 2: câu hỏi «Không đúng»: Cần một lựa chọn có trọng số 100%.",
        "Dòng 6: câu hỏi «Lệch»: Tổng trọng số các lựa chọn đúng phải là 100% (hiện là 70%).",
        "Dòng 12: đáp án số «mười» (hoặc sai số của nó) không phải là số.",
        'Dòng 16: thuộc tính fraction="abc" không phải là số.',
    ]


@pytest.mark.parametrize(
    "xml, message",
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<quiz>&lol2;</quiz>',
            "Tệp XML có khai báo DTD (<!DOCTYPE>); vì an toàn, tệp bị từ chối.",
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            '<quiz><question type="essay"><name><text>&xxe;</text></name></question></quiz>',
            "Tệp XML có khai báo DTD (<!DOCTYPE>); vì an toàn, tệp bị từ chối.",
        ),
    ],
)
def test_hostile_xml_is_rejected(xml, message):
    assert _problems(xml) == [message]


def test_broken_xml_names_its_line():
    messages = _problems("<quiz>\n<question type='truefalse'>\n<name><text>x</name>\n</quiz>")
    assert len(messages) == 1
    assert messages[0].startswith("Dòng 3: tệp XML không hợp lệ (")


def test_root_must_be_quiz():
    assert _problems("<html><body/></html>") == [
        "Dòng 1: thẻ gốc phải là <quiz> (tệp Moodle XML), không phải <html>."
    ]


def test_export_survives_cdata_end_and_control_characters():
    from quizzes.formats import ParsedChoice, ParsedQuestion, export

    q = ParsedQuestion(
        qtype="single",
        stem="<p>Đoạn ]]> lạ\x0bdán từ Word</p>",
        stem_format="html",
        title="Tên <có> & ký tự",
        choices=[ParsedChoice("a ]]> b", Decimal(100)), ParsedChoice("c", Decimal(0))],
    )
    (again,) = parse("moodle_xml", export("moodle_xml", [q]))
    assert again.stem == "<p>Đoạn ]]> lạ dán từ Word</p>"
    assert again.title == "Tên <có> & ký tự"
    assert [c.text for c in again.choices] == ["a ]]> b", "c"]


def test_unknown_encoding_declaration():
    assert _problems('<?xml version="1.0" encoding="UTF2-8"?>\n<quiz/>') == [
        "Dòng 1: khai báo XML dùng bảng mã không hợp lệ; hãy lưu tệp dạng UTF-8."
    ]
