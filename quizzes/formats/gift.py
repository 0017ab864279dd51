"""Moodle GIFT import and export.

Follows Moodle's own importer (question/format/gift/format.php) for what a question is:

- questions are separated by blank lines; lines starting with ``//`` are comments, and a
  comment may carry ``[id:...]``, ``[tag:...]`` (Moodle), ``[option:ignore_diacritics]`` and
  ``[option:all_or_nothing]`` (ours, so that short answers ignoring diacritics and all-or-nothing
  grading survive a round trip; GIFT itself has neither, and Moodle ignores the comments);
- ``$CATEGORY: $course$/top/A/B`` sets the category ``A/B`` for the questions that follow;
- ``::title::`` then the stem, optionally starting with ``[html]``, ``[markdown]``, ``[plain]``
  or ``[moodle]`` (the default); answers, feedback and general feedback use the question's
  format unless they carry their own marker (then they are converted, see ``convert_text``);
- escapes ``\\~ \\= \\# \\{ \\} \\: \\\\`` and ``\\n`` (newline);
- one ``{...}`` answer block; text after it turns the stem into a "missing word" stem with
  ``_____`` where the block was;
- ``{T}``/``{TRUE}``/``{F}``/``{FALSE}`` with ``#wrong feedback#right feedback``;
  ``{~a =b}`` single choice (one or more ``=``), ``{~%50%a ~%50%b ~%-100%c}`` multiple choice;
  ``{=a =%50%b}`` or ``{a}`` short answer; ``{=a -> b =c -> d}`` matching;
  ``{#1822:5}``, ``{#1..5}``, ``{#=1822:0 =%50%1822:2 ~#wrong}`` numerical;
- ``####`` starts the general feedback; ``#`` a per-answer feedback; ``%50%`` a weight.

Essay (``{}``) and description (no braces) questions are reported as unsupported, by name.
Everything wrong in a file is reported at once, each with its line; nothing is returned then.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .base import (
    STEM_FORMATS,
    FormatError,
    ImportProblem,
    ParsedChoice,
    ParsedQuestion,
    category_from_moodle,
    category_to_moodle,
    convert_text,
    decode_text,
    fraction_str,
    line_message,
    validate_question,
)

# Escaped control characters become private-use placeholders while parsing.
_ESCAPES = {"\\": 0, ":": 1, "#": 2, "=": 3, "{": 4, "}": 5, "~": 6, "n": 7}
_PH = {ch: chr(0xF0000 + i) for ch, i in _ESCAPES.items()}
_UNPH = {chr(0xF0000 + i): ("\n" if ch == "n" else ch) for ch, i in _ESCAPES.items()}
_UNPH_RE = re.compile("[" + "".join(_UNPH) + "]")
_WEIGHT_RE = re.compile(r"^%([^%\n]*)%")
_FORMAT_RE = re.compile(r"^\[(html|markdown|plain|moodle)\]")
_ID_RE = re.compile(r"\[id:([^\x00-\x1F\x7F]+?)\]")
_TAG_RE = re.compile(r"\[tag:([^\x00-\x1F\x7F]+?)\]")
_OPTION_RE = re.compile(r"\[option:ignore_diacritics\]")
_ALL_OR_NOTHING_RE = re.compile(r"\[option:all_or_nothing\]")
BLANK = "_____"


def _protect(text: str) -> str:
    out = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _PH:
            out.append(_PH[text[i + 1]])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _unprotect(text: str) -> str:
    return _UNPH_RE.sub(lambda m: _UNPH[m.group(0)], text)


class _Block:
    """One question's text with escapes protected, and a way back to file line numbers."""

    def __init__(self, start_line: int, lines: list[str]):
        self.start_line = start_line
        self.comments = [ln.strip() for ln in lines if ln.strip().startswith("//")]
        # Comment lines become empty lines so positions still map to file lines.
        self.text = _protect("\n".join("" if ln.strip().startswith("//") else ln for ln in lines))

    def line(self, pos: int) -> int:
        return self.start_line + self.text.count("\n", 0, max(pos, 0))


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip() == "":
            if current:
                blocks.append(_Block(start, current))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append(_Block(start, current))
    return blocks


def _split_format(text: str, default: str) -> tuple[str, str]:
    """Take a leading ``[format]`` marker off a (protected) text."""
    stripped = text.strip()
    m = _FORMAT_RE.match(stripped)
    if m:
        return m.group(1), stripped[m.end() :].strip()
    return default, stripped


