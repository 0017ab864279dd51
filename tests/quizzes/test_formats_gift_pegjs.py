"""Our GIFT parser against the 51 files of the GIFT-grammar-PEG.js test suite.

Each ``NAME.gift`` comes with ``NAME.json``, that parser's expected result. For every file:
when it holds only types we support, our parse must agree with the JSON on every question
(type, title, id, tags, category, stem and its format, choices with correctness and weights,
per-choice feedback, general feedback, matching pairs, numerical values and tolerances);
otherwise ``parse`` must raise FormatError naming each unsupported question, and the questions
of supported types in the same file must still agree (checked through ``parse_report``).

Normalisation of representation differences (never of meaning):

- whitespace: PEG.js turns line breaks into spaces and collapses runs of spaces outside
  html/markdown; Moodle keeps them. Texts are compared with whitespace collapsed.
- "missing word" stems: PEG.js writes ``stem1 _____ stem2`` with spaces added around the blank,
  Moodle replaces the answer block by ``_____`` in place; spaces next to ``_____`` are ignored.
- MC: PEG.js marks ``=`` answers ``isCorrect`` with weight null; our fraction is the weight when
  given, else 100 for ``=`` and 0 for ``~``. Short answers: weight, else 100.
  Single vs multiple follows Moodle: single when the block has an ``=``.
- Formats: one format per question in our representation. A choice/feedback/subquestion with
  its own marker is converted into the question's format (``base.convert_text``); the expected
  text is converted the same way before comparing. Short answers and match answers are plain.
- True/false feedback: PEG.js assigns the two feedbacks by position (first → "true",
  second → "false"). Moodle's importer (format.php, split_truefalse_comment) reads
  ``{TRUE#a#b}`` as a = feedback for the wrong answer (false), b = for the right one (true);
  we follow Moodle, so for TRUE questions the expected feedbacks are swapped before comparing.
  For FALSE questions both readings coincide.
- Numerical: ``n:t`` → value n, tolerance t; ``lo..hi`` → midpoint, half-width; ``~#text``
  (PEG.js text ``*``) → catch-all choice ``*`` at 0%.
- Categories: a ``Category`` entry sets the category of the questions after it, with the
  ``$course$/top/`` prefix removed.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.formats import FormatError, parse
from quizzes.formats.base import category_from_moodle, convert_text
from quizzes.formats.gift import parse_report
from tests.conftest import CORPUS_REASON, TESTDATA  # noqa: E402 (one home for the corpus path)

PEGJS = TESTDATA / "gift" / "gift-grammar-pegjs"
FILES = sorted(p.stem for p in PEGJS.glob("*.gift"))
UNSUPPORTED = {"Essay": "tự luận (essay)", "Description": "mô tả (description)"}

# The support table (also in quizzes/formats/SUPPORT.md). "Fully supported" = parses, agrees with
# the expected JSON and imports into the bank (test_formats_bank_roundtrip saves each file; the
# four files with numerical questions import since numerical became a bank type, issue 4).
FULLY_SUPPORTED = [
    "TFTwoFeedback",
    "category1",
    "categorySpecialCharacter",
    "escapeAll",
    "escapeColon",
    "escapeEquals",
    "formatExamples",
    "giftFormatPhpExamples",
    "matching1",
    "mc1",
    "mc2",
    "mc4",
    "mc5",
    "mcHTMLComment",
    "multiLineFeedback1",
    "multipleAnswersFloat",
    "numerical1",
    "options1",
    "shortAnswer1",
    "shortAnswer2",
    "shortAnswerNotMatching",
    "shortFirstEmbedded",
    "shortFirstEmbeddedUnderline",
    "shortFirstEmbeddedUnderlineHTML",
    "symbolsAll",
    "tf1",
    "tf1_html",
    "tf1_markdown",
    "tf2",
    "totara_moodle_match",
    "totara_moodle_multichoice",
    "totara_moodle_multichoice_multi",
    "totara_moodle_numerical",
    "totara_moodle_shortanswer",
    "totara_moodle_shortanswer_general_feedback",
    "totara_moodle_truefalse",
    "totara_moodle_truefalse_true_answer1",
    "totara_moodle_truefalse_true_answer2",
    "type_inferred_multiline_markdown",
]
# file → why not fully supported (the unsupported question types it contains)
NOT_SUPPORTED = {
    "description1": "Description",
    "descriptionTitleEscapedColon": "Description",
    "descriptionWithID": "Description",
    "essay1": "Essay",
    "markdown": "Description ×4",
    "newlineAndLaTeX": "Essay",
    "tag_id": "Essay",
    "tag_id_and_two_tags": "Essay",
    "tag_two_tags": "Essay",
    "totara_moodle_backslash": "Essay",
    "totara_moodle_essay": "Essay",
    "totara_moodle_pre_content": "Essay",
}

pytestmark = pytest.mark.skipif(not PEGJS.is_dir(), reason=CORPUS_REASON)


def norm(text: str | None) -> str:
    text = " ".join((text or "").split())
    return re.sub(r"\s*_____\s*", "_____", text)


def _rich(value, qformat: str) -> str:
    """An expected {format, text} (or None) in the question's format, normalised."""
    if not value:
        return ""
    return norm(convert_text(value["text"], value["format"], qformat))


