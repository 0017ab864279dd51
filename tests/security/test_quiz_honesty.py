"""Honest quiz results (issue 8): the attacks that scored without knowing the answers.

1. Identifiers that leak the answer: right choices carried the lowest ids and the right order of
   an ordering question was the ascending item ids, so sorting the form's field names or values
   scored 100 %. Now every choice, prompt, option and item is named by a random per-attempt
   token; the attacks below must do no better than chance over many attempts.
2. Reading the answers off the review and retrying: on a final test with unlimited attempts and
   the "feedback" review, a blank submission showed every right answer. Now a final test never
   shows them while the learner has an attempt left (Quiz.answers_released).

Each attack asserts what the learner got (scores, pages) and that nothing else changed.
"""

import base64
import re
import zlib

import pytest
from django.core import signing
from django.urls import reverse

from quizzes.models import Attempt, AttemptQuestion, Choice, MatchPair, OrderItem, Question
from tests.quizzes import conftest as quiz_fixtures
from tests.quizzes.conftest import make_single

# The quiz folder's fixtures, used here by name.
category = quiz_fixtures.category
course = quiz_fixtures.course
enrolled = quiz_fixtures.enrolled
make_quiz = quiz_fixtures.make_quiz
module = quiz_fixtures.module

ATTEMPTS = 50
TOKEN = re.compile(r"^[0-9a-f]{8}$")


def _bank(category):
    """A single choice question whose right choice has the lowest id (1 right of 4), an ordering
    question whose right order is the ascending ids (4 items), a matching question whose
    prompts and options were created in the right pairing (3 pairs)."""
    single = make_single(category, wrong=("Sai 1", "Sai 2", "Sai 3"))
    ordering = Question.objects.create(category=category, qtype="ordering", stem="<p>Thứ tự?</p>")
    for i, text in enumerate(["Ngắt mạng", "Báo đầu mối", "Giữ chứng cứ", "Khôi phục"]):
        OrderItem.objects.create(question=ordering, text=text, sort_order=i)
    matching = Question.objects.create(category=category, qtype="matching", stem="<p>Ghép.</p>")
    for i, (left, right) in enumerate(
        [("Luật 91", "Dữ liệu cá nhân"), ("Luật 116", "An ninh mạng"), ("Luật 20", "Giao dịch")]
    ):
        MatchPair.objects.create(question=matching, prompt=left, answer=right, sort_order=i)
    return single, ordering, matching


def _fields(html, aq):
    """What the attempt page shows for attempt question `aq`: radio values, ordering/matching
    select names (in page order) and matching option values (in page order)."""
    block = re.search(rf'<fieldset[^>]*data-aq="{aq}".*?</fieldset>', html, re.S).group(0)
    radios = re.findall(r'type="radio" name="q\d+" value="([^"]*)"', block)
    selects = re.findall(rf'<select id="f-q{aq}_[^"]*" name="(q{aq}_[^"]+)"', block)
    options = []
    for value in re.findall(r'<option value="([^"]*)"', block):
        if value and value not in options:
            options.append(value)
    return radios, selects, options


def _attack(client, quiz, learner, strategy):
    """Start an attempt, read its page, post the strategy's answers and submit. Returns the
    attempt's question scores {question id: score}."""
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz, user=learner, state=Attempt.State.IN_PROGRESS)
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    data = {"shown": [], "da_xem_lai": "1"}
    for item in attempt.questions.all():
        data["shown"].append(item.pk)
        radios, selects, options = _fields(html, item.pk)
        qtype = item.snapshot["type"]
        if qtype == "single":
            data[f"q{item.pk}"] = sorted(radios)[0] if strategy == "sorted" else radios[0]
        elif qtype == "ordering":
            names = sorted(selects) if strategy == "sorted" else selects
            for position, name in enumerate(names, start=1):
                data[name] = str(position)
        elif qtype == "matching":
            prompts = sorted(selects) if strategy == "sorted" else selects
            values = [o for o in options if TOKEN.match(o)]
            values = sorted(values) if strategy == "sorted" else values
            for name, value in zip(prompts, values, strict=False):
                data[name] = value
    response = client.post(reverse("quizzes:submit", args=[attempt.pk]), data)
    assert response.status_code == 302
    return {
        item.question_id: item.score
        for item in AttemptQuestion.objects.filter(attempt=attempt).only("question_id", "score")
    }