def _rich(text: str, qformat: str) -> str:
    """A choice/feedback text: own format marker converted into the question's format."""
    fmt, body = _split_format(text, qformat)
    return convert_text(_unprotect(body).strip(), fmt, qformat)


def _plain(text: str) -> str:
    """Short-answer / match-answer text: format marker dropped, whitespace collapsed."""
    _fmt, body = _split_format(text, "plain")
    return " ".join(_unprotect(body).split())


class _Items:
    """Split an answer block at its markers (``~``/``=``), remembering each item's offset."""

    def __init__(self, text: str, offset: int, markers: str):
        self.lead = ""
        self.lead_pos = offset
        self.items: list[tuple[str, str, int]] = []  # (marker, text, absolute position)
        positions = [i for i, ch in enumerate(text) if ch in markers]
        first = positions[0] if positions else len(text)
        self.lead = text[:first]
        for k, i in enumerate(positions):
            end = positions[k + 1] if k + 1 < len(positions) else len(text)
            self.items.append((text[i], text[i + 1 : end], offset + i))


def _weight(text: str) -> tuple[Decimal | None, str, str | None]:
    """Take a leading ``%50%`` weight. Returns (weight or None, rest, error or None)."""
    stripped = text.lstrip()
    m = _WEIGHT_RE.match(stripped)
    if not m:
        return None, stripped, None
    raw = m.group(1).strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None, stripped, _("trọng số «%(raw)s» không phải là số phần trăm.") % {"raw": raw}
    if not value.is_finite():
        return None, stripped, _("trọng số «%(raw)s» không phải là số phần trăm.") % {"raw": raw}
    if value < -100 or value > 100:
        return (
            None,
            stripped,
            _("trọng số %(raw)s%% phải nằm trong khoảng -100%% đến 100%%.") % {"raw": raw},
        )
    return value, stripped[m.end() :], None


def _feedback_split(text: str) -> tuple[str, str]:
    if "#" in text:
        answer, feedback = text.split("#", 1)
        return answer, feedback
    return text, ""


def _number(raw: str) -> Decimal | None:
    raw = _unprotect(raw).strip()
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", raw):
        return None
    return Decimal(raw)


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse(data: bytes | str, filename: str = "") -> list[ParsedQuestion]:
    """Every question of the file, or FormatError listing every problem."""
    questions, problems = parse_report(data)
    if problems:
        raise FormatError(problems)
    return questions


def parse_report(data: bytes | str) -> tuple[list[ParsedQuestion], list[ImportProblem]]:
    """The questions that parsed and the problems found, for previews and tests.

    Importers must use :func:`parse`, which is all-or-nothing.
    """
    text = decode_text(data)
    problems: list[ImportProblem] = []
    questions: list[ParsedQuestion] = []
    category = ""

    def report(line: int, message: str) -> None:
        problems.append(ImportProblem(line, line_message(line, message)))

    for block in _blocks(text):
        body = block.text
        if not body.strip():
            continue  # only comments
        start = len(body) - len(body.lstrip())
        first_line = block.line(start)
        if body[start:].startswith("$CATEGORY:"):
            # The category is the rest of its line; a question may follow on the next line.
            end = body.find("\n", start)
            end = len(body) if end < 0 else end
            category = category_from_moodle(_unprotect(body[start + len("$CATEGORY:") : end]))
            rest = body[end:]
            if not rest.strip():
                continue
            start = end + len(rest) - len(rest.lstrip())
            first_line = block.line(start)
        question = _parse_question(block, start, report)
        if question is None:
            continue
        question.category = category
        question.line = first_line
        for comment in block.comments:
            m = _ID_RE.search(comment)
            if m:
                question.idnumber = m.group(1).strip().replace("\\]", "]")
            question.tags.extend(t.strip() for t in _TAG_RE.findall(comment) if t.strip())
            if _OPTION_RE.search(comment):
                question.ignore_diacritics = True
            if _ALL_OR_NOTHING_RE.search(comment):
                question.grading_mode = "all_or_nothing"
        errors = validate_question(question)
        for message in errors:
            report(first_line, message)
        if not errors:
            questions.append(question)

    problems.sort(key=lambda p: p.line)
    return questions, problems


