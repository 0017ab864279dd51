"""The autosave capability (quizzes.autosave): a save carrying the page's token is exactly the
guarded UPDATE, with neither the session nor the user read; every token that is not valid for
this attempt, this session cookie and this moment falls back to the logged-in path, which keeps
refusing what it always refused."""

import re
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes import autosave
from quizzes.models import Attempt, AttemptQuestion


def state_of(attempt):
    attempt = Attempt.objects.get(pk=attempt.pk)
    return (
        attempt.state,
        attempt.score,
        attempt.submitted_at,
        sorted(
            AttemptQuestion.objects.filter(attempt=attempt).values_list(
                "pk", "response", "answered_at"
            )
        ),
    )


def page_tokens(client, attempt):
    """(the form's save token, {attempt question id: shape token}) from the rendered page."""
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    save_token = re.search(r'data-save-token="([^"]*)"', html).group(1)
    shapes = {int(pk): token for pk, token in re.findall(r'name="k(\d+)" value="([^"]+)"', html)}
    return save_token, shapes


def save_data(item, shapes, save_token, choice):
    data = {"shown": item.pk, f"k{item.pk}": shapes[item.pk], f"q{item.pk}": choice}
    if save_token is not None:
        data[autosave.FIELD] = save_token
    return data


@pytest.fixture
def started(client_for, learner, quiz):
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    return client, attempt


@pytest.fixture
def single(started, bank):
    return started[1].questions.get(question=bank["single"])


def _post(client, attempt, data):
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(reverse("quizzes:save", args=[attempt.pk]), data)
    return response, [q["sql"] for q in ctx.captured_queries]


def full_path(sql):
    """True if the request read the session and the user (the logged-in path) and then stored
    with one UPDATE."""
    session = [q for q in sql if "django_session" in q]
    user = [q for q in sql if 'FROM "accounts_user"' in q or "FROM `accounts_user`" in q]
    updates = [q for q in sql if q.lstrip().upper().startswith("UPDATE")]
    return len(session) == 1 and len(user) == 1 and len(updates) == 1


@pytest.mark.django_db
def test_valid_token_save_is_exactly_the_guarded_update(started, single):
    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    assert save_token
    choice = single.snapshot["choices"][1]
    session_load = mock.patch.object(
        SessionBase, "_get_session", side_effect=AssertionError("session read")
    )
    user_load = mock.patch("django.contrib.auth.get_user", side_effect=AssertionError("user read"))
    with session_load, user_load:
        response, sql = _post(
            client, attempt, save_data(single, shapes, save_token, choice["token"])
        )
    assert response.status_code == 200 and response.json()["ok"] is True
    assert len(sql) == 1
    assert sql[0].lstrip().upper().startswith("UPDATE")
    single.refresh_from_db()
    assert single.response == {"choice": choice["id"]}
    assert single.answered_at is not None


@pytest.mark.django_db
def test_two_questions_with_a_token_are_two_updates(started, bank, django_assert_num_queries):
    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    single = attempt.questions.get(question=bank["single"])
    truefalse = attempt.questions.get(question=bank["truefalse"])
    data = {
        "shown": [single.pk, truefalse.pk],
        f"k{single.pk}": shapes[single.pk],
        f"k{truefalse.pk}": shapes[truefalse.pk],
        f"q{single.pk}": single.snapshot["choices"][0]["token"],
        f"q{truefalse.pk}": truefalse.snapshot["choices"][1]["token"],
        autosave.FIELD: save_token,
    }
    with django_assert_num_queries(2):
        response = client.post(reverse("quizzes:save", args=[attempt.pk]), data)
    assert response.json()["ok"] is True
    assert set(
        AttemptQuestion.objects.filter(attempt=attempt, response__isnull=False).values_list(
            "pk", flat=True
        )
    ) == {single.pk, truefalse.pk}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token",
    [
        "",
        "rác",
        signing.dumps({"a": 1, "u": 1, "e": None, "s": "x"}, salt="muoi-khac"),
    ],
    ids=["empty", "garbage", "other-salt"],
)
def test_invalid_token_falls_back_to_the_session_and_still_saves(started, single, token):
    client, attempt = started
    _save_token, shapes = page_tokens(client, attempt)
    choice = single.snapshot["choices"][2]
    response, sql = _post(client, attempt, save_data(single, shapes, token, choice["token"]))
    assert response.json()["ok"] is True
    assert full_path(sql)
    single.refresh_from_db()
    assert single.response == {"choice": choice["id"]}


@pytest.mark.django_db
def test_token_used_from_another_learners_session_is_404(started, single, client_for, learner_b):
    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    before = state_of(attempt)
    other = client_for(learner_b)
    response = other.post(
        reverse("quizzes:save", args=[attempt.pk]),
        save_data(single, shapes, save_token, single.snapshot["choices"][0]["token"]),
    )
    assert response.status_code == 404
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_token_used_with_a_forged_session_cookie_is_refused(started, single, quiz):
    """The token with a cookie that is not the session it was issued to: no session behind it,
    so the fallback sends the request to the login page and nothing is stored."""
    from django.test import Client

    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    before = state_of(attempt)
    stranger = Client()
    stranger.cookies[settings.SESSION_COOKIE_NAME] = "khong-phai-phien-nay"
    response = stranger.post(
        reverse("quizzes:save", args=[attempt.pk]),
        save_data(single, shapes, save_token, single.snapshot["choices"][0]["token"]),
    )
    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response["Location"]
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_token_of_one_attempt_does_not_open_another(
    started, single, client_for, learner_b, quiz, course
):
    """The learner's token posted to someone else's attempt: the token is not for that attempt,
    the session path finds the attempt is not the learner's: 404, nothing changed."""
    from courses.models import Enrolment

    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    Enrolment.objects.create(user=learner_b, course=course)
    client_for(learner_b).post(reverse("quizzes:start", args=[quiz.pk]))
    theirs = Attempt.objects.get(user=learner_b)
    their_item = theirs.questions.get(question=single.question)
    before = state_of(theirs)
    response = client.post(
        reverse("quizzes:save", args=[theirs.pk]),
        {
            "shown": their_item.pk,
            f"q{their_item.pk}": their_item.snapshot["choices"][0]["token"],
            autosave.FIELD: save_token,
        },
    )
    assert response.status_code == 404
    assert state_of(theirs) == before
    # And a token issued for their attempt (to their session) changes nothing for ours.
    assert autosave.token_user_id(_request(save_token, client), theirs.pk) is None


