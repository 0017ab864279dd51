"""Enrolments take the common workplace snapshot (lms.org.snapshots.WorkplaceSnapshot): the unit
and department they kept are joined by the unit code and name and the department name (filled
from those units and departments as they are now: the only record there is) and the positions
(left empty for old enrolments: they were never recorded). The yearly ledger moved to the
training app (its migration 0002 carried the rows over), so the old table goes.
"""

import django.db.models.deletion
from django.db import migrations, models


def fill_names(apps, schema_editor):
    Enrolment = apps.get_model("courses", "Enrolment")
    rows = []
    for enrolment in (
        Enrolment.objects.select_related("unit", "department")
        .filter(models.Q(unit__isnull=False) | models.Q(department__isnull=False))
        .iterator(chunk_size=1000)
    ):
        if enrolment.unit_id:
            enrolment.unit_code = enrolment.unit.code
            enrolment.unit_name = enrolment.unit.name
        if enrolment.department_id:
            enrolment.department_name = enrolment.department.name
        rows.append(enrolment)
        if len(rows) >= 1000:
            Enrolment.objects.bulk_update(rows, ["unit_code", "unit_name", "department_name"])
            rows = []
    if rows:
        Enrolment.objects.bulk_update(rows, ["unit_code", "unit_name", "department_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_reading_clock_and_h5p_pass_mark"),
        ("org", "0003_role_permissions"),
        ("training", "0002_carry_over_course_credits"),
    ]

    operations = [
        migrations.AddField(
            model_name="enrolment",
            name="department_name",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="tên phòng ban lúc ghi nhận"
            ),
        ),
        migrations.AddField(
            model_name="enrolment",
            name="positions",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Danh sách {id, name, primary}: các chức danh đảm nhiệm, chức danh chính trước.",
                verbose_name="chức danh lúc ghi nhận",
            ),
        ),
        migrations.AddField(
            model_name="enrolment",
            name="unit_code",
            field=models.CharField(
                blank=True, max_length=20, verbose_name="mã đơn vị lúc ghi nhận"
            ),
        ),
        migrations.AddField(
            model_name="enrolment",
            name="unit_name",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="tên đơn vị lúc ghi nhận"
            ),
        ),
        migrations.AlterField(
            model_name="enrolment",
            name="department",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="org.department",
                verbose_name="phòng ban lúc ghi nhận",
            ),
        ),
        migrations.AlterField(
            model_name="enrolment",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="org.administrativeunit",
                verbose_name="đơn vị lúc ghi nhận",
            ),
        ),
        migrations.RunPython(fill_names, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="TrainingCredit",
        ),
    ]
