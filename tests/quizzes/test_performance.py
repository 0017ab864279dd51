"""The quiz pages cost the same number of queries for 10 and 50 questions."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes.models import Attempt

from .conftest import make_bank, right_answers


def _queries(client, method, url, data=None):
    with CaptureQueriesContext(connection) as ctx:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), response
    return len(ctx.captured_queries)


@pytest.fixture
def two_quizzes(make_quiz, module, course, category, enrolled):
    questions = []
    for _ in range(9):  # 54 questions of every type
        questions.extend(make_bank(category).values())
    # One attempt each: after it the right answers are released, so both result pages review
    # every question (and both pay the release check).
    small = make_quiz(questions[:10], module=module, attempts_allowed=1)
    large = make_quiz(questions[:50], course=course, attempts_allowed=1)
    return small, large


@pytest.mark.django_db
def test_attempt_page_queries_do_not_grow_with_questions(client_for, learner, two_quizzes):
    client = client_for(learner)
    client.get(reverse("quizzes:quiz", args=[two_quizzes[0].pk]))  # warm the site/page caches
    counts = {}
    for quiz in two_quizzes:
        client.post(reverse("quizzes:start", args=[quiz.pk]))
        attempt = Attempt.objects.get(quiz=quiz, user=learner)
        assert attempt.questions.count() in (10, 50)
        url = reverse("quizzes:attempt", args=[attempt.pk])
        counts[quiz.pk] = (
            _queries(client, "get", url),
            _queries(
                client,
                "post",
                reverse("quizzes:attempt", args=[attempt.pk]),
                right_answers(attempt) | {"action": "save"},
            ),
            _queries(
                client, "post", reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"}
            ),
            _queries(client, "get", reverse("quizzes:result", args=[attempt.pk])),
        )
    small, large = (counts[q.pk] for q in two_quizzes)
    assert small[0] == large[0] <= 8
    assert small[1] == large[1]
    assert small[3] == large[3] <= 8
    # Submitting grades every question in one bulk update; the course-progress calls differ
    # between a module check and a final test, not with the number of questions.
    assert large[2] <= 40


@pytest.mark.django_db
def test_autosave_costs_a_handful_of_queries(
    client_for, learner, quiz, bank, django_assert_max_num_queries
):
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    item = attempt.questions.get(question=bank["short"])
    with django_assert_max_num_queries(8):
        response = client.post(
            reverse("quizzes:save", args=[attempt.pk]), {"shown": item.pk, f"q{item.pk}": "x"}
        )
    assert response.json()["ok"]


@pytest.mark.django_db
def test_quiz_card_for_a_module_page(rf, learner, quiz, module):
    from django.template import Context, Template

    request = rf.get("/")
    request.user = learner
    html = Template("{% load quizzes_tags %}{% quiz_card page %}").render(
        Context({"page": module, "request": request})
    )
    assert "Kiểm tra kiến thức" in html
    assert reverse("quizzes:quiz", args=[quiz.pk]) in html
    assert "Làm bài kiểm tra" in html
    empty = Template("{% load quizzes_tags %}{% quiz_card page %}").render(
        Context({"page": None, "request": request})
    )
    assert empty.strip() == ""


@pytest.mark.django_db
def test_module_page_shows_the_learners_quiz_state_within_budget(
    client_for, learner, quiz, module, django_assert_max_num_queries
):
    client = client_for(learner)
    client.get(module.url)  # first visit records the view
    with django_assert_max_num_queries(8):
        html = client.get(module.url).content.decode()
    assert "Làm bài kiểm tra" in html

    client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert "Tiếp tục làm bài" in client.get(module.url).content.decode()

    attempt = Attempt.objects.get(user=learner)
    client.post(
        reverse("quizzes:submit", args=[attempt.pk]), right_answers(attempt) | {"da_xem_lai": "1"}
    )
    attempt.refresh_from_db()
    assert attempt.passed
    html = client.get(module.url).content.decode()
    assert "Đạt" in html and "100" in html


@pytest.mark.django_db
def test_starting_an_attempt_reads_only_the_parts_its_questions_use(
    client_for, learner, make_quiz, course, category, enrolled
):
    """Freezing the question list: the fixed questions, then the questions again with only the
    child rows their types use (one query per kind present), the learner's person with unit and
    department in one query; no "seen before" read for a quiz without random rules."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .conftest import make_single

    singles = [make_single(category, stem=f"Câu {n}?") for n in range(30)]
    client = client_for(learner)

    def start(questions):
        quiz = make_quiz(questions, course=course)
        client.get(reverse("quizzes:quiz", args=[quiz.pk]))  # warm the site/page caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(reverse("quizzes:start", args=[quiz.pk]))
        assert response.status_code == 302
        return quiz, ctx.captured_queries

    _small, few = start(singles[:3])
    quiz, many = start(singles)
    # The same for 3 and 30 questions, and at most: session, user, quiz, enrolment, overdue,
    # in-progress, fixed questions, random rules, questions, choices, person (+unit,
    # department), the person's positions (the workplace snapshot, lms.org.snapshots),
    # MAX(number), INSERT attempt, INSERT attempt questions (one bulk insert), and the test
    # transaction's SAVEPOINT/RELEASE.
    assert len(many) == len(few), [q["sql"] for q in many]
    assert len(many) <= 17, [q["sql"] for q in many]
    sql = " ".join(q["sql"] for q in many)
    for unused in ("quizzes_matchpair", "quizzes_orderitem", "quizzes_shortanswer"):
        assert unused not in sql
    attempt = Attempt.objects.get(quiz=quiz, user=learner)
    assert attempt.unit_code == learner.person.unit.code
    assert attempt.positions == []  # the learner holds no position: an empty list, not None
    assert [item.snapshot["type"] for item in attempt.questions.all()] == ["single"] * 30
    assert all(len(item.snapshot["choices"]) == 3 for item in attempt.questions.all())


