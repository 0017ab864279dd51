"""The question representation shared by every import/export format.

Each format module (``gift``, ``aiken``, ``moodle_xml``, ``excel``) turns a file into a list of
:class:`ParsedQuestion` and back. The quiz app converts these into bank models; nothing here
touches the database.

Conventions
-----------
- ``qtype`` is one of :data:`QTYPES`.
- ``fraction`` is a percentage of the question's mark, as Moodle weights it: -100..100.
  single: 100 for the correct choice, 0 (or a partial percentage) for the others; as in
  Moodle, several choices may be at 100 (GIFT ``{=a =b ~c}``): choosing any of them earns
  full marks;
  multiple: the positive fractions of the correct choices sum to 100, wrong ones are 0 or negative;
  short: 100 for each accepted answer (a partial percentage is allowed, as Moodle allows);
  the answer ``*`` is Moodle's catch-all ("any other answer", usually 0% with feedback);
  numerical: 100 (or partial) per accepted value, with ``tolerance`` (absolute, 0 = exact);
  ``*`` (tolerance None) is the catch-all for any other number.
- Short answers and matching answers (right-hand side) are plain text, whitespace collapsed.
- A GIFT "missing word" stem (``Grant is {~a =b} in Grant's tomb``) keeps ``_____`` where the
  answer block was, as Moodle does.
- **truefalse** has exactly two choices, always in this order: text ``"true"`` then ``"false"``.
  The one that is correct has fraction 100, the other 0. Each choice's ``feedback`` is what the
  learner sees after answering *that* value (so in GIFT ``{T#wrong#right}``: ``true`` gets
  "right", ``false`` gets "wrong").
- **numerical** choices: ``text`` is the accepted value written as a decimal string
  (e.g. ``"3.14"``); ``tolerance`` is the absolute error allowed. A GIFT range ``min..max``
  is stored as the midpoint with tolerance half the width.
- **matching**: ``pairs`` holds ``(question, answer)`` in order; an empty question is a
  distractor answer (as in Moodle).
- **ordering**: ``items`` in their correct order.
- ``stem_format`` applies to the stem and, as in Moodle, to feedback, choice texts, matching
  left sides and ordering items too. "html" is HTML (sanitise before display); "plain" is text
  to escape; "markdown" is Markdown; "moodle" is Moodle's auto-format: text in which HTML is
  allowed and line breaks become ``<br>``. Defaults: GIFT "moodle" (as Moodle), Aiken "plain",
  Excel "plain" (column «Định dạng»), Moodle XML as declared.
- ``ignore_diacritics`` (short answers) travels in GIFT as the comment
  ``// [option:ignore_diacritics]``, in Moodle XML as ``<ignorediacritics>1</ignorediacritics>``
  (both ignored by Moodle) and in Excel as the column «Bỏ qua dấu».
- ``grading_mode``: "partial" (default) or "all_or_nothing" (1 only for a fully right answer) for
  multiple, matching and ordering; always "partial" for the other types. It travels in GIFT as
  ``// [option:all_or_nothing]``, in Moodle XML as ``type="multichoiceset"`` (Moodle's
  all-or-nothing plugin) for multiple choice, ``<gradingtype>ALL_OR_NOTHING</gradingtype>``
  (qtype_ordering) for ordering and ``<allornothing>1</allornothing>`` (ours) for matching, and
  in Excel as the column «Đúng hết mới có điểm».
- ``line``: 1-based line (text formats) or row (Excel) where the question starts.
- ``ImportProblem.message`` is complete and user-facing, including its «Dòng N:» / «Hàng N:»
  prefix; ``line`` is 0 for problems about the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..qtypes import REGISTRY as _TYPES
from ..qtypes.base import GRADING_MODES as GRADING_MODES

QTYPES = tuple(_TYPES)  # one module per type in quizzes/qtypes
# Types whose grade depends on the grading mode; for the others it is always "partial".
MODE_TYPES = tuple(name for name, module in _TYPES.items() if module.HAS_GRADING_MODE)
STEM_FORMATS = ("html", "plain", "markdown", "moodle")


@dataclass
class ParsedChoice:
    text: str
    fraction: Decimal  # percent of the mark, -100..100 (Moodle weights)
    feedback: str = ""
    tolerance: Decimal | None = None  # numerical only


@dataclass
class ParsedQuestion:
    qtype: str  # one of QTYPES
    stem: str
    stem_format: str = "html"  # "html" | "plain" | "markdown" | "moodle"
    title: str = ""
    idnumber: str = ""
    category: str = ""  # "Parent/Child" path ("" = default)
    tags: list[str] = field(default_factory=list)
    # single/multiple/truefalse (see module docstring)/short (accepted answers)/numerical
    choices: list[ParsedChoice] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching
    items: list[str] = field(default_factory=list)  # ordering, in correct order
    general_feedback: str = ""
    ignore_diacritics: bool = False
    grading_mode: str = "partial"  # one of GRADING_MODES; matters for multiple/matching/ordering
    line: int = 0  # 1-based line (text formats) or row (Excel) where it starts

    @property
    def type_label(self) -> str:
        """The type's Vietnamese name (the import preview shows it, not the code)."""
        from ..qtypes import label_of

        return label_of(self.qtype)


