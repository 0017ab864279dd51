"""Per-question-type behaviour, one module per type, and the one question validator.

Each module (``single``, ``multiple``, ``truefalse``, ``short``, ``numerical``, ``matching``,
``ordering``) holds what is particular to its type; :data:`REGISTRY` maps the type code
(``Question.qtype``, ``ParsedQuestion.qtype``) to it. Today a type module holds the type's
validation rules (``validate(question) -> list[str]``); the rules shared by every type are in
:mod:`quizzes.qtypes.base`.

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
