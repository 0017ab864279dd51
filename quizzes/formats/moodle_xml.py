"""Moodle XML import and export.

Parsed with defusedxml (SAX, with DTDs, entities and external references forbidden) so a
hostile file cannot expand entities or read local files; line numbers come from the parser.

Supported question types: ``multichoice`` (``<single>`` true → single, false → multiple),
``multichoiceset`` (Moodle's all-or-nothing multiple choice plugin: multiple choice graded all
or nothing; an answer with a positive fraction is right, and right answers that do not add up to
100 % share it equally), ``truefalse``, ``shortanswer`` (``<usecase>`` is read but our short answers are always
case-insensitive), ``matching``, ``numerical`` (``<tolerance>``, ``*`` catch-all) and
``ordering`` (qtype_ordering: answers in their correct order; ``<gradingtype>``
ABSOLUTE_POSITION or ALL_OR_NOTHING, any other grading type is reported).
All-or-nothing grading is exported as ``multichoiceset`` (multiple choice),
``<gradingtype>ALL_OR_NOTHING</gradingtype>`` (ordering) and ``<allornothing>1</allornothing>``
(matching; ours, Moodle's matching has no such mode and ignores the element). ``<question type="category">``
sets the category of the questions after it (``$course$/top/`` removed). Every other type
(essay, description, multianswer/cloze, calculated…, ddwtos, gapselect, random…) is reported by
name with its line. Embedded files (``<file>``, images) are reported too: they would be lost.

Texts keep their format: ``html``, ``moodle_auto_format`` (→ "moodle"), ``plain_text``
(→ "plain"), ``markdown``. Answers/feedback in another format than the question text are
converted with ``base.convert_text``. ``fraction`` attributes are percentages already.
``<ignorediacritics>1</ignorediacritics>`` (ours; Moodle ignores unknown elements) carries
``ignore_diacritics`` through a round trip.
"""

from __future__ import annotations

import re
import xml.sax
from decimal import Decimal, InvalidOperation
from xml.sax.saxutils import escape as _sax_escape
from xml.sax.saxutils import quoteattr

import defusedxml
import defusedxml.sax
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import (
    STEM_FORMATS,
    FormatError,
    ImportProblem,
    ParsedChoice,
    ParsedQuestion,
    category_from_moodle,
    category_to_moodle,
    convert_text,
    fraction_str,
    line_message,
    validate_question,
)

FORMAT_FROM_XML = {
    "html": gettext_lazy("html"),
    "moodle_auto_format": "moodle",
    "plain_text": "plain",
    "markdown": gettext_lazy("markdown"),
}
FORMAT_TO_XML = {v: k for k, v in FORMAT_FROM_XML.items()}

# qtype_ordering's <gradingtype> values we grade the same way (the others are relative orders).
ORDERING_GRADING = {"ABSOLUTE_POSITION": "partial", "ALL_OR_NOTHING": "all_or_nothing"}

UNSUPPORTED_NAMES = {
    "essay": gettext_lazy("tự luận (essay)"),
    "description": gettext_lazy("mô tả (description)"),
    "multianswer": gettext_lazy("điền khuyết nhiều chỗ (cloze/multianswer)"),
    "calculated": gettext_lazy("tính toán (calculated)"),
    "calculatedsimple": gettext_lazy("tính toán đơn giản (calculatedsimple)"),
    "calculatedmulti": gettext_lazy("tính toán nhiều lựa chọn (calculatedmulti)"),
    "ddwtos": gettext_lazy("kéo thả vào văn bản (ddwtos)"),
    "gapselect": gettext_lazy("chọn từ vào chỗ trống (gapselect)"),
    "ddimageortext": gettext_lazy("kéo thả lên hình (ddimageortext)"),
    "ddmarker": gettext_lazy("kéo thả điểm đánh dấu (ddmarker)"),
    "randomsamatch": gettext_lazy("ghép cặp ngẫu nhiên từ câu trả lời ngắn (randomsamatch)"),
    "random": gettext_lazy("câu hỏi ngẫu nhiên (random)"),
}


class _Node:
    __slots__ = ("attrib", "children", "line", "tag", "text")

    def __init__(self, tag: str, attrib: dict, line: int):
        self.tag = tag
        self.attrib = attrib
        self.line = line
        self.children: list[_Node] = []
        self.text = ""

    def find(self, tag: str) -> _Node | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list[_Node]:
        return [c for c in self.children if c.tag == tag]

    def iter(self, tag: str):
        for child in self.children:
            if child.tag == tag:
                yield child
            yield from child.iter(tag)

    def child_text(self, tag: str, default: str = "") -> str:
        """Text of ``<tag><text>…</text></tag>`` or of ``<tag>…</tag>``."""
        node = self.find(tag)
        if node is None:
            return default
        inner = node.find("text")
        return (inner.text if inner is not None else node.text).strip()