def _parse_question(block: _Block, pos: int, report) -> ParsedQuestion | None:  # noqa: C901
    t = block.text
    title = ""
    question_line = block.line(pos)
    if t.startswith("::", pos):
        end = t.find("::", pos + 2)
        if end < 0:
            report(block.line(pos), _("tiêu đề mở bằng «::» nhưng không có «::» đóng."))
            return None
        title = " ".join(_unprotect(t[pos + 2 : end]).split())
        pos = end + 2

    def label(stem_text: str) -> str:
        if title:
            return f"«{title}»"
        return f"«{_snippet(_unprotect(_split_format(stem_text, '')[1]))}»"

    open_pos = t.find("{", pos)
    close_pos = t.find("}", pos)
    if open_pos < 0 and close_pos < 0:
        report(
            question_line,
            _(
                "câu hỏi %(label)s dạng mô tả (description) chưa được hỗ trợ "
                "(không có phần trả lời {…})."
            )
            % {"label": label(t[pos:])},
        )
        return None
    if open_pos < 0:
        report(
            block.line(close_pos),
            _('thiếu dấu "{" mở câu trả lời (có dấu "}" nhưng không có "{").'),
        )
        return None
    if close_pos < 0:
        report(block.line(open_pos), _('thiếu dấu "}" đóng câu trả lời.'))
        return None
    if close_pos < open_pos:
        report(block.line(close_pos), _('dấu "}" đứng trước dấu "{" mở câu trả lời.'))
        return None
    nested = t.find("{", open_pos + 1, close_pos)
    if nested >= 0:
        report(
            block.line(open_pos),
            _('thiếu dấu "}" đóng câu trả lời (gặp dấu "{" thứ hai ở dòng %(other)d).')
            % {"other": block.line(nested)},
        )
        return None
    after = t[close_pos + 1 :]
    if "{" in after or "}" in after:
        extra = close_pos + 1 + min(i for i in (after.find("{"), after.find("}")) if i >= 0)
        report(
            block.line(extra),
            _(
                "mỗi câu hỏi chỉ có một phần trả lời {…}; có thể thiếu dòng trống giữa hai câu hỏi,"
                " hoặc cần viết \\{ \\} để hiển thị dấu ngoặc."
            ),
        )
        return None

    before = t[pos:open_pos]
    # Text after the answer block makes a "missing word" stem, as in Moodle.
    stem_raw = before + BLANK + after if after.strip() else before
    qformat, stem_body = _split_format(stem_raw, "moodle")
    stem = _unprotect(stem_body).strip()

    answer = t[open_pos + 1 : close_pos]
    general = ""
    gf = answer.rfind("####")
    if gf >= 0:
        general = _rich(answer[gf + 4 :], qformat)
        answer = answer[:gf]
    stripped = answer.strip()
    q = ParsedQuestion(
        qtype="short", stem=stem, stem_format=qformat, title=title, general_feedback=general
    )

    if stripped == "":
        report(
            question_line,
            _("câu hỏi %(label)s dạng tự luận (essay) chưa được hỗ trợ.")
            % {"label": label(stem_raw)},
        )
        return None

    block_errors: list[tuple[int, str]] = []

    def err(position: int, message: str) -> None:
        block_errors.append((block.line(position), message))

    offset = open_pos + 1
    if stripped.startswith("#"):
        q.qtype = "numerical"
        hash_at = answer.index("#")
        _parse_numerical(q, answer[hash_at + 1 :], offset + hash_at + 1, err)
    elif "~" in answer:
        _parse_multichoice(q, answer, offset, err)
    elif "=" in answer and "->" in answer:
        q.qtype = "matching"
        _parse_matching(q, answer, offset, err)
    else:
        tf = stripped.split("#", 1)[0].strip().upper()
        if tf in ("T", "TRUE", "F", "FALSE"):
            q.qtype = "truefalse"
            _parse_truefalse(q, stripped, tf in ("T", "TRUE"))
        else:
            _parse_short(q, answer, offset, err)

    for line, message in block_errors:
        report(line, message)
    if block_errors:
        return None
    return q


def _parse_multichoice(q: ParsedQuestion, answer: str, offset: int, err) -> None:
    q.qtype = "single" if "=" in answer else "multiple"
    items = _Items(answer, offset, "~=")
    if items.lead.strip():
        err(
            items.lead_pos,
            _("phương án «%(text)s» thiếu dấu ~ hoặc = ở đầu.")
            % {"text": _snippet(_unprotect(items.lead))},
        )
    for marker, raw, position in items.items:
        weight, rest, problem = _weight(raw)
        if problem:
            err(position, problem)
            continue
        if weight is None:
            weight = Decimal(100) if marker == "=" else Decimal(0)
        text, feedback = _feedback_split(rest)
        choice = ParsedChoice(
            text=_rich(text, q.stem_format),
            fraction=weight,
            feedback=_rich(feedback, q.stem_format),
        )
        if not choice.text:
            err(position, _("có phương án trả lời để trống (sau dấu %(m)s).") % {"m": marker})
            continue
        q.choices.append(choice)


