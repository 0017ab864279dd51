"""Item analysis for trainers, aggregated in SQL.

For each question shown in the selected attempts (submitted only):
- facility index: the mean score of the question (0..1; 1 = everyone right);
- discrimination index: Pearson's correlation between the question's score and the rest of the
  test (the attempt's points minus this question), computed from sums in one grouped query
  (Moodle's "discrimination index" is the same idea). Empty when fewer than 3 attempts or no
  variance. Above 0.3 discriminates well; near 0 or negative: check the question;
- answer frequency: how often each choice was picked (single, true/false, multiple), or the most
  frequent texts (short answer) or values (numerical).
Also the per-competency facility by unit, for the Home Affairs competency view.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, FloatField, Q, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from .html import strip_tags
from .models import Attempt, AttemptQuestion, Choice, Question
from .numbers import vietnamese

MIN_FOR_DISCRIMINATION = 3


@dataclass
class ItemStats:
    question: Question
    attempts: int
    facility: float | None
    discrimination: float | None
    frequencies: list = field(default_factory=list)  # [(label, count, is_right)]

    @property
    def label(self):
        return str(self.question)


def attempts_for(quiz, units=None, department=None, date_from=None, date_to=None):
    """Submitted attempts of `quiz`, filtered by the unit/department recorded at the time."""
    attempts = Attempt.objects.submitted().filter(quiz=quiz)
    if units is not None:
        attempts = attempts.filter(unit__in=units)
    if department is not None:
        attempts = attempts.filter(department=department)
    if date_from:
        attempts = attempts.filter(submitted_at__date__gte=date_from)
    if date_to:
        attempts = attempts.filter(submitted_at__date__lte=date_to)
    return attempts


def _pearson(n, sx, sxx, sr, srr, sxr):
    if n < MIN_FOR_DISCRIMINATION:
        return None
    var_x = n * sxx - sx * sx
    var_r = n * srr - sr * sr
    if var_x <= 1e-12 or var_r <= 1e-12:
        return None
    return (n * sxr - sx * sr) / math.sqrt(var_x * var_r)


def item_analysis(attempts):
    """[ItemStats] for every question shown in `attempts`, in bank order."""
    items = AttemptQuestion.objects.filter(attempt__in=attempts, question__isnull=False)
    score = Cast("score", FloatField())
    rest = Cast(F("attempt__score") * F("attempt__question_count"), FloatField()) / 100.0 - score
    rows = (
        items.values("question_id")
        .annotate(
            n=Count("id"),
            sx=Sum(score),
            sxx=Sum(score * score),
            sr=Sum(rest),
            srr=Sum(rest * rest),
            sxr=Sum(score * rest),
        )
        .order_by("question_id")
    )
    stats = {}
    for row in rows:
        n = row["n"]
        sx = row["sx"] or 0.0
        stats[row["question_id"]] = {
            "attempts": n,
            "facility": (sx / n) if n else None,
            "discrimination": _pearson(
                n, sx, row["sxx"] or 0.0, row["sr"] or 0.0, row["srr"] or 0.0, row["sxr"] or 0.0
            ),
        }
    questions = {q.pk: q for q in Question.objects.filter(pk__in=stats).select_related("category")}
    frequencies = answer_frequencies(items, questions)
    return [
        ItemStats(question=questions[pk], frequencies=frequencies.get(pk, []), **values)
        for pk, values in sorted(
            stats.items(), key=lambda kv: (questions[kv[0]].category_id, kv[0])
        )
        if pk in questions
    ]


def answer_frequencies(items, questions):
    """{question id: [(label, count, is_right)]} from the stored responses."""
    result = {}
    choice_types = [
        pk for pk, q in questions.items() if q.qtype in ("single", "truefalse", "multiple")
    ]
    choices = {
        c.pk: c
        for c in Choice.objects.filter(question_id__in=choice_types).order_by(
            "question_id", "sort_order"
        )
    }
    counts = {}
    single = (
        items.filter(question__qtype__in=["single", "truefalse"], response__has_key="choice")
        .values("question_id", choice=KT("response__choice"))
        .annotate(count=Count("id"))
    )
    for row in single:
        counts[(row["question_id"], int(row["choice"]))] = row["count"]
    # Multiple choice stores a list of ids: counted row by row (only these questions).
    for question_id, response in items.filter(
        question__qtype="multiple", response__isnull=False
    ).values_list("question_id", "response"):
        for choice_id in (response or {}).get("choices", []):
            counts[(question_id, choice_id)] = counts.get((question_id, choice_id), 0) + 1
    for choice in choices.values():
        result.setdefault(choice.question_id, []).append(
            (
                strip_tags(choice.text),
                counts.get((choice.question_id, choice.pk), 0),
                choice.fraction > 0,
            )
        )
    short = (
        items.filter(question__qtype="short", response__has_key="text")
        .values("question_id", text=KT("response__text"))
        .annotate(count=Count("id"))
        .order_by("question_id", "-count")
    )
    for row in short:
        entries = result.setdefault(row["question_id"], [])
        if len(entries) < 5:
            entries.append((row["text"], row["count"], None))
    # Numerical: the most frequent values (3,5 and 3.5 are the same value), Vietnamese-written.
    numbers = (
        items.filter(question__qtype="numerical", response__has_key="value")
        .values("question_id", value=KT("response__value"))
        .annotate(count=Count("id"))
        .order_by("question_id", "-count", "value")
    )
    for row in numbers:
        entries = result.setdefault(row["question_id"], [])
        if len(entries) < 5:
            entries.append((vietnamese(row["value"]), row["count"], None))
    return result


def competency_facility_by_unit(units=None, date_from=None, date_to=None):
    """Rows {competency, competency name, unit, unit name, n, facility} aggregated in SQL over
    every submitted attempt (unit = the learner's unit at the time)."""
    items = AttemptQuestion.objects.filter(
        attempt__state=Attempt.State.SUBMITTED, question__competencies__isnull=False
    )
    if units is not None:
        items = items.filter(attempt__unit__in=units)
    if date_from:
        items = items.filter(attempt__submitted_at__date__gte=date_from)
    if date_to:
        items = items.filter(attempt__submitted_at__date__lte=date_to)
    return (
        items.values(
            competency=F("question__competencies"),
            competency_name=F("question__competencies__name"),
            unit=F("attempt__unit"),
            unit_name=F("attempt__unit__name"),
        )
        .annotate(
            n=Count("id"),
            facility=Avg("score"),
            correct=Count("id", filter=Q(score__gte=Decimal("1"))),
        )
        .order_by("competency_name", "unit_name")
    )


def export_workbook(quiz, rows, attempt_count):
    """The item analysis as a streaming workbook (lms.lib.exports.Xlsx): the quiz title and
    the number of submitted attempts, then one row per question."""
    from django.utils.translation import gettext as _

    from lms.lib.exports import Xlsx

    book = Xlsx()
    sheet = book.sheet(_("Phân tích câu hỏi"), widths=(None, 60, None, None, None, None, None, 60))
    sheet.row([quiz.title])
    sheet.row([_("Số bài đã nộp"), attempt_count])
    sheet.row([])
    sheet.heading(
        [
            _("Mã"),
            _("Câu hỏi"),
            _("Loại"),
            _("Danh mục"),
            _("Số lượt"),
            _("Độ dễ (0–1)"),
            _("Độ phân biệt"),
            _("Tần suất lựa chọn"),
        ]
    )
    for row in rows:
        q = row.question
        sheet.row(
            [
                q.idnumber or q.pk,
                str(q),
                q.get_qtype_display(),
                q.category.path,
                row.attempts,
                round(row.facility, 3) if row.facility is not None else None,
                round(row.discrimination, 3) if row.discrimination is not None else None,
                "; ".join(
                    f"{label}: {count}" + (" ✓" if right else "")
                    for label, count, right in row.frequencies
                ),
            ]
        )
    return book