def _num(value) -> tuple[str, str]:
    if value["type"] == "simple":
        number, tolerance = Decimal(str(value["number"])), Decimal(0)
    elif value["type"] == "range":
        number, tolerance = Decimal(str(value["number"])), Decimal(str(value["range"]))
    else:
        high, low = Decimal(str(value["numberHigh"])), Decimal(str(value["numberLow"]))
        number, tolerance = (high + low) / 2, (high - low) / 2
    return (f"{number.normalize():f}", f"{tolerance.normalize():f}")


def _weight(choice, default: int) -> str:
    weight = choice.get("weight")
    value = Decimal(str(weight)) if weight is not None else Decimal(default)
    return f"{value.normalize():f}"


def expected_view(q: dict, category: str) -> dict:
    qformat = q["stem"]["format"]
    kind = q["type"]
    view = {
        "title": q.get("title") or "",
        "idnumber": q.get("id") or "",
        "tags": q.get("tags") or [],
        "category": category,
        "stem": norm(q["stem"]["text"]),
        "stem_format": qformat,
        "general_feedback": _rich(q.get("globalFeedback"), qformat),
        "choices": [],
        "pairs": [],
    }
    if kind == "MC":
        single = any(c["isCorrect"] for c in q["choices"])
        view["qtype"] = "single" if single else "multiple"
        view["choices"] = [
            (
                _rich(c["text"], qformat),
                _weight(c, 100 if c["isCorrect"] else 0),
                _rich(c["feedback"], qformat),
                None,
            )
            for c in q["choices"]
        ]
    elif kind == "Short":
        view["qtype"] = "short"
        view["choices"] = [
            (norm(c["text"]["text"]), _weight(c, 100), _rich(c["feedback"], qformat), None)
            for c in q["choices"]
        ]
    elif kind == "TF":
        view["qtype"] = "truefalse"
        first, second = q.get("trueFeedback"), q.get("falseFeedback")
        if q["isTrue"]:  # Moodle: first feedback is for the wrong answer (false)
            first, second = second, first
        view["choices"] = [
            ("true", "100" if q["isTrue"] else "0", _rich(first, qformat), None),
            ("false", "0" if q["isTrue"] else "100", _rich(second, qformat), None),
        ]
    elif kind == "Matching":
        view["qtype"] = "matching"
        view["pairs"] = [
            (_rich(p["subquestion"], qformat), norm(p["subanswer"])) for p in q["matchPairs"]
        ]
    elif kind == "Numerical":
        view["qtype"] = "numerical"
        choices = q["choices"]
        if isinstance(choices, dict):
            choices = [{"isCorrect": True, "weight": None, "text": choices, "feedback": None}]
        for c in choices:
            text = c["text"]
            if "format" in text:  # catch-all "*"
                view["choices"].append(("*", _weight(c, 0), _rich(c["feedback"], qformat), None))
            else:
                value, tolerance = _num(text)
                weight = _weight(c, 100 if c["isCorrect"] else 0)
                view["choices"].append((value, weight, _rich(c["feedback"], qformat), tolerance))
    else:
        raise AssertionError(f"unexpected type {kind}")
    return view


def our_view(q) -> dict:
    return {
        "qtype": q.qtype,
        "title": q.title,
        "idnumber": q.idnumber,
        "tags": q.tags,
        "category": q.category,
        "stem": norm(q.stem),
        "stem_format": q.stem_format,
        "general_feedback": norm(q.general_feedback),
        "choices": [
            (
                norm(c.text),
                f"{c.fraction.normalize():f}",
                norm(c.feedback),
                None if c.tolerance is None else f"{c.tolerance.normalize():f}",
            )
            for c in q.choices
        ],
        "pairs": [(norm(a), norm(b)) for a, b in q.pairs],
    }


