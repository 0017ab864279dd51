"""Aiken import: single-choice questions written as plain text.

::

    Câu hỏi trên một hoặc nhiều dòng?
    A. Phương án một
    B) Phương án hai
    ANSWER: B

Options are ``A.``/``A)`` (a space after the mark is optional), in alphabetical order, at least
two; ``ANSWER:`` names one of their letters and ends the question; blank lines between
questions are optional. The text is plain: anything that looks like HTML stays text
(``stem_format="plain"``, texts stored exactly as written; the renderer escapes them).

All-or-nothing: every malformed question is reported with the line where it starts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from .base import (
    FormatError,
    ImportProblem,
    ParsedChoice,
    ParsedQuestion,
    decode_text,
    line_message,
)

_OPTION_RE = re.compile(r"^([A-Z])[.)]\s*(.*)$")
_ANSWER_RE = re.compile(r"^ANSWER\s*:\s*(.*)$", re.IGNORECASE)


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse(data: bytes | str, filename: str = "") -> list[ParsedQuestion]:
    text = decode_text(data)
    problems: list[ImportProblem] = []
    questions: list[ParsedQuestion] = []

    def report(line: int, message: str) -> None:
        problems.append(ImportProblem(line, line_message(line, message)))

    state = "idle"  # idle | stem | options | orphan
    stem_lines: list[str] = []
    start = 0
    options: list[tuple[str, str, int]] = []

    def unfinished() -> None:
        report(
            start,
            _("câu hỏi «%(stem)s» thiếu dòng «ANSWER: …» cho biết đáp án đúng.")
            % {"stem": _snippet(" ".join(stem_lines))},
        )

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        option = _OPTION_RE.match(line)
        answer = _ANSWER_RE.match(line)
        if state == "orphan":
            if answer:
                state = "idle"
                continue
            if option:
                continue
            state = "idle"
        if state == "idle":
            if answer:
                report(number, _("dòng «%(line)s» không thuộc câu hỏi nào.") % {"line": line})
            elif option:
                report(
                    number,
                    _(
                        "phương án «%(line)s» đứng trước nội dung câu hỏi "
                        "(thiếu dòng câu hỏi phía trên các phương án)."
                    )
                    % {"line": _snippet(line)},
                )
                state = "orphan"
            else:
                stem_lines, options, start, state = [line], [], number, "stem"
            continue
        if state == "stem":
            if answer:
                report(
                    start,
                    _("câu hỏi «%(stem)s» không có phương án nào (A., B., …).")
                    % {"stem": _snippet(" ".join(stem_lines))},
                )
                state = "idle"
            elif option:
                options.append((option.group(1), option.group(2).strip(), number))
                state = "options"
            else:
                stem_lines.append(line)
            continue
        # state == "options"
        if option:
            options.append((option.group(1), option.group(2).strip(), number))
            continue
        if not answer:
            unfinished()
            stem_lines, options, start, state = [line], [], number, "stem"
            continue
        state = "idle"
        question = _finish(stem_lines, options, answer.group(1).strip(), start, report)
        if question is not None:
            questions.append(question)

    if state in ("stem", "options"):
        unfinished()
    if problems:
        raise FormatError(problems)
    return questions


def _finish(stem_lines, options, letter, start, report) -> ParsedQuestion | None:
    stem = "\n".join(stem_lines)
    errors = []
    if len(options) < 2:
        errors.append(
            _("câu hỏi «%(stem)s» chỉ có %(n)d phương án; cần ít nhất 2.")
            % {"stem": _snippet(stem), "n": len(options)}
        )
    letters = [o[0] for o in options]
    for index, (got, _text, line) in enumerate(options):
        wanted = chr(ord("A") + index)
        if got != wanted:
            errors.append(
                _("phương án «%(got)s» ở dòng %(line)d không đúng thứ tự (cần «%(wanted)s»).")
                % {"got": got, "line": line, "wanted": wanted}
            )
            break
    for got, text, line in options:
        if not text:
            errors.append(
                _("phương án «%(got)s» ở dòng %(line)d để trống.") % {"got": got, "line": line}
            )
    if letter.upper() not in letters or len(letter) != 1:
        errors.append(
            _("đáp án «%(answer)s» của câu hỏi «%(stem)s» không phải là chữ cái của một phương án.")
            % {"answer": letter, "stem": _snippet(stem)}
        )
    for message in errors:
        report(start, message)
    if errors:
        return None
    correct = letter.upper()
    return ParsedQuestion(
        qtype="single",
        stem=stem,
        stem_format="plain",
        choices=[
            ParsedChoice(text=text, fraction=Decimal(100 if got == correct else 0))
            for got, text, _line in options
        ],
        line=start,
    )
