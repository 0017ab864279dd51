"""Reliability: answers survive a new server process, concurrent submits grade once, the deadline
is enforced by the server, and hostile posts change nothing. The concurrency proof needs
PostgreSQL (row locks); on SQLite that test is skipped with a reason."""

import json
import os
import subprocess
import sys
import threading
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.db import close_old_connections, connection, connections
from django.urls import reverse
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt, AttemptQuestion

from .conftest import right_answers


def state_of(attempt):
    """Everything a post could change about an attempt, for 'nothing changed' assertions."""
    attempt = Attempt.objects.get(pk=attempt.pk)
    return (
        attempt.state,
        attempt.score,
        attempt.deadline,
        attempt.submitted_at,
        sorted(
            AttemptQuestion.objects.filter(attempt=attempt).values_list(
                "pk", "response", "answered_at", "score"
            )
        ),
        Attempt.objects.count(),
    )


@pytest.mark.django_db(transaction=True)
def test_saved_answer_is_read_back_by_a_new_server_process(client_for, learner, quiz, bank):
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    item = attempt.questions.get(question=bank["short"])
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]),
        {"shown": item.pk, f"q{item.pk}": "91/2025/QH15"},
    )
    assert response.json()["ok"]
    connections.close_all()
    db = connection.settings_dict
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="lms.settings.test")
    if db["ENGINE"].endswith("sqlite3"):
        if db["NAME"] == ":memory:" or "mode=memory" in str(db["NAME"]):
            pytest.skip("SQLite in-memory test database is not visible to another process")
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        env["DATABASE_URL"] = (
            f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    code = (
        "import json; from quizzes.models import AttemptQuestion; "
        f"print(json.dumps(AttemptQuestion.objects.get(pk={item.pk}).response))"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"text": "91/2025/QH15"}


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_submits_grade_exactly_once(learner, quiz, monkeypatch):
    if connection.vendor == "sqlite":
        pytest.skip(
            "needs row locks: the concurrency proof runs on PostgreSQL (DATABASE_URL=postgres://…)"
        )
    attempt, _ = quiz.start_attempt(learner)
    for item in attempt.questions.all():
        from quizzes.grading import correct_response

        attempt.save_responses({item.pk: correct_response(item.snapshot)})
    calls = []
    lock = threading.Lock()
    real = services.attempt_graded

    def counting(a):
        with lock:
            calls.append(a.pk)
        return real(a)

    monkeypatch.setattr(services, "attempt_graded", counting)
    barrier = threading.Barrier(10)
    results, errors = [], []

    def worker():
        try:
            mine = Attempt.objects.get(pk=attempt.pk)
            barrier.wait(timeout=30)
            results.append(mine.submit())
        except Exception as exc:  # noqa: BLE001 – reported below
            errors.append(repr(exc))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [False] * 9 + [True]
    assert calls == [attempt.pk]
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.score == 100
    assert Attempt.objects.filter(quiz=quiz, user=learner).count() == 1


@pytest.mark.django_db
def test_double_submit_through_the_view_grades_once(client_for, learner, quiz, monkeypatch):
    calls = []
    real = services.attempt_graded
    monkeypatch.setattr(services, "attempt_graded", lambda a: calls.append(a.pk) or real(a))
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    data = right_answers(attempt) | {"da_xem_lai": "1"}
    first = client.post(reverse("quizzes:submit", args=[attempt.pk]), data)
    second = client.post(reverse("quizzes:submit", args=[attempt.pk]), data)
    assert first.status_code == second.status_code == 302
    assert calls == [attempt.pk]
    attempt.refresh_from_db()
    assert attempt.score == 100


@pytest.mark.django_db
def test_deadline_passes_mid_attempt_and_saved_answers_are_graded(
    client_for, learner, make_quiz, module, bank, enrolled
):
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=10)
    client = client_for(learner)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(reverse("quizzes:start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=learner)
        assert attempt.deadline == start + timedelta(minutes=10)
        data = right_answers(attempt)
        single = attempt.questions.get(question=bank["single"])
        saved = client.post(
            reverse("quizzes:save", args=[attempt.pk]),
            {"shown": single.pk, f"q{single.pk}": data[f"q{single.pk}"]},
        )
        assert saved.status_code == 200
    # Within the grace period a save in flight still lands.
    with time_machine.travel(start + timedelta(minutes=10, seconds=20), tick=False):
        short = attempt.questions.get(question=bank["short"])
        late = client.post(
            reverse("quizzes:save", args=[attempt.pk]),
            {"shown": short.pk, f"q{short.pk}": "91/2025/QH15"},
        )
        assert late.status_code == 200
    # After deadline + grace: refused, and the attempt is submitted with what was saved.
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        truefalse = attempt.questions.get(question=bank["truefalse"])
        refused = client.post(
            reverse("quizzes:save", args=[attempt.pk]),
            {"shown": truefalse.pk, f"q{truefalse.pk}": data[f"q{truefalse.pk}"]},
        )
        assert refused.status_code == 400
        assert "hết thời gian" in refused.json()["message"]
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.closed_by == Attempt.Closure.DEADLINE
    truefalse.refresh_from_db()
    assert truefalse.response is None
    # 2 of 7 questions right.
    assert attempt.score == Decimal("28.57")


@pytest.mark.django_db
def test_overdue_attempt_is_closed_by_the_command_and_never_blocks_a_new_start(
    learner, make_quiz, module, bank, enrolled
):
    from django.core.management import call_command

    quiz = make_quiz([bank["single"]], module=module, time_limit_minutes=5)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt, _ = quiz.start_attempt(learner)
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        call_command("close_overdue_attempts", stdout=open(os.devnull, "w"))  # noqa: SIM115
        attempt.refresh_from_db()
        assert attempt.state == Attempt.State.SUBMITTED
        assert attempt.closed_by == "deadline"
        again, created = quiz.start_attempt(learner)
        assert created and again.number == 2


@pytest.mark.django_db
def test_overdue_attempts_task_closes_them(learner, make_quiz, module, bank, enrolled):
    from quizzes.tasks import close_overdue_attempts

    quiz = make_quiz([bank["single"]], module=module, time_limit_minutes=5)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt, _ = quiz.start_attempt(learner)
    with time_machine.travel(start + timedelta(minutes=30), tick=False):
        assert close_overdue_attempts.call() == 1
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED


@pytest.mark.django_db
def test_abandoned_overdue_attempt_is_closed_on_the_next_start(
    client_for, learner, make_quiz, module, bank, enrolled
):
    quiz = make_quiz([bank["single"]], module=module, time_limit_minutes=5)
    client = client_for(learner)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(reverse("quizzes:start", args=[quiz.pk]))
    with time_machine.travel(start + timedelta(days=1), tick=False):
        response = client.post(reverse("quizzes:start", args=[quiz.pk]))
        newest = Attempt.objects.filter(user=learner).order_by("-number").first()
        assert newest.number == 2
        assert response["Location"] == reverse("quizzes:attempt", args=[newest.pk])
        assert Attempt.objects.filter(user=learner, state="submitted").count() == 1


# -- hostile posts: 400/403/404 and nothing changed -------------------------------------------


@pytest.fixture
def started(client_for, learner, quiz):
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    return client, Attempt.objects.get(user=learner)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["quizzes:save", "quizzes:attempt"])
def test_unknown_question_is_refused(started, url_name):
    client, attempt = started
    before = state_of(attempt)
    response = client.post(reverse(url_name, args=[attempt.pk]), {"shown": 999999, "q999999": "1"})
    assert response.status_code == 400
    assert state_of(attempt) == before


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["quizzes:save", "quizzes:attempt", "quizzes:submit"])
def test_choice_of_another_question_is_refused(started, bank, url_name):
    client, attempt = started
    item = attempt.questions.get(question=bank["single"])
    other = bank["multiple"].choices.first()
    before = state_of(attempt)
    response = client.post(
        reverse(url_name, args=[attempt.pk]),
        {"shown": item.pk, f"q{item.pk}": other.pk, "action": "submit"},
    )
    assert response.status_code == 400
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_garbage_values_are_refused(started, bank):
    client, attempt = started
    ordering = attempt.questions.get(question=bank["ordering"])
    before = state_of(attempt)
    for data in (
        {"shown": "abc"},
        {"shown": ordering.pk, f"q{ordering.pk}_{ordering.snapshot['items'][0]['token']}": "99"},
        {"shown": ordering.pk, f"q{ordering.pk}_{ordering.snapshot['items'][0]['token']}": "x"},
        {},
    ):
        assert client.post(reverse("quizzes:save", args=[attempt.pk]), data).status_code == 400
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_answers_after_submitting_are_refused(started, bank):
    client, attempt = started
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    item = attempt.questions.get(question=bank["short"])
    before = state_of(attempt)
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]),
        {"shown": item.pk, f"q{item.pk}": "91/2025/QH15"},
    )
    assert response.status_code == 400
    assert "đã được nộp" in response.json()["message"]
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]), {"shown": item.pk, f"q{item.pk}": "x"}
    )
    assert response.status_code == 302  # to the result; nothing saved
    assert state_of(attempt) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["quizzes:save", "quizzes:attempt", "quizzes:submit", "quizzes:result"]
)
def test_someone_elses_attempt_is_404(started, client_for, learner_b, bank, url_name):
    _client, attempt = started
    item = attempt.questions.get(question=bank["short"])
    before = state_of(attempt)
    other = client_for(learner_b)
    if url_name == "quizzes:result":
        response = other.get(reverse(url_name, args=[attempt.pk]))
    else:
        response = other.post(
            reverse(url_name, args=[attempt.pk]), {"shown": item.pk, f"q{item.pk}": "x"}
        )
    assert response.status_code == 404
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_tampered_deadline_field_is_ignored_and_late_save_refused(
    client_for, learner, make_quiz, module, bank, enrolled
):
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=1)
    client = client_for(learner)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    item = attempt.questions.get(question=bank["short"])
    with time_machine.travel(start + timedelta(minutes=5), tick=False):
        response = client.post(
            reverse("quizzes:save", args=[attempt.pk]),
            {
                "shown": item.pk,
                f"q{item.pk}": "91/2025/QH15",
                "deadline": (start + timedelta(days=1)).isoformat(),
                "seconds_left": "99999",
            },
        )
    assert response.status_code == 400
    attempt.refresh_from_db()
    item.refresh_from_db()
    assert item.response is None
    assert attempt.deadline == start + timedelta(minutes=1)


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(quiz):
    from django.test import Client

    response = Client().get(reverse("quizzes:quiz", args=[quiz.pk]))
    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response["Location"]