def load(name: str):
    expected = json.loads((PEGJS / f"{name}.json").read_text(encoding="utf-8"))
    data = (PEGJS / f"{name}.gift").read_bytes()
    return expected, data


def split_expected(expected: list[dict]):
    """(supported questions as views, unsupported questions) in file order."""
    category = ""
    views, unsupported = [], []
    for q in expected:
        if q["type"] == "Category":
            category = category_from_moodle(q["title"])
        elif q["type"] in UNSUPPORTED:
            unsupported.append(q)
        else:
            views.append(expected_view(q, category))
    return views, unsupported


@pytest.mark.parametrize("name", FILES)
def test_pegjs_file(name):
    expected, data = load(name)
    views, unsupported = split_expected(expected)
    if not unsupported:
        questions = parse("gift", data)
        assert [our_view(q) for q in questions] == views
        return

    with pytest.raises(FormatError) as excinfo:
        parse("gift", data)
    messages = excinfo.value.messages
    assert len(messages) == len(unsupported), messages
    for q, message in zip(unsupported, messages, strict=True):
        assert re.match(r"^Dòng \d+: ", message), message
        assert UNSUPPORTED[q["type"]] in message, message
        assert "chưa được hỗ trợ" in message
        if q.get("title"):
            assert f"«{q['title']}»" in message
    # The supported questions of a mixed file still agree.
    questions, problems = parse_report(data)
    assert len(problems) == len(unsupported)
    assert [our_view(q) for q in questions] == views


def test_support_table():
    """Which files are fully supported; the table lives in quizzes/formats/SUPPORT.md."""
    fully, partly = [], {}
    for name in FILES:
        expected, _data = load(name)
        _views, unsupported = split_expected(expected)
        if unsupported:
            partly[name] = sorted({q["type"] for q in unsupported})
        else:
            fully.append(name)
    print(f"\nGIFT-grammar-PEG.js files fully supported ({len(fully)}):")
    for name in fully:
        print("  ", name)
    print(f"not supported ({len(partly)}):")
    for name, kinds in partly.items():
        print("  ", name, "—", ", ".join(kinds))
    assert len(FILES) == 51
    assert fully == FULLY_SUPPORTED
    assert sorted(partly) == sorted(NOT_SUPPORTED)
    support_md = Path(__file__).resolve().parents[2] / "quizzes" / "formats" / "SUPPORT.md"
    table = support_md.read_text(encoding="utf-8")
    for name in FILES:
        assert f"`{name}`" in table, f"{name} missing from SUPPORT.md"


@pytest.mark.parametrize("name", ["category1", "categorySpecialCharacter"])
def test_category_applies_to_following_questions(name):
    _expected, data = load(name)
    questions = parse("gift", data + "\n\nCâu hỏi sau danh mục?{T}\n".encode())
    expected_category = {
        "category1": "Default for LING-373-2194-B",
        "categorySpecialCharacter": "Default for Unit 1: Topic",
    }[name]
    assert [q.category for q in questions] == [expected_category]


def test_unsupported_questions_named_with_their_line():
    _expected, data = load("totara_moodle_pre_content")
    with pytest.raises(FormatError) as excinfo:
        parse("gift", data)
    assert excinfo.value.messages == [
        "Dòng 3: câu hỏi «Q001» dạng tự luận (essay) chưa được hỗ trợ."
    ]
    _expected, data = load("markdown")
    with pytest.raises(FormatError) as excinfo:
        parse("gift", data)
    assert [p.line for p in excinfo.value.problems] == [1, 3, 6, 11]


@pytest.mark.parametrize(
    "name, replace",
    [
        ("tag_id", ("{}", "{T}")),
        ("tag_two_tags", ("{}", "{T}")),
        ("tag_id_and_two_tags", ("{}", "{T}")),
        ("descriptionWithID", ("next questions.", "next questions.{T}")),
    ],
)
def test_id_and_tag_comments_of_the_unsupported_files(name, replace):
    """ids and tags in these files sit on essays/descriptions; turned into true/false
    questions (same comment lines, same position), they must carry the expected id and tags."""
    expected, data = load(name)
    source = data.decode()
    assert replace[0] in source
    questions = parse("gift", source.replace(replace[0], replace[1], 1))
    first = expected[0]
    assert (questions[0].idnumber, questions[0].tags) == (first["id"] or "", first["tags"] or [])
    assert questions[0].title == (first["title"] or "")
