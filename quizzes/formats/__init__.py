"""Import and export of question banks: GIFT, Aiken, Moodle XML and an Excel template.

``parse(fmt, data)`` returns every question or raises :class:`FormatError` listing every
problem (all-or-nothing); ``export(fmt, questions)`` writes them back.
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
    "parse",
]


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