@pytest.mark.django_db
def test_learner_not_enrolled_gets_404(client_for, learner_b, quiz):
    response = client_for(learner_b).post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.status_code == 404
    assert not Attempt.objects.exists()


@pytest.mark.django_db
def test_wrong_methods_are_405(started, quiz):
    client, attempt = started
    assert client.get(reverse("quizzes:start", args=[quiz.pk])).status_code == 405
    assert client.get(reverse("quizzes:save", args=[attempt.pk])).status_code == 405
    assert client.get(reverse("quizzes:submit", args=[attempt.pk])).status_code == 405
    assert client.post(reverse("quizzes:result", args=[attempt.pk])).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_autosave_waiting_on_a_submit_is_refused_not_lost(learner, quiz, bank):
    """A save that arrives while a submit holds the attempt row waits, then sees the attempt
    submitted and stores nothing: no answer is ever stored after grading without being graded."""
    if connection.vendor == "sqlite":
        pytest.skip("needs row locks: runs on PostgreSQL")
    from django.db import transaction

    from quizzes.models import store_response

    attempt, _ = quiz.start_attempt(learner)
    item = attempt.questions.get(question=bank["short"])
    locked, outcome = threading.Event(), {}

    def submitter():
        try:
            with transaction.atomic():
                Attempt.objects.select_for_update().get(pk=attempt.pk)
                locked.set()
                time_machine_free_sleep = __import__("time").sleep
                time_machine_free_sleep(1.0)
                Attempt.objects.filter(pk=attempt.pk).update(state=Attempt.State.SUBMITTED)
        finally:
            connection.close()

    def saver():
        try:
            locked.wait(timeout=10)
            outcome["stored"] = store_response(attempt.pk, item.pk, {"text": "muộn"}, learner.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=submitter), threading.Thread(target=saver)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcome["stored"] is False
    item.refresh_from_db()
    assert item.response is None


