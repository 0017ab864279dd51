"""Carry the rows of the old courses.TrainingCredit (one per course completed) into the ledger.

Each becomes a "course completed" row whose evidence is the learner's enrolment in that course
when it still exists (else the old course id is kept in the evidence note); its date is the old
`earned_at` (local date); the workplace snapshot is the enrolment's unit and department (the
snapshot the enrolment took), with their names as they are now: the old table kept none.
"""

from datetime import date

from django.db import migrations
from django.utils import timezone


def carry_over(apps, schema_editor):
    OldCredit = apps.get_model("courses", "TrainingCredit")
    Enrolment = apps.get_model("courses", "Enrolment")
    Credit = apps.get_model("training", "TrainingCredit")
    ContentType = apps.get_model("contenttypes", "ContentType")
    enrolment_type, _ = ContentType.objects.get_or_create(app_label="courses", model="enrolment")
    used = set()
    rows = []
    for old in OldCredit.objects.order_by("pk").iterator():
        enrolment = (
            Enrolment.objects.select_related("unit", "department")
            .filter(user_id=old.user_id, course_id=old.course_id)
            .first()
            if old.course_id
            else None
        )
        on = timezone.localtime(old.earned_at).date() if old.earned_at else None
        if on is None or on.year != old.year:  # the credited year wins (never seen in practice)
            on = date(old.year, 12, 31)
        row = Credit(
            user_id=old.user_id,
            source="course",
            title=old.course_title,
            tiet=old.tiet,
            date=on,
            year=old.year,
            created_at=old.earned_at or timezone.now(),
        )
        if enrolment is not None and enrolment.pk not in used:
            used.add(enrolment.pk)
            row.evidence_type_id = enrolment_type.pk
            row.evidence_id = enrolment.pk
            if enrolment.unit_id:
                row.unit_id = enrolment.unit_id
                row.unit_code = enrolment.unit.code
                row.unit_name = enrolment.unit.name
            if enrolment.department_id:
                row.department_id = enrolment.department_id
                row.department_name = enrolment.department.name
        else:
            row.evidence_note = f"courses.TrainingCredit {old.pk}, khóa học {old.course_id}"
        rows.append(row)
    Credit.objects.bulk_create(rows, batch_size=500)


def carry_back(apps, schema_editor):
    OldCredit = apps.get_model("courses", "TrainingCredit")
    Enrolment = apps.get_model("courses", "Enrolment")
    Credit = apps.get_model("training", "TrainingCredit")
    for row in Credit.objects.filter(source="course", evidence_id__isnull=False):
        enrolment = Enrolment.objects.filter(pk=row.evidence_id).first()
        if enrolment is None:
            continue
        OldCredit.objects.get_or_create(
            user_id=row.user_id,
            course_id=enrolment.course_id,
            year=row.year,
            defaults={"course_title": row.title, "tiet": row.tiet, "earned_at": row.created_at},
        )
    Credit.objects.filter(source="course").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("courses", "0004_reading_clock_and_h5p_pass_mark"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(carry_over, carry_back)]