@dataclass
class ImportProblem:
    line: int
    message: str  # Vietnamese, names what is wrong

    def __str__(self) -> str:
        return self.message


class FormatError(Exception):
    """All problems found in a file; importers are all-or-nothing."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = sorted(problems, key=lambda p: p.line)
        super().__init__("\n".join(p.message for p in self.problems))

    @property
    def messages(self) -> list[str]:
        return [p.message for p in self.problems]


# --- helpers shared by the format modules -------------------------------------------------


def line_message(line: int, message: str) -> str:
    """Prefix a Vietnamese message with its line number («Dòng 12: ...»)."""
    from django.utils.translation import gettext as _

    if line <= 0:
        return message
    return _("Dòng %(line)d: %(message)s") % {"line": line, "message": message}


def row_message(row: int, message: str) -> str:
    from django.utils.translation import gettext as _

    if row <= 0:
        return message
    return _("Hàng %(row)d: %(message)s") % {"row": row, "message": message}


def decode_text(data: bytes | str) -> str:
    """Decode an uploaded text file (UTF-8, with or without BOM); FormatError if it is not."""
    from django.utils.translation import gettext as _

    if isinstance(data, str):
        text = data
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise FormatError(
                [
                    ImportProblem(
                        line,
                        line_message(
                            line,
                            _("tệp không phải văn bản UTF-8 (hãy lưu tệp với bảng mã UTF-8)."),
                        ),
                    )
                ]
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def convert_text(text: str, src: str, dst: str) -> str:
    """Convert a text written in format ``src`` so it displays the same in format ``dst``.

    Used when one answer or feedback carries its own format marker (GIFT ``[plain]``,
    Moodle XML ``format=""``) different from the question's: the shared representation has one
    format per question. plain → html/moodle escapes it; moodle → html turns newlines into
    ``<br>``; html/moodle → plain strips the tags; markdown is kept as written (it passes HTML
    through, and plain text is valid markdown).
    """
    import html

    if not text or src == dst:
        return text
    if dst == "html":
        if src == "plain":
            return html.escape(text, quote=False).replace("\n", "<br>")
        if src == "moodle":
            return text.replace("\n", "<br>")
        return text
    if dst == "moodle":
        if src == "plain":
            return html.escape(text, quote=False)
        return text
    if dst == "plain":
        if src in ("html", "moodle"):
            from django.utils.html import strip_tags

            return html.unescape(strip_tags(text))
        return text
    return text  # markdown


def category_from_moodle(path: str) -> str:
    """``$course$/top/Parent/Child`` → ``Parent/Child`` (``$course$/top`` alone → "")."""
    path = path.strip()
    if path.startswith("$") and "$" in path[1:]:
        end = path.index("$", 1)
        path = path[end + 1 :].lstrip("/")
    if path == "top":
        return ""
    if path.startswith("top/"):
        path = path[4:]
    parts = [p.strip() for p in path.split("/")]
    return "/".join(p for p in parts if p)


def category_to_moodle(category: str) -> str:
    return "$course$/top/" + category if category else "$course$/top"


def fraction_str(value: Decimal) -> str:
    """A Decimal without trailing zeros or exponent: 100, 50, 33.33333, -100."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def validate_question(q: ParsedQuestion) -> list[str]:
    """Every problem with one question, each naming it («câu hỏi «…»: …»), without the line
    prefix the importer adds. The rules are the bank's own (quizzes.qtypes.problems, the one
    validator the admin form uses too), so whatever the admin accepts imports again."""
    from ..qtypes import named_problems

    return named_problems(q)
