"""The xAPI endpoint: the server decides who the actor is, whether the activity belongs to a
module the user studies, and whether the statement is sane; only then does progress move."""

import json
import re

import pytest
from django.test import Client
from django.urls import resolve, reverse

from content.h5p.models import H5PStatement
from content.h5p.xapi import make_attempt_token
from courses.models import ModuleProgress

from .conftest import make_module

pytestmark = pytest.mark.django_db

ANSWERED = {
    "actor": {"name": "Kẻ giả mạo", "mbox": "mailto:forged@example.com"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
    "object": {
        "id": "http://evil.example/other",
        "definition": {
            "name": {"en-US": "Hello World"},
            "interactionType": "true-false",
            "correctResponsesPattern": ["true"],
        },
    },
    "result": {
        "score": {"min": 0, "max": 1, "raw": 1, "scaled": 1},
        "completion": True,
        "success": True,
        "duration": "PT3.1S",
        "response": "true",
    },
    "timestamp": "2001-01-01T00:00:00Z",
}


def xapi_url(module, package):
    return reverse("h5p:xapi", args=[module.pk, package.pk])


def attempt_for(client, url):
    """The token the module page would have given this client's user for that activity."""
    from django.contrib.auth import get_user_model

    user_id = client.session.get("_auth_user_id")
    if user_id is None:
        return ""
    kwargs = resolve(url).kwargs
    user = get_user_model().objects.get(pk=user_id)
    return make_attempt_token(user, kwargs["module_id"], kwargs["package_id"])


def post(client, url, data, token=None):
    payload = data if isinstance(data, (str, bytes)) else json.dumps(data)
    token = attempt_for(client, url) if token is None else token
    return client.post(
        url, payload, content_type="application/json", headers={"X-H5P-Attempt": token}
    )


def progress_of(user, module):
    return ModuleProgress.objects.filter(user=user, module=module).first()


def test_valid_statement_is_stored_with_the_servers_actor_and_completes_the_module(
    client_for, learner, module, enrolled, truefalse
):
    response = post(client_for(learner), xapi_url(module, truefalse), ANSWERED)

    assert response.status_code == 200
    assert response.json() == {"recorded": True, "module_completed": True}
    stored = H5PStatement.objects.get()
    assert (stored.user, stored.package, stored.module_page_id) == (learner, truefalse, module.pk)
    assert stored.verb == "http://adlnet.gov/expapi/verbs/answered"
    assert (stored.score_raw, stored.score_max, stored.completion, stored.success) == (
        1,
        1,
        True,
        True,
    )
    statement = stored.statement
    assert statement["actor"]["account"]["name"] == str(learner.pk)
    assert "forged" not in json.dumps(statement)
    assert statement["object"]["id"].endswith(f"/h5p/{truefalse.pk}")
    assert statement["timestamp"] != ANSWERED["timestamp"]
    progress = progress_of(learner, module)
    assert progress.status == ModuleProgress.Status.COMPLETED and progress.source == "h5p"


def test_csrf_is_enforced(learner, module, enrolled, truefalse):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner, backend="django.contrib.auth.backends.ModelBackend")
    response = post(client, xapi_url(module, truefalse), ANSWERED)
    assert response.status_code == 403
    assert not H5PStatement.objects.exists() and progress_of(learner, module) is None