def _request(token, client):
    from django.test import RequestFactory

    request = RequestFactory().post("/", {autosave.FIELD: token})
    request.COOKIES[settings.SESSION_COOKIE_NAME] = client.cookies[
        settings.SESSION_COOKIE_NAME
    ].value
    return request


@pytest.mark.django_db
def test_expired_token_falls_back_and_the_late_save_is_refused(
    client_for, learner, make_quiz, module, bank, enrolled
):
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=1)
    client = client_for(learner)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(reverse("quizzes:start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=learner)
        item = attempt.questions.get(question=bank["single"])
        save_token, shapes = page_tokens(client, attempt)
        assert autosave.token_user_id(_request(save_token, client), attempt.pk) == learner.pk
    late = start + timedelta(minutes=1) + autosave_grace() + timedelta(seconds=2)
    with time_machine.travel(late, tick=False):
        assert autosave.token_user_id(_request(save_token, client), attempt.pk) is None
        response, sql = _post(
            client,
            attempt,
            save_data(item, shapes, save_token, item.snapshot["choices"][0]["token"]),
        )
    assert response.status_code == 400
    assert response.json()["closed"] is True
    assert any("django_session" in q for q in sql)  # the token was not accepted
    attempt.refresh_from_db()
    item.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED and attempt.closed_by == "deadline"
    assert item.response is None


def autosave_grace():
    from quizzes.models import DEADLINE_GRACE

    return DEADLINE_GRACE


@pytest.mark.django_db
def test_tampered_expiry_changes_nothing(client_for, learner, make_quiz, module, bank, enrolled):
    """Moving the expiry needs the key: a payload edited by hand is a bad signature."""
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=1)
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    save_token, _shapes = page_tokens(client, attempt)
    body, timestamp, signature = save_token.split(":")
    data = signing.loads(save_token, salt=autosave.SALT)
    assert data["e"] is not None
    data["e"] += 24 * 60 * 60
    forged_body = signing.b64_encode(signing.JSONSerializer().dumps(data)).decode()
    assert forged_body != body
    forged = f"{forged_body}:{timestamp}:{signature}"
    assert autosave.token_user_id(_request(forged, client), attempt.pk) is None
    assert autosave.token_user_id(_request(save_token, client), attempt.pk) == learner.pk


@pytest.mark.django_db
def test_untimed_token_expires_after_max_age_and_the_session_path_saves(started, single):
    client, attempt = started
    assert attempt.deadline is None
    save_token, shapes = page_tokens(client, attempt)
    later = timezone.now() + timedelta(seconds=autosave.MAX_AGE + 60)
    with time_machine.travel(later, tick=False):
        assert autosave.token_user_id(_request(save_token, client), attempt.pk) is None
        response, sql = _post(
            client,
            attempt,
            save_data(single, shapes, save_token, single.snapshot["choices"][1]["token"]),
        )
    assert response.json()["ok"] is True
    assert full_path(sql)
    single.refresh_from_db()
    assert single.response == {"choice": single.snapshot["choices"][1]["id"]}


@pytest.mark.django_db
def test_after_logout_the_token_alone_saves_nothing(started, single):
    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    before = state_of(attempt)
    client.logout()
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]),
        save_data(single, shapes, save_token, single.snapshot["choices"][0]["token"]),
    )
    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response["Location"]
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_after_logging_in_again_the_old_token_falls_back_to_the_new_session(
    started, single, learner
):
    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    client.logout()
    client.force_login(learner)
    choice = single.snapshot["choices"][0]
    response, sql = _post(client, attempt, save_data(single, shapes, save_token, choice["token"]))
    assert response.json()["ok"] is True
    assert full_path(sql)  # a new session key: the old token is not accepted, the session is
    single.refresh_from_db()
    assert single.response == {"choice": choice["id"]}


@pytest.mark.django_db
def test_token_save_after_submit_is_refused(started, single):
    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    before = state_of(attempt)
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]),
        save_data(single, shapes, save_token, single.snapshot["choices"][0]["token"]),
    )
    assert response.status_code == 400
    assert response.json()["closed"] is True
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_token_with_a_choice_of_another_question_is_refused(started, single, bank):
    client, attempt = started
    save_token, shapes = page_tokens(client, attempt)
    before = state_of(attempt)
    other = bank["multiple"].choices.first().pk
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]), save_data(single, shapes, save_token, other)
    )
    assert response.status_code == 400
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_the_plain_form_carries_no_token_field(started):
    """Without JavaScript nothing changes: the token is a data attribute only quiz.js sends."""
    client, attempt = started
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert 'data-save-token="' in html
    assert f'name="{autosave.FIELD}"' not in html