@pytest.mark.django_db
def test_every_question_type_is_frozen_with_its_parts(client_for, learner, quiz, bank):
    """A quiz with one question of every type: each snapshot still has its parts."""
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz, user=learner)
    snaps = {item.snapshot["type"]: item.snapshot for item in attempt.questions.all()}
    assert len(snaps["single"]["choices"]) == 3
    assert len(snaps["multiple"]["choices"]) == 4
    assert len(snaps["truefalse"]["choices"]) == 2
    assert [a["text"] for a in snaps["short"]["answers"]] == ["91/2025/QH15"]
    assert len(snaps["matching"]["prompts"]) == 3 and len(snaps["matching"]["options"]) == 3
    assert len(snaps["ordering"]["items"]) == 3
    assert snaps["numerical"]["answers"] and all(
        "value" in a and "tolerance" in a for a in snaps["numerical"]["answers"]
    )
    assert set(snaps) == {str(t) for t in bank}


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["highest", "last"])
def test_quiz_card_summary_matches_the_attempt_rows(learner, learner_b, quiz, method):
    """The card's hand-written attempts read returns what the ORM would, and the card picks the
    best (earliest among equals) or the last graded attempt as the quiz's grading method says."""
    from quizzes.models import GradingMethod
    from quizzes.templatetags.quizzes_tags import attempt_summary

    quiz.grading_method = GradingMethod(method)
    quiz.save()
    common = {"quiz": quiz, "pass_mark": Decimal("80"), "review_policy": quiz.review_policy}
    for number, score, passed in [(1, "90.5", True), (2, "90.5", True), (3, "60", False)]:
        Attempt.objects.create(
            user=learner,
            number=number,
            state=Attempt.State.SUBMITTED,
            score=Decimal(score),
            passed=passed,
            **common,
        )
    current = Attempt.objects.create(user=learner, number=4, **common)
    Attempt.objects.create(
        user=learner_b, number=1, state=Attempt.State.SUBMITTED, score=100, passed=True, **common
    )

    expected = list(
        Attempt.objects.filter(quiz=quiz, user=learner).values_list(
            "pk", "state", "number", "score", "passed"
        )
    )
    assert sorted(Attempt.objects.summary_rows(quiz.pk, learner.pk)) == sorted(expected)
    in_progress, final = attempt_summary(quiz, learner)
    assert in_progress == current.pk
    if method == "highest":
        assert (final.score, final.passed) == (Decimal("90.5"), True)
    else:
        assert (final.score, final.passed) == (Decimal("60"), False)