class _Builder(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.root: _Node | None = None
        self.stack: list[_Node] = []
        self.locator = None

    def setDocumentLocator(self, locator):  # noqa: N802 (SAX API)
        self.locator = locator

    def startElement(self, name, attrs):  # noqa: N802
        line = self.locator.getLineNumber() if self.locator else 0
        node = _Node(name, dict(attrs.items()), line)
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name):  # noqa: N802
        self.stack.pop()

    def characters(self, content):
        if self.stack:
            self.stack[-1].text += content


def _load(data: bytes | str) -> _Node:
    if isinstance(data, str):
        data = data.encode("utf-8")
    builder = _Builder()
    try:
        defusedxml.sax.parseString(
            data, builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DTDForbidden:
        raise FormatError(
            [
                ImportProblem(
                    1, _("Tệp XML có khai báo DTD (<!DOCTYPE>); vì an toàn, tệp bị từ chối.")
                )
            ]
        ) from None
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise FormatError(
            [
                ImportProblem(
                    1,
                    _(
                        "Tệp XML khai báo thực thể (ENTITY) hoặc tham chiếu bên ngoài; vì an toàn, tệp bị từ chối."
                    ),
                )
            ]
        ) from None
    except LookupError:  # encoding="…" names an encoding Python does not know
        raise FormatError(
            [
                ImportProblem(
                    1,
                    line_message(
                        1, _("khai báo XML dùng bảng mã không hợp lệ; hãy lưu tệp dạng UTF-8.")
                    ),
                )
            ]
        ) from None
    except xml.sax.SAXParseException as exc:
        line = exc.getLineNumber() or 0
        raise FormatError(
            [
                ImportProblem(
                    line,
                    line_message(
                        line,
                        _("tệp XML không hợp lệ (%(error)s).") % {"error": exc.getMessage()},
                    ),
                )
            ]
        ) from None
    if builder.root is None:
        raise FormatError([ImportProblem(0, _("Tệp XML rỗng."))])
    return builder.root


def _fmt(node: _Node | None, default: str) -> str:
    if node is None:
        return default
    return FORMAT_FROM_XML.get(node.attrib.get("format", ""), default)


def _rich(node: _Node | None, qformat: str) -> str:
    """The text of a ``<questiontext>``/``<feedback>``/``<answer>``-like node, converted."""
    if node is None:
        return ""
    inner = node.find("text")
    text = (inner.text if inner is not None else "").strip()
    return convert_text(text, _fmt(node, qformat), qformat)


def _fraction(node: _Node) -> Decimal | None:
    try:
        value = Decimal(node.attrib.get("fraction", "0").strip() or "0")
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse(data: bytes | str, filename: str = "") -> list[ParsedQuestion]:
    root = _load(data)
    if root.tag != "quiz":
        raise FormatError(
            [
                ImportProblem(
                    root.line,
                    line_message(
                        root.line,
                        _("thẻ gốc phải là <quiz> (tệp Moodle XML), không phải <%(tag)s>.")
                        % {"tag": root.tag},
                    ),
                )
            ]
        )
    problems: list[ImportProblem] = []
    questions: list[ParsedQuestion] = []
    category = ""

    def report(line: int, message: str) -> None:
        problems.append(ImportProblem(line, line_message(line, message)))

    for node in root.findall("question"):
        qtype = node.attrib.get("type", "").strip()
        name = " ".join(node.child_text("name").split())
        label = f"«{name}»" if name else ""
        if qtype == "category":
            category = category_from_moodle(node.child_text("category"))
            continue
        if qtype not in (
            "multichoice",
            "multichoiceset",
            "truefalse",
            "shortanswer",
            "matching",
            "numerical",
            "ordering",
        ):
            kind = UNSUPPORTED_NAMES.get(qtype, f"«{qtype}»")
            report(
                node.line,
                _("câu hỏi %(label)s dạng %(kind)s chưa được hỗ trợ.")
                % {"label": label, "kind": kind},
            )
            continue
        if any(True for _f in node.iter("file")):
            report(
                node.line,
                _("câu hỏi %(label)s có tệp đính kèm (hình ảnh…) — chưa hỗ trợ nhập tệp kèm theo.")
                % {"label": label},
            )
            continue
        question = _parse_question(node, qtype, name, report)
        if question is None:
            continue
        question.category = category
        for message in validate_question(question):
            report(node.line, message)
        questions.append(question)

    if problems:
        raise FormatError(problems)
    return questions


def _parse_question(node: _Node, qtype: str, name: str, report) -> ParsedQuestion | None:
    qtext = node.find("questiontext")
    qformat = _fmt(qtext, "html")
    q = ParsedQuestion(
        qtype="single",
        stem=_rich(qtext, qformat),
        stem_format=qformat,
        title=name,
        idnumber=node.child_text("idnumber"),
        general_feedback=_rich(node.find("generalfeedback"), qformat),
        line=node.line,
        ignore_diacritics=node.child_text("ignorediacritics") in ("1", "true"),
    )
    tags = node.find("tags")
    if tags is not None:
        q.tags = [" ".join(t.child_text("text").split()) for t in tags.findall("tag")]
        q.tags = [t for t in q.tags if t]

    bad = False
    answers = node.findall("answer")
    for answer in answers:
        if _fraction(answer) is None:
            report(
                answer.line,
                _("thuộc tính fraction=%(value)s không phải là số.")
                % {"value": quoteattr(answer.attrib.get("fraction", ""))},
            )
            bad = True
    if bad:
        return None

    if qtype == "multichoice":
        single = node.child_text("single", "true").lower() in ("true", "1")
        q.qtype = "single" if single else "multiple"
        q.choices = [
            ParsedChoice(_rich(a, qformat), _fraction(a), _rich(a.find("feedback"), qformat))
            for a in answers
        ]
    elif qtype == "multichoiceset":
        # Moodle's all-or-nothing multiple choice: an answer with a positive fraction is right.
        q.qtype = "multiple"
        q.grading_mode = "all_or_nothing"
        q.choices = [
            ParsedChoice(_rich(a, qformat), _fraction(a), _rich(a.find("feedback"), qformat))
            for a in answers
        ]
        _share_right_choices(q.choices)
    elif qtype == "truefalse":
        q.qtype = "truefalse"
        by_text = {}
        for a in answers:
            by_text[a.child_text("text").lower()] = a
        if set(by_text) != {"true", "false"}:
            report(node.line, _("câu hỏi đúng/sai phải có hai đáp án «true» và «false»."))
            return None
        q.choices = [
            ParsedChoice(
                value,
                Decimal(100) if _fraction(by_text[value]) > 0 else Decimal(0),
                _rich(by_text[value].find("feedback"), qformat),
            )
            for value in ("true", "false")
        ]
    elif qtype == "shortanswer":
        q.qtype = "short"
        q.choices = [
            ParsedChoice(
                " ".join(a.child_text("text").split()),
                _fraction(a),
                _rich(a.find("feedback"), qformat),
            )
            for a in answers
        ]
    elif qtype == "numerical":
        q.qtype = "numerical"
        for a in answers:
            value = a.child_text("text")
            feedback = _rich(a.find("feedback"), qformat)
            if value == "*":
                q.choices.append(ParsedChoice("*", _fraction(a), feedback))
                continue
            try:
                number = Decimal(value)
                tolerance = Decimal(a.child_text("tolerance", "0") or "0")
                if not (number.is_finite() and tolerance.is_finite()):
                    raise InvalidOperation
            except InvalidOperation:
                report(
                    a.line,
                    _("đáp án số «%(value)s» (hoặc sai số của nó) không phải là số.")
                    % {"value": value},
                )
                return None
            q.choices.append(
                ParsedChoice(fraction_str(number), _fraction(a), feedback, abs(tolerance))
            )
    elif qtype == "matching":
        q.qtype = "matching"
        if node.child_text("allornothing") in ("1", "true"):
            q.grading_mode = "all_or_nothing"
        for sub in node.findall("subquestion"):
            answer = sub.find("answer")
            right = " ".join((answer.child_text("text") if answer is not None else "").split())
            q.pairs.append((_rich(sub, qformat), right))
    elif qtype == "ordering":
        q.qtype = "ordering"
        grading = node.child_text("gradingtype", "ABSOLUTE_POSITION").upper() or "ABSOLUTE_POSITION"
        if grading not in ORDERING_GRADING:
            report(
                node.line,
                _(
                    "câu hỏi sắp xếp %(label)s chấm theo kiểu «%(kind)s» chưa được hỗ trợ "
                    "(chỉ ABSOLUTE_POSITION: từng vị trí đúng, hoặc ALL_OR_NOTHING: đúng hết)."
                )
                % {"label": f"«{name}»" if name else "", "kind": grading},
            )
            return None
        q.grading_mode = ORDERING_GRADING[grading]
        ordered = sorted(enumerate(answers), key=lambda ia: (_fraction(ia[1]), ia[0]))
        q.items = [_rich(a, qformat) for _i, a in ordered]
    return q


def _share_right_choices(choices: list[ParsedChoice]) -> None:
    """Moodle stores all-or-nothing answers as right (100) or wrong (0); the bank wants the
    right ones to add up to 100 %: each gets 100/k % when they do not already."""
    right = [c for c in choices if c.fraction is not None and c.fraction > 0]
    if not right or abs(sum(c.fraction for c in right) - 100) < Decimal("0.05"):
        return
    share = (Decimal(100) / len(right)).quantize(Decimal("0.00001"))
    for choice in right:
        choice.fraction = share


# --- export ---------------------------------------------------------------------------------


# Characters XML 1.0 cannot hold (a vertical tab pasted from Word, for one) become spaces.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_escape(text: str) -> str:
    return _sax_escape(_INVALID_XML.sub(" ", text))


def _cdata(text: str) -> str:
    text = _INVALID_XML.sub(" ", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text_el(text: str, fmt: str) -> str:
    if fmt == "html" and text:
        return f"<text>{_cdata(text)}</text>"
    return f"<text>{xml_escape(text)}</text>"


def _formatted(tag: str, text: str, fmt: str, indent: str = "    ") -> str:
    return f'{indent}<{tag} format="{FORMAT_TO_XML[fmt]}">{_text_el(text, fmt)}</{tag}>'


def export(questions: list[ParsedQuestion]) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    category: str | None = None
    for q in questions:
        if q.category != category and (category is not None or q.category):
            out.append('  <question type="category">')
            out.append(
                f"    <category><text>{xml_escape(category_to_moodle(q.category))}</text></category>"
            )
            out.append("  </question>")
        category = q.category
        out.append(_export_question(q))
    out.append("</quiz>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _export_question(q: ParsedQuestion) -> str:
    fmt = q.stem_format if q.stem_format in STEM_FORMATS else "html"
    all_or_nothing = q.grading_mode == "all_or_nothing"
    xtype = {
        "single": "multichoice",
        "multiple": "multichoice",
        "truefalse": "truefalse",
        "short": "shortanswer",
        "matching": "matching",
        "numerical": "numerical",
        "ordering": "ordering",
    }[q.qtype]
    if q.qtype == "multiple" and all_or_nothing:
        xtype = "multichoiceset"  # Moodle's all-or-nothing multiple choice
    lines = [f'  <question type="{xtype}">']
    lines.append(f"    <name><text>{xml_escape(q.title)}</text></name>")
    lines.append(_formatted("questiontext", q.stem, fmt))
    lines.append(_formatted("generalfeedback", q.general_feedback, fmt))
    lines.append("    <defaultgrade>1</defaultgrade>")
    lines.append("    <hidden>0</hidden>")
    lines.append(f"    <idnumber>{xml_escape(q.idnumber)}</idnumber>")
    if q.ignore_diacritics:
        lines.append("    <ignorediacritics>1</ignorediacritics>")
    answer_fmt = FORMAT_TO_XML[fmt]
    if q.qtype in ("single", "multiple"):
        if xtype == "multichoice":
            lines.append(f"    <single>{'true' if q.qtype == 'single' else 'false'}</single>")
        lines.append("    <shuffleanswers>true</shuffleanswers>")
        lines.append("    <answernumbering>abc</answernumbering>")
    if q.qtype == "short":
        lines.append("    <usecase>0</usecase>")
    for c in q.choices:
        text_fmt = fmt if q.qtype in ("single", "multiple") else "plain"
        attrs = f'fraction="{fraction_str(c.fraction)}" format="{answer_fmt}"'
        lines.append(f"    <answer {attrs}>")
        lines.append(f"      {_text_el(c.text, text_fmt)}")
        lines.append(_formatted("feedback", c.feedback, fmt, "      "))
        if q.qtype == "numerical" and c.text != "*":
            lines.append(f"      <tolerance>{fraction_str(c.tolerance or Decimal(0))}</tolerance>")
        lines.append("    </answer>")
    if q.qtype == "matching":
        lines.append("    <shuffleanswers>true</shuffleanswers>")
        if all_or_nothing:
            lines.append("    <allornothing>1</allornothing>")
        for left, right in q.pairs:
            lines.append(f'    <subquestion format="{answer_fmt}">')
            lines.append(f"      {_text_el(left, fmt)}")
            lines.append(f"      <answer><text>{xml_escape(right)}</text></answer>")
            lines.append("    </subquestion>")
    if q.qtype == "ordering":
        grading = "ALL_OR_NOTHING" if all_or_nothing else "ABSOLUTE_POSITION"
        lines.append(f"    <gradingtype>{grading}</gradingtype>")
        for position, item in enumerate(q.items, start=1):
            lines.append(f'    <answer fraction="{position}" format="{answer_fmt}">')
            lines.append(f"      {_text_el(item, fmt)}")
            lines.append("    </answer>")
    if q.tags:
        lines.append("    <tags>")
        for tag in q.tags:
            lines.append(f"      <tag><text>{xml_escape(tag)}</text></tag>")
        lines.append("    </tags>")
    lines.append("  </question>")
    return "\n".join(lines)
