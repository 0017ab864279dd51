"""Import and export of question banks: GIFT, Aiken, Moodle XML and an Excel template.

Pure parsing, no database: the quiz app turns :class:`ParsedQuestion` into bank models.

- ``parse(fmt, data, filename="")`` → every question of the file, or :class:`FormatError`
  whose ``problems`` (``line``, Vietnamese ``message`` starting «Dòng N:» / «Hàng N:») list
  every problem found; never a partial result. ``fmt``: "gift", "aiken", "moodle_xml",
  "excel". Text formats accept bytes (UTF-8, BOM or not, CRLF or LF) or str; Excel needs bytes.
  A file with no question (only comments or ``$CATEGORY``) parses to ``[]``: the caller says so.
- ``export(fmt, questions)`` → str (GIFT) or bytes (Moodle XML, XLSX). GIFT cannot hold
  ordering questions: FormatError naming them.
- ``guess_format(filename)`` → format name from the extension, or "".
- ``excel.template()`` → the XLSX template (one example row per type, help sheet).
- ``gift.parse_report(data)`` → (questions that parsed, problems), for a preview that wants to
  show both; importing must use ``parse``.

See ``base.py`` for the representation and SUPPORT.md for what is supported.
"""

from __future__ import annotations

from .base import (
    QTYPES,
    FormatError,
    ImportProblem,
    ParsedChoice,
    ParsedQuestion,
)

FORMATS = ("gift", "aiken", "moodle_xml", "excel")
EXPORT_FORMATS = ("gift", "moodle_xml", "excel")

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "QTYPES",
    "FormatError",
    "ImportProblem",
    "ParsedChoice",
    "ParsedQuestion",
    "export",
    "guess_format",
    "parse",
]

EXTENSIONS = {
    ".gift": "gift",
    ".xml": "moodle_xml",
    ".xlsx": "excel",
    ".aiken": "aiken",
}


def guess_format(filename: str) -> str:
    """The format for a file name (``.gift``, ``.xml``, ``.xlsx``, ``.aiken``); "" if unsure.

    A ``.txt`` file may be GIFT or Aiken: let the user choose.
    """
    name = (filename or "").lower()
    for extension, fmt in EXTENSIONS.items():
        if name.endswith(extension) or name.endswith(extension + ".txt"):
            return fmt
    return ""


def _module(fmt: str):
    if fmt == "gift":
        from . import gift as mod
    elif fmt == "aiken":
        from . import aiken as mod
    elif fmt in ("moodle_xml", "xml"):
        from . import moodle_xml as mod
    elif fmt in ("excel", "xlsx"):
        from . import excel as mod
    else:
        raise ValueError(f"Unknown question format: {fmt!r}")
    return mod


def parse(fmt: str, data: bytes | str, filename: str = "") -> list[ParsedQuestion]:
    """Parse a whole file; raise FormatError listing every problem, never a partial result."""
    return _module(fmt).parse(data, filename=filename)


def export(fmt: str, questions: list[ParsedQuestion]) -> bytes | str:
    mod = _module(fmt)
    if not hasattr(mod, "export"):
        raise ValueError(f"Format {fmt!r} cannot be exported")
    return mod.export(questions)
