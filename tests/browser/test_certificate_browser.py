"""The certificate path in Chromium: the learner passes the final test, the certificate is issued
(rendered and signed by the task), downloaded from "Chứng nhận của tôi"; the QR code decoded from
the PDF leads to the public page, which says "Hợp lệ"; axe-core finds no serious or critical
violation on either page.

The course is small (one module already studied, a two-question final test) so that the test
answers in the browser like a learner; the demo course's 30-question test is the same code path."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.browser_harness import axe_violations, login
from tests.certificates.pdf_tools import decode_qr, require_tool

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def final_test(learner):
    from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage, ModuleProgress
    from courses.routing import forget_catalogue_url_paths
    from quizzes.models import Category, Choice, Question, Quiz, QuizQuestion
    from tests.conftest import site_root

    call_command("make_demo_signing_cert", "--if-missing", stdout=StringIO())
    forget_catalogue_url_paths()
    index = CourseIndexPage.objects.first() or site_root().add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    course = index.add_child(
        instance=CoursePage(
            title="Bồi dưỡng an toàn thông tin thường niên",
            slug="boi-duong-thuong-nien",
            summary="Khóa bồi dưỡng hằng năm.",
            tiet=Decimal("4"),
            tracks="A",
            certificate_validity_months=12,
        )
    )
    module = course.add_child(
        instance=ModulePage(title="Nhận diện lừa đảo", slug="nhan-dien", tracks="A")
    )
    Enrolment.objects.enrol(learner, course)
    ModuleProgress.objects.create(user=learner, module=module, source="viewed")
    category = Category.objects.create(name="Thường niên")
    quiz = Quiz.objects.create(
        title="Bài kiểm tra cuối khóa",
        course=course,
        pass_mark=Decimal("50"),
        shuffle_questions=False,
        shuffle_choices=False,
    )
    for number, (stem, right) in enumerate(
        [
            ("Mã OTP có được đọc cho người gọi điện?", "Không bao giờ"),
            ("Nghi ngờ tin nhắn giả mạo thì làm gì?", "Gọi lại số đã biết để xác minh"),
        ]
    ):
        question = Question.objects.create(category=category, qtype="single", stem=f"<p>{stem}</p>")
        Choice.objects.create(question=question, text=right, fraction=100, sort_order=0)
        Choice.objects.create(question=question, text="Làm theo yêu cầu", fraction=0, sort_order=1)
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=number)
    return course, quiz


def test_final_test_certificate_download_qr_and_verification(
    browser_page, live_server, learner, password, final_test
):
    from certificates.models import Certificate
    from quizzes.models import Attempt

    require_tool("zbarimg")
    course, quiz = final_test
    page = browser_page
    login(page, live_server, learner.username, password)

    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.click("text=Bắt đầu làm bài")
    page.wait_for_selector("form.quiz-form")
    attempt = Attempt.objects.get(quiz=quiz, user=learner)
    for item in attempt.questions.all():
        right = next(c for c in item.snapshot["choices"] if c["fraction"].startswith("100"))
        page.check(f"input[name=q{item.pk}][value='{right['token']}']")
    page.click("button[value=review]")
    page.wait_for_selector("text=Xem lại trước khi nộp")
    page.on("dialog", lambda dialog: dialog.accept())  # "Nộp bài ngay?" (data-confirm)
    page.click("button[type=submit]:has-text('Nộp bài')")
    page.wait_for_selector("text=Kết quả")

    certificate = Certificate.objects.get(user=learner, course=course)
    page.goto(f"{live_server.url}{reverse('certificates:mine')}")
    if certificate.status != Certificate.Status.ISSUED:  # "Đang tạo…": the page refreshes itself
        page.wait_for_selector("text=Tải chứng nhận (PDF)", timeout=30_000)
    assert "Chứng nhận của tôi" in page.title()
    assert certificate.serial in page.content()
    assert axe_violations(page) == []

    with page.expect_download() as download_info:
        page.click("text=Tải chứng nhận (PDF)")
    pdf = open(download_info.value.path(), "rb").read()  # noqa: SIM115
    certificate.refresh_from_db()
    assert pdf == certificate.file.open("rb").read()

    urls = decode_qr(pdf)
    assert len(urls) == 1
    path = (
        urls[0].split("://", 1)[1].split("/", 1)[1]
    )  # the site URL of the settings, then the path
    assert path == f"xac-minh/{certificate.verification_code}/"
    page.goto(f"{live_server.url}/{path}")
    assert page.locator(".verify-result .state").inner_text() == "Hợp lệ"
    assert certificate.snapshot["course_title"] in page.content()
    assert axe_violations(page) == []