@pytest.mark.django_db
@pytest.mark.parametrize("strategy", ["sorted", "displayed"])
def test_sorting_or_taking_the_page_order_scores_no_better_than_chance(
    client_for, learner, make_quiz, module, category, enrolled, strategy
):
    single, ordering, matching = _bank(category)
    quiz = make_quiz([single, ordering, matching], module=module, shuffle_choices=True)
    client = client_for(learner)
    full = {single.pk: 0, ordering.pk: 0, matching.pk: 0}
    for _ in range(ATTEMPTS):
        scores = _attack(client, quiz, learner, strategy)
        for question_id, score in scores.items():
            full[question_id] += score == 1
    # Chance: 1 in 4 for the choice (12.5 of 50 expected), 1 in 24 for the order (about 2),
    # 1 in 6 for the matching (about 8). Before the tokens the sorted attack scored 50 of 50.
    # The thresholds sit where chance exceeds them with a probability below 1 in 1000.
    assert full[single.pk] < 25, full
    assert full[ordering.pk] < 10, full
    assert full[matching.pk] < 20, full
    if strategy == "displayed":
        # The displayed order of an ordering question is never the right one.
        assert full[ordering.pk] == 0
    assert Attempt.objects.filter(quiz=quiz, user=learner).count() == ATTEMPTS
    assert not Attempt.objects.filter(quiz=quiz, state=Attempt.State.IN_PROGRESS).exists()


@pytest.mark.django_db
def test_a_two_item_ordering_is_never_shown_in_the_right_order(
    learner, make_quiz, module, category, enrolled
):
    question = Question.objects.create(category=category, qtype="ordering", stem="<p>Hai?</p>")
    first = OrderItem.objects.create(question=question, text="Trước", sort_order=0)
    second = OrderItem.objects.create(question=question, text="Sau", sort_order=1)
    quiz = make_quiz([question], module=module)
    for _ in range(ATTEMPTS):
        attempt, _created = quiz.start_attempt(learner)
        shown = [entry["id"] for entry in attempt.questions.get().snapshot["items"]]
        assert shown == [second.pk, first.pk]
        attempt.submit()


@pytest.mark.django_db
def test_two_attempts_of_the_same_question_get_different_tokens(
    client_for, learner, make_quiz, module, category, enrolled
):
    single, ordering, matching = _bank(category)
    quiz = make_quiz([single, ordering, matching], module=module)
    client = client_for(learner)
    pages = []
    for _ in range(2):
        client.post(reverse("quizzes:start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=learner, state=Attempt.State.IN_PROGRESS)
        html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
        tokens = set()
        for item in attempt.questions.all():
            radios, selects, options = _fields(html, item.pk)
            tokens.update(radios, (name.split("_", 1)[1] for name in selects))
            tokens.update(o for o in options if TOKEN.match(o))
        pages.append(tokens)
        attempt.submit()
    # 4 choices + 4 items + 3 prompts + 3 options, all random and unique within the attempt.
    assert len(pages[0]) == len(pages[1]) == 14
    assert all(TOKEN.match(t) for t in pages[0] | pages[1])
    assert not pages[0] & pages[1]


@pytest.mark.django_db
def test_the_page_carries_no_bank_id_even_in_the_sealed_shape(
    client_for, learner, make_quiz, module, category, enrolled
):
    single, ordering, matching = _bank(category)
    quiz = make_quiz([single, ordering, matching], module=module)
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    for item in attempt.questions.all():
        radios, selects, options = _fields(html, item.pk)
        assert all(TOKEN.match(v) for v in radios)
        assert all(TOKEN.match(name.split("_", 1)[1]) for name in selects)
        sealed = re.search(rf'name="k{item.pk}" value="([^"]+)"', html).group(1)
        # Not Django's readable signed JSON, and the payload is not readable as compressed
        # JSON either: the bank ids it maps the tokens to stay on the server.
        with pytest.raises((signing.BadSignature, ValueError)):
            signing.loads(sealed, salt=f"quizzes.shape.{attempt.pk}.{item.pk}")
        body = base64.urlsafe_b64decode(sealed.rsplit(":", 1)[0])
        with pytest.raises(zlib.error):
            zlib.decompress(body)
        for nonce in (12, 16):
            with pytest.raises(zlib.error):
                zlib.decompress(body[nonce:])
    # No radio carries a bank id (a token may happen to be all digits, never a choice's id).
    bank_ids = {
        str(pk) for question in (single, ordering, matching) for pk in _choice_ids(question)
    }
    radio_values = set(re.findall(r'type="radio" name="q\d+" value="([^"]+)"', html))
    assert radio_values and not radio_values & bank_ids


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["quizzes:save", "quizzes:attempt", "quizzes:submit"])
def test_a_bank_id_or_an_unknown_token_is_refused_and_nothing_changes(
    client_for, learner, make_quiz, module, category, enrolled, url_name
):
    single = make_single(category)
    quiz = make_quiz([single], module=module)
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    item = attempt.questions.get()
    right = Choice.objects.get(question=single, fraction=100)
    for value in (str(right.pk), "deadbeef", "0"):
        response = client.post(
            reverse(url_name, args=[attempt.pk]),
            {"shown": item.pk, f"q{item.pk}": value, "action": "submit"},
        )
        assert response.status_code == 400
        item.refresh_from_db()
        attempt.refresh_from_db()
        assert item.response is None and item.answered_at is None and item.score is None
        assert attempt.state == Attempt.State.IN_PROGRESS and attempt.score is None


# -- reading the answers off the review and retrying -----------------------------------------


def _submit_blank(client, quiz, learner):
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz, user=learner, state=Attempt.State.IN_PROGRESS)
    item = attempt.questions.get()
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"shown": item.pk, "da_xem_lai": "1"})
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED and attempt.score == 0
    return attempt, client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()