def _parse_short(q: ParsedQuestion, answer: str, offset: int, err) -> None:
    q.qtype = "short"
    items = _Items(answer, offset, "=")
    entries = list(items.items)
    if items.lead.strip():
        # A single answer may be written without "=": {One}
        entries.insert(0, ("=", items.lead, items.lead_pos))
    for _marker, raw, position in entries:
        weight, rest, problem = _weight(raw)
        if problem:
            err(position, problem)
            continue
        text, feedback = _feedback_split(rest)
        value = _plain(text)
        if not value:
            err(position, _("có đáp án để trống (sau dấu =)."))
            continue
        q.choices.append(
            ParsedChoice(
                text=value,
                fraction=Decimal(100) if weight is None else weight,
                feedback=_rich(feedback, q.stem_format),
            )
        )


def _parse_truefalse(q: ParsedQuestion, answer: str, is_true: bool) -> None:
    parts = answer.split("#", 2)
    wrong = _rich(parts[1], q.stem_format) if len(parts) > 1 else ""
    right = _rich(parts[2], q.stem_format) if len(parts) > 2 else ""
    q.choices = [
        ParsedChoice("true", Decimal(100 if is_true else 0), right if is_true else wrong),
        ParsedChoice("false", Decimal(0 if is_true else 100), wrong if is_true else right),
    ]


def _parse_matching(q: ParsedQuestion, answer: str, offset: int, err) -> None:
    items = _Items(answer, offset, "=")
    if items.lead.strip():
        err(
            items.lead_pos,
            _("cặp ghép «%(text)s» thiếu dấu = ở đầu.")
            % {"text": _snippet(_unprotect(items.lead))},
        )
    for _marker, raw, position in items.items:
        if "->" not in raw:
            err(
                position,
                _("cặp ghép «%(text)s» thiếu dấu «->» giữa hai vế.")
                % {"text": _snippet(_unprotect(raw))},
            )
            continue
        left, right = raw.split("->", 1)
        right_text = _plain(right)
        if not right_text:
            err(position, _("cặp ghép thiếu vế phải (sau «->»)."))
            continue
        q.pairs.append((_rich(left, q.stem_format), right_text))


def _parse_numerical(q: ParsedQuestion, answer: str, offset: int, err) -> None:
    items = _Items(answer, offset, "=~")
    entries = list(items.items)
    if items.lead.strip():
        entries.insert(0, ("=", items.lead, items.lead_pos))
    for marker, raw, position in entries:
        weight, rest, problem = _weight(raw)
        if problem:
            err(position, problem)
            continue
        value, feedback = _feedback_split(rest)
        feedback = _rich(feedback, q.stem_format)
        value = _unprotect(value).strip()
        if marker == "~" and not value:
            q.choices.append(ParsedChoice("*", weight or Decimal(0), feedback))
            continue
        if marker == "=" and value == "*":
            q.choices.append(ParsedChoice("*", weight or Decimal(0), feedback))
            continue
        fraction = weight if weight is not None else Decimal(100 if marker == "=" else 0)
        number, tolerance = _numeric_value(value)
        if number is None:
            err(
                position,
                _("đáp án số «%(value)s» không hợp lệ (viết 1822, 1822:5 hoặc 1..5).")
                % {"value": value},
            )
            continue
        q.choices.append(ParsedChoice(fraction_str(number), fraction, feedback, tolerance))
    if not entries:
        err(offset, _("câu hỏi số không có đáp án."))


def _numeric_value(value: str) -> tuple[Decimal | None, Decimal]:
    if ".." in value[1:]:
        cut = value.index("..", 1)
        low, high = _number(value[:cut]), _number(value[cut + 2 :])
        if low is None or high is None or high < low:
            return None, Decimal(0)
        return (low + high) / 2, (high - low) / 2
    if ":" in value[1:]:
        cut = value.index(":", 1)
        number, tolerance = _number(value[:cut]), _number(value[cut + 1 :])
        if number is None or tolerance is None or tolerance < 0:
            return None, Decimal(0)
        return number, tolerance
    return _number(value), Decimal(0)


# --- export ---------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Escape GIFT control characters; newlines become ``\\n``."""
    out = []
    for ch in text:
        if ch in "\\~=#{}:":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            continue
        else:
            out.append(ch)
    return "".join(out)


