"""Progress comes only from server-verified events; forged or replayed requests complete nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import (
    CompletionRule,
    Enrolment,
    ModulePage,
    ModuleProgress,
    ModuleReading,
)
from lms.org.access import can_study as user_can_study_module
from training.models import TrainingCredit


def read_long_ago(user, module):
    """Reading evidence: `user` opened `module` an hour ago (more than any required time)."""
    opened = timezone.now() - timedelta(hours=1)
    ModuleReading.objects.create(
        user=user, module=module, first_opened_at=opened, last_beat_at=opened
    )


def complete_by_reading(user, module):
    read_long_ago(user, module)
    return services.record_module_completion(user, module, "viewed")


def test_viewing_a_module_starts_its_reading_clock_and_completes_nothing(
    client_for, learner, modules, enrolled
):
    client_for(learner).get(modules[0].url)
    assert not ModuleProgress.objects.exists()
    assert ModuleReading.objects.get(user=learner).module_id == modules[0].pk


def test_viewing_without_enrolment_records_nothing(
    client_for, learner, learner_b, modules, enrolled
):
    client_for(learner_b).get(modules[0].url)
    assert not ModuleProgress.objects.filter(user=learner_b).exists()


def test_viewing_all_modules_completes_course_and_credits_tiet(
    client_for, learner, course, modules, enrolled
):
    client = client_for(learner)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for module in modules:
            client.get(module.url)
    with time_machine.travel(start + timedelta(minutes=20), tick=False):
        for module in modules:  # 45-minute lessons: 20 minutes each (see required_reading_seconds)
            client.post(reverse("courses:reading-done", args=[module.pk]))
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None
    credit = TrainingCredit.objects.get(user=learner)
    assert credit.tiet == Decimal("2.5") and credit.year == timezone.localdate().year
    assert credit.title == "Khóa học thử nghiệm" and credit.source == "course"
    html = client.get("/hoc-tap/").content.decode()
    assert "Đã tích lũy 2,5/40 tiết." in html or "Đã tích lũy 2.5/40 tiết." in html
    client.get(modules[0].url)  # revisiting adds no second credit
    client.post(reverse("courses:reading-done", args=[modules[0].pk]))
    assert TrainingCredit.objects.count() == 1


def test_h5p_and_quiz_modules_are_not_completed_by_viewing(client_for, learner, modules, enrolled):
    ModulePage.objects.filter(pk=modules[0].pk).update(completion_rule=CompletionRule.H5P)
    ModulePage.objects.filter(pk=modules[1].pk).update(completion_rule=CompletionRule.QUIZ)
    client = client_for(learner)
    client.get(modules[0].url)
    client.get(modules[1].url)
    assert not ModuleProgress.objects.exists()
    assert services.record_module_completion(
        learner, ModulePage.objects.get(pk=modules[0].pk), "h5p"
    )
    assert ModuleProgress.objects.get().source == "h5p"


@pytest.mark.parametrize(
    "url",
    [
        "/hoc-tap/",
        "/hoc-tap/khoa-hoc/{course}/ghi-danh/",
        "/khoa-hoc/khoa-thu/bai-1/",
        "/khoa-hoc/khoa-thu/",
    ],
)
def test_forged_posts_cannot_complete_modules_or_course(
    url, client_for, learner_b, learner, course, modules, enrolled
):
    """A learner who never opened the content replays/forges POSTs: nothing is completed."""
    client = client_for(learner)
    for payload in (
        {"module": modules[0].pk, "status": "completed"},
        {"completed": "1", "progress": "100"},
    ):
        client.post(url.format(course=course.pk), payload)
    assert not ModuleProgress.objects.exists()
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None
    assert not TrainingCredit.objects.exists()


def test_get_on_module_of_course_not_enrolled_completes_nothing(
    client_for, learner, make_course, course, enrolled
):
    other = make_course(2, slug="khac", title="Khóa khác")
    client = client_for(learner)
    for module in other.modules():
        client.get(module.url)
    assert not ModuleProgress.objects.exists()
    assert not Enrolment.objects.filter(course=other).exists()


def test_service_refuses_unenrolled_unknown_source_and_drafts(
    learner, learner_b, modules, enrolled
):
    assert not services.record_module_completion(learner_b, modules[0], "viewed")
    assert not services.record_module_completion(learner, modules[0], "browser-said-so")
    modules[1].unpublish()
    assert not services.record_module_completion(
        learner, ModulePage.objects.get(pk=modules[1].pk), "quiz"
    )
    assert not ModuleProgress.objects.exists()


def test_service_is_idempotent(learner, modules, enrolled):
    read_long_ago(learner, modules[0])
    for _ in range(3):
        assert services.record_module_completion(learner, modules[0], "viewed")
    assert ModuleProgress.objects.count() == 1


def final_test_of(course):
    from quizzes.models import Quiz

    return Quiz.objects.create(title="Kiểm tra cuối khóa", course=course, pass_mark=Decimal("80"))


def passed_attempt(quiz, user):
    from quizzes.models import Attempt

    return Attempt.objects.create(
        quiz=quiz,
        user=user,
        number=1,
        state=Attempt.State.SUBMITTED,
        submitted_at=timezone.now(),
        score=Decimal("100"),
        passed=True,
        pass_mark=quiz.pass_mark,
        review_policy=quiz.review_policy,
    )


def test_final_test_gates_course_completion(learner, course, modules, enrolled):
    quiz = final_test_of(course)
    for module in modules:
        complete_by_reading(learner, module)
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None
    # Claiming a passed final test without a passed attempt in the database changes nothing.
    assert not services.on_quiz_passed(learner, course_page=course)
    enrolled.refresh_from_db()
    assert enrolled.final_test_passed_at is None and enrolled.completed_at is None
    passed_attempt(quiz, learner)
    assert services.on_quiz_passed(learner, course_page=course)
    enrolled.refresh_from_db()
    assert enrolled.final_test_passed_at is not None and enrolled.completed_at is not None
    assert TrainingCredit.objects.filter(user=learner).count() == 1


def test_final_test_passed_without_enrolment_is_refused(learner_b, course):
    assert not services.record_final_test_passed(learner_b, course)


def test_modules_outside_learner_tracks_are_optional(make_course, learner):
    course = make_course(3, slug="theo-nhom", tracks_of={3: "C"})  # module 3 is for leaders
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    assert enrolment.tracks == "A"
    for module in list(course.modules())[:2]:
        complete_by_reading(learner, module)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_leader_enrolment_requires_leader_modules(make_course, learner):
    from lms.org.models import PersonPosition, Position

    leader = Position.objects.create(name="Chủ tịch UBND phường", is_leader=True)
    PersonPosition.objects.create(person=learner.person, position=leader, is_primary=True)
    course = make_course(3, slug="lanh-dao", tracks_of={3: "C"})
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    assert enrolment.tracks == "AC"
    for module in list(course.modules())[:2]:
        complete_by_reading(learner, module)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None


def test_access_helper(learner, learner_b, course, modules, enrolled):
    assert user_can_study_module(learner, modules[0])
    assert user_can_study_module(learner, modules[0].page_ptr)  # a plain Page works too
    assert not user_can_study_module(learner_b, modules[0])
    modules[0].unpublish()
    assert not user_can_study_module(learner, ModulePage.objects.get(pk=modules[0].pk))
    from wagtail.models import Page

    Page.objects.filter(pk=course.pk).update(live=False)
    assert not user_can_study_module(learner, modules[1])


def test_overdue_enrolment(enrolled):
    enrolled.due_date = timezone.localdate() - timedelta(days=1)
    enrolled.save()
    assert enrolled.is_overdue()
    assert Enrolment.objects.overdue().count() == 1


def test_completion_source_must_match_the_module_rule(learner, modules, enrolled):
    ModulePage.objects.filter(pk=modules[0].pk).update(completion_rule=CompletionRule.QUIZ)
    ModulePage.objects.filter(pk=modules[2].pk).update(completion_rule=CompletionRule.H5P)
    quiz_module = ModulePage.objects.get(pk=modules[0].pk)
    h5p_module = ModulePage.objects.get(pk=modules[2].pk)
    for module in modules:
        read_long_ago(learner, module)
    assert not services.record_module_completion(learner, quiz_module, "h5p")
    assert not services.record_module_completion(learner, quiz_module, "viewed")
    # A reading module completes on reading evidence only (an H5P result never stands in).
    assert not services.record_module_completion(learner, modules[1], "h5p")
    assert services.record_module_completion(learner, modules[1], "viewed")
    assert not services.record_module_completion(learner, h5p_module, "viewed")
    assert services.record_module_completion(learner, h5p_module, "h5p")
    assert set(ModuleProgress.objects.values_list("source", flat=True)) == {"viewed", "h5p"}
