"""Course trees for the courses tests: a catalogue under the home page, courses with N modules."""

from decimal import Decimal

import pytest

from content.models import HomePage
from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage

BODY = [
    ("heading", "Nhận diện tin nhắn giả mạo"),
    (
        "paragraph",
        "<p>Kẻ gian giả danh cán bộ công an, yêu cầu <strong>cập nhật dữ liệu sau sáp nhập</strong>.</p>",
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Không đọc mã OTP",
            "body": "<p>Không cơ quan nào hỏi mã OTP.</p>",
        },
    ),
    (
        "knowledge_check",
        {
            "situation": "Chị Lan nhận tin nhắn Zalo từ “lãnh đạo phường” nhờ chuyển tiền gấp.",
            "question": "Chị Lan nên làm gì?",
            "options": [
                {
                    "text": "Chuyển ngay vì lãnh đạo đang cần.",
                    "is_correct": False,
                    "feedback": "Chưa đúng. Cần xác minh.",
                },
                {
                    "text": "Gọi lại số điện thoại đã biết của lãnh đạo để xác minh.",
                    "is_correct": True,
                    "feedback": "Đúng. Xác minh qua kênh thứ hai.",
                },
            ],
        },
    ),
    (
        "accordion",
        {
            "title": "Câu hỏi thường gặp",
            "items": [
                {
                    "question": "Mất điện thoại công vụ thì làm gì?",
                    "answer": "<p>Báo ngay cán bộ đầu mối.</p>",
                },
            ],
        },
    ),
]


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def course_index(db):
    index = CourseIndexPage.objects.first()  # created by the courses 0002 migration
    if index is None:
        # A transactional test's flush may have removed the migrated home page too.
        from tests.conftest import site_root

        home = HomePage.objects.first() or site_root()
        index = publish(home.add_child(instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")))
    return index


@pytest.fixture
def make_course(course_index):
    def _make(n_modules=3, slug="khoa-thu", title="Khóa học thử nghiệm", live=True, tracks_of=None):
        course = course_index.add_child(
            instance=CoursePage(
                title=title,
                slug=slug,
                summary="Tóm tắt khóa học.",
                objectives="Mục tiêu 1\nMục tiêu 2",
                tiet=Decimal("2.5"),
                estimated_minutes=120,
                tracks="A",
            )
        )
        if live:
            publish(course)
        else:
            course.unpublish() if course.live else None
        for number in range(1, n_modules + 1):
            module = course.add_child(
                instance=ModulePage(
                    title=f"Bài {number}",
                    slug=f"bai-{number}",
                    summary="Tóm tắt bài.",
                    body=list(BODY),
                    estimated_minutes=45,
                    tiet=Decimal("1"),
                    tracks=(tracks_of or {}).get(number, "A"),
                )
            )
            publish(module)
        return course

    return _make


@pytest.fixture
def course(make_course):
    return make_course(3)


@pytest.fixture
def modules(course):
    return list(course.modules())


@pytest.fixture
def enrolled(learner, course):
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    return enrolment