def _text(text: str, qformat: str) -> str:
    """A choice/feedback text in the question's format; protect a literal leading marker."""
    escaped = escape(text)
    if _FORMAT_RE.match(text.strip()):
        return f"[{qformat}]" + escaped
    return escaped


def _weighted(text: str, marker: str, fraction: Decimal, default: Decimal) -> str:
    weight = "" if fraction == default else f"%{fraction_str(fraction)}%"
    if not weight and text.lstrip().startswith("%"):
        weight = f"%{fraction_str(fraction)}%"
    return marker + weight


def export(questions: list[ParsedQuestion]) -> str:
    """GIFT text for the questions; FormatError if one cannot be written in GIFT (ordering)."""
    problems = [
        ImportProblem(
            0,
            _("Câu hỏi «%(name)s» dạng sắp xếp không xuất được sang GIFT; hãy dùng Moodle XML.")
            % {"name": q.title or _snippet(q.stem)},
        )
        for q in questions
        if q.qtype not in ("single", "multiple", "truefalse", "short", "matching", "numerical")
    ]
    if problems:
        raise FormatError(problems)
    out: list[str] = []
    category: str | None = None
    for q in questions:
        if q.category != category and (category is not None or q.category):
            out.append(f"$CATEGORY: {category_to_moodle(q.category)}\n")
        category = q.category
        out.append(export_question(q))
    return "\n".join(out)


def export_question(q: ParsedQuestion) -> str:
    fmt = q.stem_format if q.stem_format in STEM_FORMATS else "html"
    lines = []
    if q.idnumber:
        lines.append(f"// [id:{q.idnumber.replace(']', chr(92) + ']')}]")
    if q.tags:
        lines.append("// " + " ".join(f"[tag:{t}]" for t in q.tags))
    if q.ignore_diacritics:
        lines.append("// [option:ignore_diacritics]")
    if q.grading_mode == "all_or_nothing":
        lines.append("// [option:all_or_nothing]")
    head = f"::{escape(q.title)}::" if q.title else ""
    plain_start = not _FORMAT_RE.match(q.stem.strip()) and (q.title or not q.stem.startswith("//"))
    marker = "" if fmt == "moodle" and plain_start else f"[{fmt}]"
    head += marker + escape(q.stem)

    body: list[str] = []
    if q.qtype == "truefalse":
        true = next(c for c in q.choices if c.text == "true")
        false = next(c for c in q.choices if c.text == "false")
        is_true = true.fraction == 100
        right, wrong = (true, false) if is_true else (false, true)
        answer = "TRUE" if is_true else "FALSE"
        if wrong.feedback or right.feedback:
            answer += "#" + _text(wrong.feedback, fmt)
        if right.feedback:
            answer += "#" + _text(right.feedback, fmt)
        gf = f"####{_text(q.general_feedback, fmt)}" if q.general_feedback else ""
        lines.append(head + "{" + answer + gf + "}")
        return "\n".join(lines) + "\n"
    if q.qtype in ("single", "multiple"):
        for c in q.choices:
            if q.qtype == "single" and c.fraction == 100:
                mark = _weighted(c.text, "=", c.fraction, Decimal(100))
            else:
                mark = _weighted(c.text, "~", c.fraction, Decimal(0))
            body.append(_choice_line(mark, _text(c.text, fmt), c.feedback, fmt))
    elif q.qtype == "short":
        for c in q.choices:
            mark = _weighted(c.text, "=", c.fraction, Decimal(100))
            body.append(_choice_line(mark, escape(c.text), c.feedback, fmt))
    elif q.qtype == "numerical":
        head += "{#"
        for c in q.choices:
            if c.text == "*":
                body.append(_choice_line("~", "", c.feedback, fmt))
                continue
            mark = _weighted(c.text, "=", c.fraction, Decimal(100))
            value = c.text
            if c.tolerance:
                value += ":" + fraction_str(c.tolerance)
            body.append(_choice_line(mark, value, c.feedback, fmt))
    elif q.qtype == "matching":
        for left, right in q.pairs:
            body.append(f"\t={_text(left, fmt)} -> {escape(right)}")
    else:
        raise ValueError(f"GIFT cannot export question type {q.qtype!r}")
    if q.general_feedback:
        body.append(f"\t####{_text(q.general_feedback, fmt)}")
    opener = "" if q.qtype == "numerical" else "{"
    lines.append(head + opener)
    lines.extend(body)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _choice_line(mark: str, text: str, feedback: str, fmt: str) -> str:
    line = f"\t{mark}{text}"
    if feedback:
        line += "#" + _text(feedback, fmt)
    return line
