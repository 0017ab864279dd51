"""Attempts take the common workplace snapshot (lms.org.snapshots.WorkplaceSnapshot): the five
fields they kept stay as they are (same columns); positions are added, empty for old attempts
(never recorded)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0003_role_permissions"),
        ("quizzes", "0005_answers_shown"),
    ]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="positions",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Danh sách {id, name, primary}: các chức danh đảm nhiệm, chức danh chính trước.",
                verbose_name="chức danh lúc ghi nhận",
            ),
        ),
        migrations.AlterField(
            model_name="attempt",
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
            model_name="attempt",
            name="department_name",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="tên phòng ban lúc ghi nhận"
            ),
        ),
        migrations.AlterField(
            model_name="attempt",
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
        migrations.AlterField(
            model_name="attempt",
            name="unit_code",
            field=models.CharField(
                blank=True, max_length=20, verbose_name="mã đơn vị lúc ghi nhận"
            ),
        ),
        migrations.AlterField(
            model_name="attempt",
            name="unit_name",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="tên đơn vị lúc ghi nhận"
            ),
        ),
    ]
