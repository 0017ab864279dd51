"""The learner's transcript (bảng tổng hợp bồi dưỡng): every training-ledger row (completed
courses, classes, external training) with its tiết, the certificate serial of a completed course,
and the total per year. PDF through certificates.pdf.render_transcript, XLSX through the one
export writer (lms.lib.exports)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from lms.lib.exports import Xlsx
from lms.org.snapshots import person_of

from .models import Certificate


def transcript_rows(user):
    from courses.models import Enrolment
    from training.models import TrainingCredit

    enrolment_type = ContentType.objects.get_for_model(Enrolment)
    serials = dict(
        Certificate.objects.of_user(user).unrevoked().values_list("enrolment_id", "serial")
    )
    rows = []
    for credit in TrainingCredit.objects.filter(user=user).order_by("date", "id"):
        serial = None
        if credit.evidence_type_id == enrolment_type.pk:
            serial = serials.get(credit.evidence_id)
        rows.append(
            {
                "year": credit.year,
                "date": credit.date,
                "title": credit.title,
                "tiet": credit.tiet,
                "source": str(credit.get_source_display()),
                "serial": serial,
            }
        )
    return rows


def totals_by_year(rows):
    totals = defaultdict(lambda: 0)
    for row in rows:
        totals[row["year"]] += row["tiet"]
    return dict(sorted(totals.items()))


def _person(user):
    person = person_of(user)
    return {
        "full_name": person.full_name if person else user.get_full_name() or user.get_username(),
        "employee_code": person.employee_code if person else "",
        "unit_name": person.unit.name if person and person.unit_id else "",
    }


def transcript_pdf(user):
    from . import pdf

    return pdf.render_transcript(_person(user), transcript_rows(user))


def transcript_xlsx(user):
    rows = transcript_rows(user)
    person = _person(user)
    book = Xlsx()
    sheet = book.sheet(
        _("Bồi dưỡng"),
        [_("Năm"), _("Ngày"), _("Nội dung bồi dưỡng"), _("Hình thức"), _("Số tiết"), _("Số hiệu")],
        widths=[8, 12, 50, 24, 10, 20],
        freeze="A2",
    )
    sheet.rows(
        [r["year"], r["date"], r["title"], r["source"], r["tiet"], r["serial"] or ""] for r in rows
    )
    summary = book.sheet(_("Tổng theo năm"), [_("Năm"), _("Tổng số tiết")], widths=[8, 14])
    summary.rows([year, total] for year, total in totals_by_year(rows).items())
    summary.row([])
    summary.row([_("Học viên"), person["full_name"]])
    summary.row([_("Mã cán bộ"), person["employee_code"]])
    return book