def test_tokens_from_the_opened_module_page_are_accepted(learner, module, enrolled, truefalse):
    """The real flow: the page gives the CSRF cookie and the attempt token; the player sends
    both back in headers."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(module.url).content.decode()
    attempt = re.search(r'data-attempt="([^"]+)"', html).group(1)
    response = client.post(
        xapi_url(module, truefalse),
        json.dumps(ANSWERED),
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value, "X-H5P-Attempt": attempt},
    )
    assert response.status_code == 200
    assert progress_of(learner, module).status == ModuleProgress.Status.COMPLETED


def test_statement_without_opening_the_module_is_refused(
    client_for, learner, module, enrolled, truefalse
):
    """A forged POST by an enrolled learner who never opened the content completes nothing."""
    response = post(client_for(learner), xapi_url(module, truefalse), ANSWERED, token="")
    assert response.status_code == 403
    assert "mở lại bài học" in response.json()["error"]
    assert not H5PStatement.objects.exists() and progress_of(learner, module) is None


def test_another_learners_attempt_token_is_refused(
    client_for, learner, learner_b, course, module, enrolled, truefalse
):
    from courses.models import Enrolment

    Enrolment.objects.create(user=learner_b, course=course)
    stolen = make_attempt_token(learner, module.pk, truefalse.pk)
    response = post(client_for(learner_b), xapi_url(module, truefalse), ANSWERED, token=stolen)
    assert response.status_code == 403
    assert progress_of(learner_b, module) is None


def test_attempt_token_of_another_module_is_refused(
    client_for, learner, course, module, enrolled, truefalse
):
    other = make_module(course, truefalse, slug="bai-khac")
    token = make_attempt_token(learner, other.pk, truefalse.pk)
    response = post(client_for(learner), xapi_url(module, truefalse), ANSWERED, token=token)
    assert response.status_code == 403
    assert progress_of(learner, module) is None


@pytest.mark.parametrize("token", ["x", "a" * 600, "WzEsMiwzXQ:1:abc"])
def test_garbage_attempt_token_is_refused(client_for, learner, module, enrolled, truefalse, token):
    response = post(client_for(learner), xapi_url(module, truefalse), ANSWERED, token=token)
    assert response.status_code == 403


def test_expired_attempt_token_is_refused(
    client_for, learner, module, enrolled, truefalse, monkeypatch
):
    token = make_attempt_token(learner, module.pk, truefalse.pk)
    monkeypatch.setattr("content.h5p.xapi.ATTEMPT_MAX_AGE", -1)
    response = post(client_for(learner), xapi_url(module, truefalse), ANSWERED, token=token)
    assert response.status_code == 403
    assert progress_of(learner, module) is None


def test_anonymous_is_sent_to_login(client, module, truefalse):
    response = post(client, xapi_url(module, truefalse), ANSWERED)
    assert response.status_code == 302
    assert not H5PStatement.objects.exists()


def test_get_is_not_allowed(client_for, learner, module, enrolled, truefalse):
    assert client_for(learner).get(xapi_url(module, truefalse)).status_code == 405


def test_not_enrolled_gets_404_and_nothing_stored(
    client_for, learner_b, module, enrolled, truefalse
):
    assert post(client_for(learner_b), xapi_url(module, truefalse), ANSWERED).status_code == 404
    assert not H5PStatement.objects.exists() and progress_of(learner_b, module) is None


def test_package_not_in_that_module_gives_404(
    client_for, learner, course, module, enrolled, truefalse, media_root
):
    from content.h5p.services import import_package

    from .conftest import truefalse_file

    other = import_package(truefalse_file())
    assert post(client_for(learner), xapi_url(module, other), ANSWERED).status_code == 404
    assert not H5PStatement.objects.exists()


def test_module_without_the_package_gives_404(
    client_for, learner, course, module, enrolled, truefalse
):
    from courses.models import ModulePage

    plain = course.add_child(instance=ModulePage(title="Bài đọc", slug="bai-doc", body=[]))
    assert post(client_for(learner), xapi_url(plain, truefalse), ANSWERED).status_code == 404


def test_unknown_module_gives_404(client_for, learner, enrolled, truefalse):
    response = post(client_for(learner), reverse("h5p:xapi", args=[999999, truefalse.pk]), ANSWERED)
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"result": {"score": {"min": 0, "max": 1, "raw": 5}}}, "result.score.raw"),
        ({"result": {"score": {"min": 0, "max": 1, "raw": -1}}}, "result.score.raw"),
        ({"result": {"score": {"min": 0, "max": 0, "raw": 0}}}, "result.score.max"),
        ({"result": {"score": {"raw": 1}}}, "result.score.max"),
        ({"result": {"score": {"max": 1, "raw": 1, "scaled": 1.5}}}, "result.score.scaled"),
        ({"result": {"score": {"max": 1, "raw": "1"}}}, "phải là một số"),
        ({"result": {"score": {"max": 1, "raw": True}}}, "phải là một số"),
        ({"result": {"completion": "yes"}}, "result.completion"),
        ({"verb": {"id": "http://adlnet.gov/expapi/verbs/voided"}}, "Động từ"),
        ({"verb": "answered"}, "Động từ"),
        ({"object": "x"}, '"object"'),
    ],
)
def test_malformed_statement_gives_400_and_nothing_stored(
    client_for, learner, module, enrolled, truefalse, change, words
):
    response = post(client_for(learner), xapi_url(module, truefalse), {**ANSWERED, **change})
    assert response.status_code == 400
    assert words in response.json()["error"]
    assert not H5PStatement.objects.exists() and progress_of(learner, module) is None


@pytest.mark.parametrize("payload", ["not json", "[1, 2]", b"\xff\xfe", "null"])
def test_non_object_body_gives_400(client_for, learner, module, enrolled, truefalse, payload):
    response = post(client_for(learner), xapi_url(module, truefalse), payload)
    assert response.status_code == 400
    assert not H5PStatement.objects.exists()


def test_oversized_body_gives_413(client_for, learner, module, enrolled, truefalse):
    big = {**ANSWERED, "context": {"extensions": {"x": "a" * 70_000}}}
    response = post(client_for(learner), xapi_url(module, truefalse), big)
    assert response.status_code == 413
    assert "16 KB" in response.json()["error"]
    assert not H5PStatement.objects.exists() and progress_of(learner, module) is None


def test_interaction_without_result_is_stored_but_does_not_complete(
    client_for, learner, module, enrolled, truefalse
):
    interacted = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/interacted"},
        "object": {"id": "x"},
    }
    response = post(client_for(learner), xapi_url(module, truefalse), interacted)
    assert response.json() == {"recorded": True, "module_completed": False}
    assert H5PStatement.objects.count() == 1 and progress_of(learner, module) is None


def test_h5p_statement_does_not_complete_a_module_with_another_rule(
    client_for, learner, course, enrolled, truefalse
):
    viewed_module = make_module(course, truefalse, slug="xem", rule="viewed")
    response = post(client_for(learner), xapi_url(viewed_module, truefalse), ANSWERED)
    assert response.json()["module_completed"] is False
    assert H5PStatement.objects.count() == 1
    assert progress_of(learner, viewed_module) is None


def test_replayed_statement_for_another_users_module_cannot_complete_it(
    client_for, learner, learner_b, module, enrolled, truefalse
):
    """A captured statement replayed by someone not enrolled changes nothing."""
    client_b = client_for(learner_b)
    for _ in range(3):
        assert post(client_b, xapi_url(module, truefalse), ANSWERED).status_code == 404
    assert progress_of(learner_b, module) is None and not H5PStatement.objects.exists()
