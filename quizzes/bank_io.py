"""Bank models ↔ the formats' shared representation (quizzes.formats.base.ParsedQuestion).

Importing is all-or-nothing: `check()` finds every problem first (with the line or row the
parser recorded), and `save_questions()` writes everything inside one transaction.
Categories come from the file's category path, placed under the category chosen at import;
tags become competencies (courses.Competency, by slug, created if missing).
"""

from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lms.lib.vietnamese import fold_accents

from . import qtypes
from .formats.base import MODE_TYPES, ParsedChoice, ParsedQuestion
from .html import as_html, clean_html, strip_tags, text_to_html
from .models import (
    Category,
    Question,
    QuestionType,
)

SUPPORTED = {t.value for t in QuestionType}
TYPE_NAMES = {}  # Vietnamese names of format types the bank does not hold (none at present)


def tag_slug(tag):
    return slugify(fold_accents(tag))[:100]


# -- import ------------------------------------------------------------------------------------


def _stem_html(text, fmt):
    if fmt == "html":
        return clean_html(text)
    return text_to_html(text)


def _label(q):
    name = q.title or strip_tags(q.stem)[:60]
    return f"«{name}»"


def _where(q):
    return _("Dòng %(line)s") % {"line": q.line} if q.line else _("Câu hỏi")


def check(parsed, existing_idnumbers=None):
    """Every problem with these questions as '<Dòng n>: …' strings (empty = all can be saved)."""
    problems = []
    if existing_idnumbers is None:
        ids = [q.idnumber for q in parsed if q.idnumber]
        existing_idnumbers = set(
            Question.objects.filter(idnumber__in=ids).values_list("idnumber", flat=True)
        )
    seen_ids = {}
    for q in parsed:
        where = _where(q)
        if q.qtype not in SUPPORTED:
            problems.append(
                _("%(where)s: câu hỏi %(label)s %(type)s chưa được hỗ trợ trong ngân hàng câu hỏi.")
                % {"where": where, "label": _label(q), "type": TYPE_NAMES.get(q.qtype, q.qtype)}
            )
            continue
        if q.idnumber:
            if q.idnumber in existing_idnumbers:
                problems.append(
                    _("%(where)s: mã câu hỏi “%(id)s” đã có trong ngân hàng.")
                    % {"where": where, "id": q.idnumber}
                )
            elif q.idnumber in seen_ids:
                problems.append(
                    _("%(where)s: mã câu hỏi “%(id)s” trùng với câu ở dòng %(other)s.")
                    % {"where": where, "id": q.idnumber, "other": seen_ids[q.idnumber]}
                )
            seen_ids[q.idnumber] = q.line
        if len(q.idnumber) > 100:
            problems.append(_("%(where)s: mã câu hỏi dài quá 100 ký tự.") % {"where": where})
        # The one validator (the admin form's too): stem, grading mode, the type's parts.
        for message in qtypes.named_problems(q):
            problems.append(f"{where}: {message}")
    return problems


def _category_for(path, under, cache):
    key = path or ""
    if key not in cache:
        category = under
        for name in [part.strip() for part in key.split("/") if part.strip()]:
            category, _created = Category.objects.get_or_create(parent=category, name=name[:200])
        if category is None:
            category, _created = Category.objects.get_or_create(parent=None, name=_("Mặc định"))
        cache[key] = category
    return cache[key]


def save_questions(parsed, under=None, competency_names=None):
    """Create every question (all-or-nothing). Returns the new Question objects."""
    from courses.models import Competency

    created = []
    categories = {}
    with transaction.atomic():
        slugs = {}
        for q in parsed:
            for tag in q.tags:
                if tag_slug(tag):
                    slugs.setdefault(
                        tag_slug(tag), (competency_names or {}).get(tag_slug(tag), tag)
                    )
        competencies = {c.slug: c for c in Competency.objects.for_slugs(list(slugs), names=slugs)}
        for q in parsed:
            created.append(_save_one(q, _category_for(q.category, under, categories), competencies))
    return created


