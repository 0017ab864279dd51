"""Attack: a course restricted to one group (Wagtail view restriction) and one audience
(`CoursePage.audience_positions`). A learner outside both enrolled by POST, then started the
course's final test and a module quiz. Each test asserts that nothing was written."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.models import CompletionRule, CourseIndexPage, CoursePage, Enrolment, ModulePage
from lms.org.models import PersonPosition, Position
from quizzes.models import Attempt, Quiz, QuizQuestion
from tests.conftest import site_root
from tests.quizzes.conftest import make_single

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaders():
    return Group.objects.create(name="Lớp bồi dưỡng lãnh đạo phường")


@pytest.fixture
def chairman():
    return Position.objects.create(name="Chủ tịch UBND phường", is_leader=True)


@pytest.fixture
def course():
    root = site_root()
    index = root.add_child(instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc-bao-mat"))
    return index.add_child(
        instance=CoursePage(
            title="Vai trò người đứng đầu", slug="nguoi-dung-dau", summary="Dành cho lãnh đạo."
        )
    )


@pytest.fixture
def module(course):
    return course.add_child(
        instance=ModulePage(
            title="Chủ quản hệ thống", slug="chu-quan", completion_rule=CompletionRule.QUIZ
        )
    )


@pytest.fixture
def quizzes(course, module):
    from quizzes.models import Category

    category = Category.objects.create(name="Lãnh đạo")
    question = make_single(category)
    module_quiz = Quiz.objects.create(title="Kiểm tra bài 11", module=module)
    final_test = Quiz.objects.create(title="Kiểm tra cuối khóa", course=course)
    for quiz in (module_quiz, final_test):
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=0)
    return module_quiz, final_test


def restrict_to_group(page, group):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return restriction


@pytest.fixture
def restricted(course, leaders, chairman):
    """The course of the attack: one group, one audience."""
    restrict_to_group(course, leaders)
    course.audience_positions.add(chairman)
    course.save_revision().publish()
    return course


def insider(user, group, position):
    user.groups.add(group)
    PersonPosition.objects.create(person=user.person, position=position, is_primary=True)
    # Roles and groups are cached on the user object per request; a test reloads it.
    return type(user).objects.get(pk=user.pk)


def test_enrol_by_post_is_refused_outside_group_and_audience(restricted, learner, client_for):
    response = client_for(learner).post(reverse("courses:enrol", args=[restricted.pk]))
    assert response.status_code == 403
    assert "giới hạn người xem" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_enrol_is_refused_outside_the_audience_alone(course, chairman, learner, client_for):
    course.audience_positions.add(chairman)
    course.save_revision().publish()
    response = client_for(learner).post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 403
    assert "dành cho các chức danh khác" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_enrol_is_refused_in_the_audience_but_outside_the_group(
    restricted, chairman, learner, client_for
):
    PersonPosition.objects.create(person=learner.person, position=chairman, is_primary=True)
    response = client_for(learner).post(reverse("courses:enrol", args=[restricted.pk]))
    assert response.status_code == 403
    assert not Enrolment.objects.exists()


def test_insider_enrols(restricted, leaders, chairman, learner, client_for):
    user = insider(learner, leaders, chairman)
    response = client_for(user).post(reverse("courses:enrol", args=[restricted.pk]))
    assert response.status_code == 302
    assert Enrolment.objects.filter(user=user, course=restricted).count() == 1


def test_quizzes_refused_to_an_outsider_holding_a_self_enrolment(
    restricted, module, quizzes, learner, client_for
):
    """An enrolment made before the fix (or any self enrolment) does not open the quizzes of a
    course the learner may not study: detail and start are 404 and no attempt is created."""
    Enrolment.objects.create(user=learner, course=restricted, source=Enrolment.Source.SELF)
    client = client_for(learner)
    for quiz in quizzes:
        assert client.get(reverse("quizzes:quiz", args=[quiz.pk])).status_code == 404
        assert client.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 404
    assert not Attempt.objects.exists()


def test_assigned_enrolment_passes_the_audience_but_not_the_view_restriction(
    course, module, quizzes, leaders, chairman, learner, manager_a, client_for
):
    """Staff chose the learner: an assigned enrolment counts as the audience check passed; a
    view restriction on the course still holds."""
    from lms.org.access import can_study

    course.audience_positions.add(chairman)
    course.save_revision().publish()
    Enrolment.objects.create(
        user=learner, course=course, source=Enrolment.Source.ASSIGNED, assigned_by=manager_a
    )
    assert can_study(learner, module)
    client = client_for(learner)
    module_quiz, final_test = quizzes
    assert client.post(reverse("quizzes:start", args=[final_test.pk])).status_code == 302
    assert Attempt.objects.filter(user=learner, quiz=final_test).count() == 1

    restrict_to_group(course, leaders)
    learner = type(learner).objects.get(pk=learner.pk)
    assert not can_study(learner, module)
    assert client.post(reverse("quizzes:start", args=[module_quiz.pk])).status_code == 404
    assert not Attempt.objects.filter(quiz=module_quiz).exists()


def test_insider_takes_the_module_quiz(
    restricted, module, quizzes, leaders, chairman, learner, client_for
):
    user = insider(learner, leaders, chairman)
    Enrolment.objects.create(user=user, course=restricted)
    response = client_for(user).post(reverse("quizzes:start", args=[quizzes[0].pk]))
    assert response.status_code == 302
    assert Attempt.objects.filter(user=user, quiz=quizzes[0]).count() == 1


def test_password_and_login_restrictions(course, module, learner, rf):
    from lms.org.access import can_study

    Enrolment.objects.create(user=learner, course=course)
    assert can_study(learner, module)
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-lop"
    )
    assert not can_study(learner, module)  # no request, no password entered
    request = rf.get("/")
    request.user = learner
    request.session = {restriction.passed_view_restrictions_session_key: [restriction.pk]}
    assert can_study(learner, module, request=request)
    restriction.delete()
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    assert can_study(learner, module)


def test_unpublished_course_refuses_enrolment_and_study(course, module, learner):
    from lms.org.access import can_study, enrol_refusal

    Enrolment.objects.create(user=learner, course=course)
    course.unpublish()
    course.refresh_from_db()
    assert enrol_refusal(learner, course) is not None
    assert not can_study(learner, ModulePage.objects.get(pk=module.pk))


def test_an_attempt_started_before_access_was_lost_cannot_go_on(
    course, module, quizzes, leaders, learner, client_for
):
    """Started while allowed; then a view restriction shuts the learner out. Taking the
    attempt, saving without an autosave token and submitting are 404; the attempt stays as it
    was (in progress, no answer stored, not graded)."""
    Enrolment.objects.create(user=learner, course=course)
    client = client_for(learner)
    module_quiz, _final = quizzes
    assert client.post(reverse("quizzes:start", args=[module_quiz.pk])).status_code == 302
    attempt = Attempt.objects.get(user=learner, quiz=module_quiz)
    item = attempt.questions.get()
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    assert page.status_code == 200
    choice = item.snapshot["choices"][0]["token"]

    restrict_to_group(course, leaders)
    answer = {"shown": item.pk, f"q{item.pk}": choice}
    assert client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("quizzes:attempt", args=[attempt.pk]), answer).status_code == 404
    assert client.post(reverse("quizzes:save", args=[attempt.pk]), answer).status_code == 404
    assert client.post(reverse("quizzes:submit", args=[attempt.pk]), answer).status_code == 404
    attempt.refresh_from_db()
    item.refresh_from_db()
    assert attempt.is_in_progress
    assert attempt.score is None
    assert not item.response
