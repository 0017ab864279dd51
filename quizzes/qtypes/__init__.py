"""Per-question-type behaviour, one module per type, and the one question validator.

Each module (``single``, ``multiple``, ``truefalse``, ``short``, ``numerical``, ``matching``,
``ordering``) holds what is particular to its type; :data:`REGISTRY` maps the type code
(``Question.qtype``, ``ParsedQuestion.qtype``) to it. A type module provides:

- ``NAME``, ``LABEL`` (the Vietnamese name staff read: QuestionType's label, the import
  preview), ``PARTS`` (the Question relation holding its parts: the admin form shows and
  validates only that section), ``HAS_GRADING_MODE`` (whether "all or nothing" applies);
- ``validate(parsed) -> list[str]``: the type's rules (below);
- ``snapshot(question, data, rng, shuffle_choices, tokens)``: what an attempt freezes
  (Question.build_snapshot);
- ``parse_response(snapshot, name, data)``: the posted form → the stored response
  (quizzes/responses.py); ``display(item, snapshot, response, view, show_right, show_feedback,
  key)``: the page and review dict (quizzes/display.py);
- ``grade(snapshot, response)`` (0..1 before clamping) and ``correct_response(snapshot)``
  (quizzes/grading.py);
- ``from_parsed(question, parsed, fmt)`` / ``to_parsed(question, parsed)``: bank rows ↔ the
  formats' ParsedQuestion (quizzes/bank_io.py).

Adding a type: its module here, the QuestionType choice (a migration), its parts model if it
needs one, and its tests; each file format's grammar for it lives in quizzes/formats/<format>.py.
Helpers several types share are in :mod:`quizzes.qtypes.base`.

:func:`problems` is the only question validator: the admin form (through
``Question.validate_parts``), every format importer (GIFT, Aiken, Moodle XML, Excel, through
``formats.base.validate_question``) and the bank import check (``bank_io.check``) all call it
on the formats' shared representation (:class:`quizzes.formats.base.ParsedQuestion`), so a
question the admin accepts is accepted again when its own export is imported. Messages are
Vietnamese and complete sentences; :func:`named` puts the question's name in front, and the
importers add their «Dòng N:» / «Hàng N:».

Nothing here imports the models: the formats stay free of the database.
"""

from __future__ import annotations

from . import base, matching, multiple, numerical, ordering, short, single, truefalse

REGISTRY = {
    module.NAME: module
    for module in (single, multiple, truefalse, short, matching, ordering, numerical)
}


def label_of(qtype) -> str:
    """The Vietnamese name of a type code ("single" → "Một đáp án đúng"); an unknown code as is."""
    module = REGISTRY.get(qtype)
    return str(module.LABEL) if module else str(qtype or "")


PART_RELATIONS = tuple(dict.fromkeys(module.PARTS for module in REGISTRY.values()))


def parts_of(qtype):
    """The Question relation holding the parts of a type code (None for an unknown code)."""
    module = REGISTRY.get(qtype)
    return module.PARTS if module else None


def section_attrs(relation):
    """HTML attributes of the admin form's section for `relation`: the type codes using it
    (quizzes/static/quizzes/admin_question.js shows only the chosen type's section)."""
    codes = [code for code, module in REGISTRY.items() if relation == module.PARTS]
    return {"data-qtype-parts": " ".join(codes)}


def get(qtype):
    """The module of a question type (KeyError for an unknown type)."""
    return REGISTRY[qtype]


def problems(question, *, stem=True) -> list[str]:
    """Every Vietnamese problem with `question` (a ParsedQuestion); empty = it may be saved.

    `stem=False` leaves out the stem check (the admin form's stem field is required itself)."""
    if question.qtype not in REGISTRY:
        return [base.unsupported(question.qtype)]
    return base.validate(question, stem=stem) + REGISTRY[question.qtype].validate(question)


def label(question) -> str:
    """How a message names the question: its title, or the start of its stem."""
    from django.utils.html import strip_tags

    name = question.title or " ".join(strip_tags(question.stem).split())[:60]
    return f"«{name}»"


def named(question, message) -> str:
    """«câu hỏi «Tên»: message», the form importers report (before their line prefix)."""
    from django.utils.translation import gettext as _

    return _("câu hỏi %(label)s: %(message)s") % {"label": label(question), "message": message}


def named_problems(question) -> list[str]:
    return [named(question, message) for message in problems(question)]