# -- the signed shape tokens of the autosave fast path ---------------------------------------


def _token(client, attempt, item):
    import re

    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    return re.search(rf'name="k{item.pk}" value="([^"]+)"', page).group(1)


@pytest.mark.django_db
def test_autosave_with_the_page_token_needs_no_snapshot_read(
    started, bank, django_assert_max_num_queries
):
    client, attempt = started
    item = attempt.questions.get(question=bank["single"])
    token = _token(client, attempt, item)
    choice = item.snapshot["choices"][1]
    # Session, user, the attempt with its quiz, the study rule's enrolment (asked again on the
    # path without an autosave token), the guarded UPDATE; never the snapshots.
    with django_assert_max_num_queries(5) as captured:
        response = client.post(
            reverse("quizzes:save", args=[attempt.pk]),
            {"shown": item.pk, f"k{item.pk}": token, f"q{item.pk}": choice["token"]},
        )
    assert not [q["sql"] for q in captured.captured_queries if '"snapshot"' in q["sql"]]
    assert response.json()["ok"]
    item.refresh_from_db()
    assert item.response == {"choice": choice["id"]}


@pytest.mark.django_db
def test_token_does_not_allow_a_choice_of_another_question(started, bank):
    client, attempt = started
    item = attempt.questions.get(question=bank["single"])
    token = _token(client, attempt, item)
    before = state_of(attempt)
    other = bank["multiple"].choices.first().pk
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]),
        {"shown": item.pk, f"k{item.pk}": token, f"q{item.pk}": other},
    )
    assert response.status_code == 400
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_tampered_token_is_ignored_and_the_snapshot_decides(started, bank):
    from django.core import signing

    client, attempt = started
    item = attempt.questions.get(question=bank["single"])
    other = bank["multiple"].choices.first().pk
    forged = signing.dumps(
        {"type": "single", "choices": [{"id": other}]}, salt="khac", compress=True
    )
    before = state_of(attempt)
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]),
        {"shown": item.pk, f"k{item.pk}": forged, f"q{item.pk}": other},
    )
    assert response.status_code == 400
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_token_of_someone_elses_attempt_is_404(started, bank, client_for, learner_b):
    client, attempt = started
    item = attempt.questions.get(question=bank["single"])
    token = _token(client, attempt, item)
    before = state_of(attempt)
    response = client_for(learner_b).post(
        reverse("quizzes:save", args=[attempt.pk]),
        {
            "shown": item.pk,
            f"k{item.pk}": token,
            f"q{item.pk}": item.snapshot["choices"][0]["token"],
        },
    )
    assert response.status_code == 404
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_token_save_after_submit_is_refused(started, bank):
    client, attempt = started
    item = attempt.questions.get(question=bank["single"])
    token = _token(client, attempt, item)
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    before = state_of(attempt)
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]),
        {
            "shown": item.pk,
            f"k{item.pk}": token,
            f"q{item.pk}": item.snapshot["choices"][0]["token"],
        },
    )
    assert response.status_code == 400
    assert response.json()["closed"] is True
    assert state_of(attempt) == before


@pytest.mark.django_db
def test_token_save_after_the_deadline_is_refused_and_the_attempt_submitted(
    client_for, learner, make_quiz, module, bank, enrolled
):
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=1)
    client = client_for(learner)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(reverse("quizzes:start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=learner)
        item = attempt.questions.get(question=bank["single"])
        token = _token(client, attempt, item)
    with time_machine.travel(start + timedelta(minutes=2), tick=False):
        response = client.post(
            reverse("quizzes:save", args=[attempt.pk]),
            {
                "shown": item.pk,
                f"k{item.pk}": token,
                f"q{item.pk}": item.snapshot["choices"][0]["token"],
            },
        )
    assert response.status_code == 400
    assert "hết thời gian" in response.json()["message"]
    attempt.refresh_from_db()
    item.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED and attempt.closed_by == "deadline"
    assert item.response is None
