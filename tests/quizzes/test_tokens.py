"""The attempt's opaque tokens (quizzes.models.AttemptTokens): what a page names each entry by,
how they map back to bank ids, and attempts started before tokens existed."""

import pytest
from django.urls import reverse

from quizzes.grading import correct_response
from quizzes.models import Attempt, AttemptQuestion, AttemptTokens
from quizzes.responses import open_shape, shape_of, sign_shape

from .conftest import right_answers


def test_tokens_are_unique_within_an_attempt_and_carry_no_order():
    tokens = AttemptTokens()
    made = [tokens.new() for _ in range(500)]
    assert len(set(made)) == 500
    assert made != sorted(made)


@pytest.mark.django_db
def test_the_sealed_shape_opens_only_for_its_own_attempt_question(learner, quiz):
    attempt, _created = quiz.start_attempt(learner)
    item = attempt.questions.get(snapshot__type="ordering")
    sealed = sign_shape(attempt.pk, item.pk, item.snapshot)
    assert open_shape(attempt.pk, item.pk, sealed) == shape_of(item.snapshot)
    assert open_shape(attempt.pk, item.pk + 1, sealed) is None
    assert open_shape(attempt.pk + 1, item.pk, sealed) is None
    assert open_shape(attempt.pk, item.pk, sealed[:-2] + "xx") is None
    # Two seals of the same shape differ (random nonce): equal pages cannot be compared.
    assert sign_shape(attempt.pk, item.pk, item.snapshot) != sealed


@pytest.mark.django_db
def test_every_question_type_answered_by_tokens_scores_full_marks(client_for, learner, quiz):
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    data = right_answers(attempt) | {"da_xem_lai": "1"}
    assert client.post(reverse("quizzes:submit", args=[attempt.pk]), data).status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100
    # Responses keep the bank ids (grading, review and item analysis read those).
    for item in attempt.questions.all():
        key = correct_response(item.snapshot)
        if item.snapshot["type"] == "multiple":
            assert item.response == {"choices": sorted(key["choices"])}
        elif item.snapshot["type"] in ("single", "truefalse", "matching", "ordering"):
            assert item.response == key


@pytest.mark.django_db
def test_an_attempt_started_before_tokens_still_takes_its_ids(client_for, learner, quiz, bank):
    """Snapshots frozen before this change have no tokens: their ids serve as tokens."""
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    item = attempt.questions.get(question=bank["single"])
    legacy = item.snapshot
    for choice in legacy["choices"]:
        del choice["token"]
    AttemptQuestion.objects.filter(pk=item.pk).update(snapshot=legacy)
    right = next(c["id"] for c in legacy["choices"] if c["fraction"].startswith("100"))
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert f'name="q{item.pk}" value="{right}"' in page
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]), {"shown": item.pk, f"q{item.pk}": right}
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.response == {"choice": right}