def _save_one(q, category, competencies):
    fmt = q.stem_format
    question = Question.objects.create(
        category=category,
        qtype=q.qtype,
        title=(q.title or "")[:255],
        stem=_stem_html(q.stem, fmt),
        explanation=_stem_html(q.general_feedback, fmt) if q.general_feedback else "",
        idnumber=q.idnumber or "",
        ignore_diacritics=q.ignore_diacritics,
        grading_mode=q.grading_mode if q.qtype in MODE_TYPES else "partial",
    )
    qtypes.get(q.qtype).from_parsed(question, q, fmt)
    wanted = [competencies[tag_slug(t)] for t in q.tags if tag_slug(t) in competencies]
    if wanted:
        question.competencies.add(*wanted)
    return question


# -- export ------------------------------------------------------------------------------------


def to_parsed(question, relative_to=None):
    """A bank question as a ParsedQuestion (category path relative to `relative_to`)."""
    category = question.category.path.replace(" / ", "/")
    if relative_to is not None and relative_to.parent_id:
        prefix = relative_to.parent.path.replace(" / ", "/") + "/"
        if category.startswith(prefix):
            category = category[len(prefix) :]
    parsed = ParsedQuestion(
        qtype=question.qtype,
        stem=question.stem,
        stem_format="html",
        title=question.title,
        idnumber=question.idnumber,
        category=category,
        tags=[c.slug for c in question.competencies.all()],
        general_feedback=question.explanation,
        ignore_diacritics=question.ignore_diacritics,
        grading_mode=question.grading_mode if question.qtype in MODE_TYPES else "partial",
    )
    qtypes.get(question.qtype).to_parsed(question, parsed)
    return parsed


def export_queryset(questions, relative_to=None):
    questions = (
        questions.select_related("category__parent__parent")
        .prefetch_related(
            "choices",
            "pairs",
            "order_items",
            "short_answers",
            "numerical_answers",
            "competencies",
        )
        .order_by("category_id", "id")
    )
    return [to_parsed(q, relative_to) for q in questions]


# -- curriculum seed data ----------------------------------------------------------------------


def from_curriculum(data, category_path, idnumber, line=0):
    """A question dict of quizzes/curriculum/bank_*.py as a ParsedQuestion (plain text)."""
    qtype = data["type"]
    parsed = ParsedQuestion(
        qtype=qtype,
        stem=data["stem"],
        stem_format="plain",
        idnumber=idnumber,
        category=category_path,
        tags=list(data.get("tags", [])),
        general_feedback=data.get("explanation", ""),
        ignore_diacritics=bool(data.get("ignore_diacritics", False)),
        grading_mode=data.get("grading_mode", "partial"),
        line=line,
    )
    if qtype in ("single", "multiple"):
        parsed.choices = [
            ParsedChoice(
                text=c["text"], fraction=Decimal(str(c["fraction"])), feedback=c.get("feedback", "")
            )
            for c in data["choices"]
        ]
    elif qtype == "truefalse":
        answer = bool(data["answer"])
        parsed.choices = [
            ParsedChoice(
                text="true",
                fraction=Decimal(100 if answer else 0),
                feedback=data.get("feedback_true", ""),
            ),
            ParsedChoice(
                text="false",
                fraction=Decimal(0 if answer else 100),
                feedback=data.get("feedback_false", ""),
            ),
        ]
    elif qtype == "short":
        parsed.choices = [ParsedChoice(text=a, fraction=Decimal(100)) for a in data["answers"]]
    elif qtype == "matching":
        parsed.pairs = [(left, right) for left, right in data["pairs"]]
    elif qtype == "ordering":
        parsed.items = list(data["items"])
    elif qtype == "numerical":
        # {"answers": [{"value": "3.5", "tolerance": "0.1", "fraction": 100, "feedback": ""}]}
        parsed.choices = [
            ParsedChoice(
                text=str(a["value"]),
                fraction=Decimal(str(a.get("fraction", 100))),
                feedback=a.get("feedback", ""),
                tolerance=None if str(a["value"]) == "*" else Decimal(str(a.get("tolerance", 0))),
            )
            for a in data["answers"]
        ]
    return parsed


__all__ = ["as_html", "check", "export_queryset", "from_curriculum", "save_questions", "to_parsed"]
