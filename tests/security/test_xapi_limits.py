"""xAPI resource limits (issue 8, point 6): statements are size-capped and rate-limited per
learner and module. Reproduced before the fix: 40 statements of 60 KB each accepted in 2 s.

The real packages of the corpus send statements of about 0.5–0.9 KB (H5P.TrueFalse 1.6 and
H5P.DragText answered/attempted, measured in Chromium); the cap is 16 KB."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from content.h5p import xapi
from content.h5p.models import H5PStatement
from courses.models import Enrolment, ModuleProgress
from tests.content.conftest import make_module, truefalse_file
from tests.content.test_h5p_xapi import ANSWERED, post, xapi_url

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(timezone.datetime(2026, 3, 2, 8, 0, 5))
INTERACTED = {"verb": {"id": "http://adlnet.gov/expapi/verbs/interacted"}, "object": {"id": "x"}}


@pytest.fixture
def activity(settings, tmp_path, trainer, learner, learner_b):
    from content.h5p.services import import_package
    from courses.models import CourseIndexPage, CoursePage
    from tests.conftest import site_root

    settings.MEDIA_ROOT = str(tmp_path / "media")
    index = CourseIndexPage.objects.first() or site_root().add_child(
        instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    course = index.add_child(instance=CoursePage(title="Khóa H5P", slug="khoa-h5p", summary="T."))
    package = import_package(truefalse_file(), user=trainer)
    module = make_module(course, package)
    other = make_module(course, package, slug="bai-h5p-2")
    for user in (learner, learner_b):
        Enrolment.objects.create(user=user, course=course)
    return module, other, package


def test_cap_leaves_a_wide_margin_over_real_statements():
    assert xapi.MAX_BODY_BYTES == 16 * 1024
    assert len(json.dumps(ANSWERED).encode()) * 10 < xapi.MAX_BODY_BYTES


def test_forty_statements_of_60_kb_are_refused_and_nothing_is_stored(client_for, learner, activity):
    module, _other, package = activity
    big = {**ANSWERED, "context": {"extensions": {"http://x/pad": "a" * 60_000}}}
    client = client_for(learner)
    with time_machine.travel(T0, tick=True):
        answers = [post(client, xapi_url(module, package), big) for _ in range(40)]
    assert {r.status_code for r in answers} <= {413, 429}
    assert answers[0].status_code == 413
    assert "16 KB" in answers[0].json()["error"]
    assert H5PStatement.objects.count() == 0
    assert not ModuleProgress.objects.exists()


def test_just_over_the_cap_is_refused_and_just_under_is_accepted(client_for, learner, activity):
    module, _other, package = activity
    client = client_for(learner)
    base = len(json.dumps({**INTERACTED, "context": {"extensions": {"http://x/pad": ""}}}))
    for size, status in ((xapi.MAX_BODY_BYTES, 200), (xapi.MAX_BODY_BYTES + 1, 413)):
        pad = "a" * (size - base)
        body = {**INTERACTED, "context": {"extensions": {"http://x/pad": pad}}}
        assert len(json.dumps(body)) == size
        assert post(client, xapi_url(module, package), body).status_code == status
    assert H5PStatement.objects.count() == 1


def test_a_burst_of_40_small_statements_stores_at_most_the_limit(client_for, learner, activity):
    module, _other, package = activity
    client = client_for(learner)
    with time_machine.travel(T0, tick=False):
        answers = [post(client, xapi_url(module, package), INTERACTED) for _ in range(40)]
    limit = xapi.RATE_LIMIT_PER_MINUTE
    assert [r.status_code for r in answers] == [200] * limit + [429] * (40 - limit)
    assert "Quá nhiều kết quả" in answers[-1].json()["error"]
    assert answers[-1]["Retry-After"]
    assert H5PStatement.objects.count() == limit
    # A completing statement beyond the limit completes nothing either.
    with time_machine.travel(T0 + timedelta(seconds=10), tick=False):
        assert post(client, xapi_url(module, package), ANSWERED).status_code == 429
    assert H5PStatement.objects.count() == limit and not ModuleProgress.objects.exists()


def test_the_limit_is_per_learner_and_module_and_lifts_after_a_minute(
    client_for, learner, learner_b, activity
):
    module, other, package = activity
    client = client_for(learner)
    limit = xapi.RATE_LIMIT_PER_MINUTE
    with time_machine.travel(T0, tick=False):
        for _ in range(limit):
            post(client, xapi_url(module, package), INTERACTED)
        assert post(client, xapi_url(module, package), INTERACTED).status_code == 429
        assert post(client, xapi_url(other, package), INTERACTED).status_code == 200
        assert post(client_for(learner_b), xapi_url(module, package), INTERACTED).status_code == 200
    with time_machine.travel(T0 + timedelta(seconds=61), tick=False):
        assert post(client, xapi_url(module, package), ANSWERED).json()["module_completed"]
    assert H5PStatement.objects.filter(user=learner, module_page_id=module.pk).count() == limit + 1
