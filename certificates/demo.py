"""Demo content for `seed_demo` (runs after quizzes.demo.seed): a certificate template, the demo
signing key if missing (`make_demo_signing_cert --if-missing`: "DEMO - không có giá trị pháp
lý"), and the demo learner ("hocvien") with the yearly refresher course completed and its signed
certificate, so a newcomer sees the whole path at once. The main course is left for the learner
to complete. Idempotent: nothing is made twice."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

DEMO_LEARNER = "hocvien"
DEMO_COURSE_SLUG = "boi-duong-thuong-nien-2026"


def _template(stdout):
    from .models import CertificateTemplate

    if CertificateTemplate.objects.filter(is_active=True).exists():
        return
    CertificateTemplate.objects.create(
        name="Mẫu chứng nhận (dữ liệu mẫu)",
        signer_name="Nguyễn Văn Mẫu",
        signer_title="KT. GIÁM ĐỐC - PHÓ GIÁM ĐỐC",
    )
    stdout.write("  Đã tạo mẫu chứng nhận.\n")


def _pass_final_tests(user, course):
    from quizzes.models import Attempt

    for quiz in course.final_tests.all():
        if quiz.attempts.filter(user=user, passed=True).exists():
            continue
        now = timezone.now()
        Attempt.objects.create(
            quiz=quiz,
            user=user,
            number=quiz.attempts.filter(user=user).count() + 1,
            state=Attempt.State.SUBMITTED,
            started_at=now,
            submitted_at=now,
            score=Decimal("90"),
            passed=True,
            pass_mark=quiz.pass_mark,
            review_policy=quiz.review_policy,
        )


def _complete(user, course):
    from courses import completion
    from courses.models import Enrolment, ModuleProgress

    enrolment, _ = Enrolment.objects.enrol(user, course)
    if enrolment.completed_at is None:
        now = timezone.now()
        with transaction.atomic():
            for module in course.modules():
                ModuleProgress.objects.update_or_create(
                    user=user,
                    module=module,
                    defaults={
                        "status": ModuleProgress.Status.COMPLETED,
                        "source": ModuleProgress.Source.QUIZ
                        if module.has_quiz()
                        else ModuleProgress.Source.VIEWED,
                        "completed_at": now,
                    },
                )
            _pass_final_tests(user, course)
            if course.has_final_test():
                Enrolment.objects.filter(pk=enrolment.pk).update(final_test_passed_at=now)
        # Outside the atomic block: the after-commit event issues the certificate.
        completion.update_course_completion(Enrolment.objects.get(pk=enrolment.pk))
        enrolment.refresh_from_db()
    return enrolment


def seed(stdout):
    from courses.models import CoursePage

    from .issuance import issue_for_enrolment
    from .tasks import produce_file

    stdout.write("Chứng nhận:\n")
    call_command("make_demo_signing_cert", "--if-missing", stdout=stdout)
    _template(stdout)
    user = get_user_model().objects.filter(username=DEMO_LEARNER).first()
    course = CoursePage.objects.filter(slug=DEMO_COURSE_SLUG).first()
    if user is None or course is None:
        stdout.write("  Chưa có học viên mẫu hoặc khóa bồi dưỡng thường niên; bỏ qua.\n")
        return None
    enrolment = _complete(user, course)
    if enrolment.completed_at is None:
        stdout.write("  Khóa học mẫu chưa hoàn thành được; bỏ qua chứng nhận.\n")
        return None
    # The after-commit event issued it (inside an outer transaction it has not run: issue here).
    certificate = issue_for_enrolment(enrolment.pk)
    certificate = produce_file(certificate.pk)  # a no-op once the file exists
    stdout.write(
        f"  Chứng nhận {certificate.serial} của “{user.get_full_name() or user.username}”: "
        f"{certificate.get_status_display()}.\n"
    )
    return certificate
