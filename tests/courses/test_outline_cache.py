"""The cached course outline and lesson bodies (courses.outline) never show stale or private
content: every change an editor makes reaches learners on their next request, drafts never leak,
and what belongs to one learner is never cached for another."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from courses.models import Enrolment, ModulePage
from quizzes.models import Quiz
from tests.content.conftest import TRUEFALSE, make_module, media_root  # noqa: F401 (fixture)

from .conftest import publish


def read_first_module(client, module):
    """Open the lesson, then press "Tôi đã học xong bài này" once the required time has passed."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(module.url)
    with time_machine.travel(start + timedelta(minutes=20), tick=False):
        client.post(reverse("courses:reading-done", args=[module.pk]))


@pytest.fixture
def warm(client_for, learner, course, modules, enrolled):
    """A learner whose visits have filled the cache for the course and its first module (read
    and completed)."""
    client = client_for(learner)
    client.get(course.url)
    read_first_module(client, modules[0])
    return client


def _set_heading(module, text):
    module.body = [("heading", text), *[(b.block_type, b.value) for b in module.body][1:]]


def test_published_change_reaches_learner_but_draft_does_not(warm, modules):
    module = ModulePage.objects.get(pk=modules[0].pk)
    _set_heading(module, "Tiêu đề bản nháp chưa duyệt")
    module.save_revision()  # a draft: learners keep seeing the published lesson
    html = warm.get(modules[0].url).content.decode()
    assert "Nhận diện tin nhắn giả mạo" in html
    assert "Tiêu đề bản nháp chưa duyệt" not in html

    module.get_latest_revision().publish()
    html = warm.get(modules[0].url).content.decode()
    assert "Tiêu đề bản nháp chưa duyệt" in html
    assert "Nhận diện tin nhắn giả mạo" not in html


def test_renamed_and_unpublished_modules_follow_at_once(warm, course, modules):
    second = ModulePage.objects.get(pk=modules[1].pk)
    second.title = "Bài 2 – tên mới"
    publish(second)
    third = ModulePage.objects.get(pk=modules[2].pk)
    third.unpublish()

    html = warm.get(course.url).content.decode()
    assert "Bài 2 – tên mới" in html
    assert f'href="{modules[2].url}"' not in html
    assert "Đã hoàn thành 1/2 bài bắt buộc" in html  # the first module, read by `warm`
    assert warm.get(modules[2].url).status_code == 404


def test_new_view_restriction_applies_at_once(warm, course, modules):
    PageViewRestriction.objects.create(page=course, restriction_type="password", password="bi-mat")
    response = warm.get(modules[0].url)
    html = response.content.decode()
    assert "Chị Lan nhận tin nhắn Zalo" not in html
    assert 'name="password"' in html


def test_quiz_attached_later_shows_on_the_lesson(warm, modules):
    assert "Kiểm tra kiến thức" not in warm.get(modules[0].url).content.decode()
    quiz = Quiz.objects.create(title="Kiểm tra nhanh bài 1", module_id=modules[0].pk)
    html = warm.get(modules[0].url).content.decode()
    assert "Kiểm tra nhanh bài 1" in html
    quiz.title = "Kiểm tra bài 1 (sửa)"
    quiz.save()
    assert "Kiểm tra bài 1 (sửa)" in warm.get(modules[0].url).content.decode()


def test_learners_own_state_is_never_shared(client_for, learner, learner_b, course, modules):
    """Progress and enrolment come from each learner's rows, even with a warm cache."""
    Enrolment.objects.enrol(learner, course)
    first = client_for(learner)
    read_first_module(first, modules[0])  # completes module 1 for `learner`, warms the cache
    assert "Đã hoàn thành 1/3 bài bắt buộc" in first.get(course.url).content.decode()

    other = client_for(learner_b)
    html = other.get(course.url).content.decode()
    assert "Ghi danh khóa học" in html and "Đã hoàn thành 1/3" not in html
    assert "Chị Lan nhận tin nhắn Zalo" not in other.get(modules[0].url).content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("media_root")
def test_h5p_block_keeps_a_token_per_learner_in_a_cached_body(
    client_for, learner, learner_b, trainer
):
    from content.h5p.services import import_package
    from courses.models import CourseIndexPage, CoursePage

    package = import_package(TRUEFALSE, user=trainer)
    index = CourseIndexPage.objects.first()
    course = publish(
        index.add_child(instance=CoursePage(title="Khóa H5P", slug="khoa-h5p", summary="Tóm tắt."))
    )
    module = publish(make_module(course, package))
    tokens = []
    for user in (learner, learner_b):
        Enrolment.objects.enrol(user, course)
        html = client_for(user).get(module.url).content.decode()
        tokens.append(re.search(r'data-attempt="([^"]+)"', html).group(1))
    assert tokens[0] != tokens[1]
