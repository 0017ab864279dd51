"""Demo content for `seed_demo`: the catalogue, the main 12-module course and the annual
refresher, built through the page models (live, with published revisions). Idempotent: pages that
exist are left as they are, learners already enrolled keep their progress."""

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from content.models import HomePage
from lms.org.models import Person
from lms.org.roles import LEARNER, groups_for

from .curriculum import COMPETENCY_NAMES, MAIN_COURSE, main_modules, refresher_course
from .models import (
    Competency,
    CompletionRule,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    ModulePage,
    Track,
)

H5P_DEMO_MODULE = 2
H5P_DEMO_FILE = Path("h5p") / "valid" / "truefalse-h5p-standalone.h5p"


def testdata_dir():
    return Path(
        os.environ.get("LMS_TESTDATA", Path(settings.BASE_DIR).parent / "shared" / "testdata")
    )


def _publish(page):
    page.save_revision().publish()
    return page


def course_index():
    index = CourseIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.order_by("path").first()
        index = home.add_child(
            instance=CourseIndexPage(
                title="Khóa học",
                slug="khoa-hoc",
                intro="Các khóa bồi dưỡng an toàn thông tin và bảo vệ dữ liệu cá nhân dành cho cán bộ, công chức.",
            )
        )
        _publish(index)
    return index


def _module_page(data, completion_rule=CompletionRule.VIEWED):
    return ModulePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        objectives="\n".join(data.get("objectives", [])),
        body=list(data["body"]),
        estimated_minutes=data["minutes"],
        tiet=data["tiet"],
        completion_rule=completion_rule,
        tracks="".join(sorted(data["tracks"])),
    )


def _build_course(index, data, modules, *, validity_months, stdout):
    course = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if course is not None:
        stdout.write(f"  Khóa học “{course.title}” đã có, giữ nguyên.\n")
        return course, False
    tracks = sorted({t for module in modules for t in module["tracks"]})
    tags = list(dict.fromkeys(tag for module in modules for tag in module["tags"]))
    competencies = Competency.objects.for_slugs(tags, COMPETENCY_NAMES)
    course = index.add_child(
        instance=CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            objectives="\n".join(data.get("objectives", [])),
            tracks="".join(tracks),
            tiet=sum((Decimal(m["tiet"]) for m in modules), Decimal("0")),
            estimated_minutes=sum(m["minutes"] for m in modules),
            is_mandatory=True,
            certificate_validity_months=validity_months,
        )
    )
    course.competencies.set(competencies)
    _publish(course)
    for module_data in modules:
        module = course.add_child(instance=_module_page(module_data))
        module.competencies.set(Competency.objects.for_slugs(module_data["tags"], COMPETENCY_NAMES))
        _publish(module)
    stdout.write(
        f"  Đã tạo khóa học “{course.title}” với {len(modules)} bài, {course.tiet} tiết.\n"
    )
    return course, True


def _add_h5p_activity(course, stdout):
    module = (
        ModulePage.objects.child_of(course)
        .order_by("path")[H5P_DEMO_MODULE - 1 : H5P_DEMO_MODULE]
        .first()
    )
    if module is None or any(block.block_type == "h5p" for block in module.body):
        return
    try:
        from content.h5p.services import import_package
    except ImportError:
        stdout.write("  Chưa có trình nhập gói H5P; bỏ qua hoạt động H5P của bài 2.\n")
        return
    path = testdata_dir() / H5P_DEMO_FILE
    if not path.exists():
        stdout.write(f"  Không thấy gói H5P mẫu {path}; bỏ qua hoạt động H5P của bài 2.\n")
        return
    package = import_package(path, user=None, title="Đúng hay sai: nhận diện lừa đảo")
    body = list(module.body.raw_data)
    # Place the activity just before the FAQ at the end of the lesson.
    body.insert(
        max(len(body) - 1, 0),
        {
            "type": "h5p",
            "value": {
                "package": package.pk,
                "title": "Hoạt động: Đúng hay sai?",
                "instructions": "Chọn Đúng hoặc Sai rồi bấm Kiểm tra. Hoàn thành hoạt động để hoàn thành bài học.",
            },
        },
    )
    module.body = body
    module.completion_rule = CompletionRule.H5P
    _publish(module)
    stdout.write(f"  Đã gắn hoạt động H5P “{package.title}” vào bài “{module.title}”.\n")


def enrol_demo_learners(course, stdout):
    learners = Person.objects.active().filter(user__groups__in=groups_for([LEARNER])).distinct()
    created, existing = Enrolment.objects.assign_people(
        learners,
        course,
        due_date=date(timezone.localdate().year, 12, 31),
        assigned_by=None,
        tracks=Track.ALL_STAFF,
    )
    stdout.write(f"  Đã ghi danh {created} học viên vào khóa chính ({existing} đã có).\n")


@transaction.atomic
def seed(stdout):
    stdout.write("Khóa học:\n")
    index = course_index()
    main, _ = _build_course(index, MAIN_COURSE, main_modules(), validity_months=0, stdout=stdout)
    _add_h5p_activity(main, stdout)
    refresher = refresher_course()
    _build_course(index, refresher, refresher["modules"], validity_months=12, stdout=stdout)
    enrol_demo_learners(main, stdout)
    return main