RIGHT_MARKERS = ("đáp án đúng</span>", "is-right", "Đúng rồi", "Chính xác.", "Vì luật.")


@pytest.mark.django_db
def test_blank_submit_on_a_final_test_shows_no_answer_and_the_retry_starts_blind(
    client_for, learner, make_quiz, course, category, enrolled
):
    """The reproduced attack: unlimited attempts, review "feedback", submit blank, read, retry."""
    single = make_single(category)  # right: "Đúng rồi", feedback "Chính xác.", "Vì luật."
    quiz = make_quiz([single], course=course, review_policy="feedback")
    assert quiz.attempts_allowed is None
    client = client_for(learner)
    for number in (1, 2, 3):
        attempt, page = _submit_blank(client, quiz, learner)
        assert attempt.number == number
        assert "Điểm:" in page
        for marker in RIGHT_MARKERS:
            assert marker not in page, marker
        assert "Đáp án đúng không được hiện khi bài kiểm tra còn mở." in page
    # Nothing was credited and every attempt scored what it answered: nothing.
    assert list(Attempt.objects.filter(quiz=quiz).values_list("score", flat=True)) == [0, 0, 0]
    assert not Attempt.objects.filter(quiz=quiz, passed=True).exists()


@pytest.mark.django_db
def test_a_final_test_reveals_only_after_the_last_allowed_attempt(
    client_for, learner, make_quiz, course, category, enrolled
):
    single = make_single(category)
    quiz = make_quiz([single], course=course, review_policy="feedback", attempts_allowed=2)
    client = client_for(learner)
    first, page = _submit_blank(client, quiz, learner)
    assert not any(marker in page for marker in RIGHT_MARKERS)
    assert "Đáp án đúng sẽ được hiện sau lần làm bài cuối cùng của bạn." in page
    # The last attempt is in progress: the first attempt's review still shows nothing.
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    page = client.get(reverse("quizzes:result", args=[first.pk])).content.decode()
    assert not any(marker in page for marker in RIGHT_MARKERS)
    last = Attempt.objects.get(quiz=quiz, state=Attempt.State.IN_PROGRESS)
    client.post(reverse("quizzes:submit", args=[last.pk]), {"da_xem_lai": "1"})
    # No attempt left: now the review may show everything the policy allows (no choice was
    # ticked, so no choice feedback).
    page = client.get(reverse("quizzes:result", args=[first.pk])).content.decode()
    assert all(marker in page for marker in ("đáp án đúng</span>", "is-right", "Vì luật."))


def _choice_ids(question):
    """Bank ids of a question's choices, matching prompts and options, and ordering items."""
    ids = []
    for name in ("choices", "pairs", "order_items"):
        related = getattr(question, name, None)
        if related is not None:
            ids.extend(related.values_list("pk", flat=True))
    return ids
