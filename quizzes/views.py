"""Learner views: quiz page, start, take (page by page or all on one page), save, summary,
submit, result.

An attempt is submitted only from its summary page ("Xem lại và nộp bài"), which lists every
question answered or not and marked or not: the submit POST carries the summary's confirmation
field (SUMMARY_CONFIRMED), so a mis-click on a question page never spends an attempt. Only a
deadline that has passed submits without it.

Every view works without JavaScript; quiz.js only adds autosave and the countdown. An attempt is
only ever reached through `_get_attempt` (the learner's own, else 404) or, for an autosave, the
guarded UPDATE of models.store_response (the user id then comes from the session or from the
page's autosave token, quizzes.autosave).
"""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import autosave
from .display import page_bounds, question_view
from .models import Attempt, AttemptQuestion, AttemptRefused, Quiz, store_response
from .responses import (
    InvalidResponse,
    parse_flags,
    parse_items,
    parse_page,
    shown_ids,
    signed_items,
)

# The field only the summary page's form posts: {name: value}.
SUMMARY_CONFIRMED = ("da_xem_lai", "1")


def learner_may_take(user, quiz):
    """Module checks and course final tests: the one study rule (lms.org.access.can_study)."""
    from lms.org.access import can_study

    return can_study(user, quiz.module or quiz.course)


def _get_quiz(user, quiz_id):
    quiz = get_object_or_404(Quiz.objects.select_related("module", "course"), pk=quiz_id)
    if not learner_may_take(user, quiz):
        raise Http404
    return quiz


def _get_attempt(user_id, attempt_id):
    return get_object_or_404(Attempt.objects.select_related("quiz"), pk=attempt_id, user_id=user_id)


def _get_studied_attempt(user, attempt_id):
    """The learner's own attempt, for taking, saving or submitting it: the study rule is asked
    again, so an attempt started before the learner lost access (course unpublished, a view
    restriction added, enrolment removed) cannot go on. 404 otherwise."""
    attempt = get_object_or_404(
        Attempt.objects.select_related("quiz__module", "quiz__course"),
        pk=attempt_id,
        user_id=user.pk,
    )
    if not learner_may_take(user, attempt.quiz):
        raise Http404
    return attempt


def _overdue_closed(request, attempt):
    """Submit an overdue attempt with its saved answers; True if it is (now) closed."""
    if attempt.is_in_progress and attempt.is_overdue():
        attempt.submit(reason=Attempt.Closure.DEADLINE)
        messages.warning(
            request, _("Đã hết thời gian làm bài. Bài đã được nộp với các câu trả lời đã lưu.")
        )
    return not attempt.is_in_progress


@login_required
@require_GET
def quiz_detail(request, quiz_id):
    quiz = _get_quiz(request.user, quiz_id)
    Attempt.objects.close_overdue(quiz=quiz, user=request.user)
    attempts = list(quiz.attempts_of(request.user).order_by("number"))
    current = next((a for a in attempts if a.is_in_progress), None)
    final = quiz.final_attempt(request.user)
    return render(
        request,
        "quizzes/quiz_detail.html",
        {
            "quiz": quiz,
            "attempts": attempts,
            "current": current,
            "final": final,
            "attempts_left": quiz.attempts_left(request.user),
            "is_open": quiz.is_open(),
            "question_count": quiz.question_count(),
        },
    )


@login_required
@require_POST
def start(request, quiz_id):
    quiz = _get_quiz(request.user, quiz_id)
    try:
        attempt, _created = quiz.start_attempt(request.user)
    except AttemptRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("quizzes:quiz", quiz_id=quiz.pk)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


def _page_number(request):
    try:
        return int(request.POST.get("trang") or request.GET.get("trang") or 1)
    except ValueError:
        return 1


def _attempt_index(attempt):
    """[(position, answered, flagged)] for every question of the attempt, one query."""
    rows = attempt.questions.order_by("position").values_list("position", "response", "flagged")
    return [(position, response is not None, flagged) for position, response, flagged in rows]


def _render_attempt(request, attempt, page, status=200, error=None):
    quiz = attempt.quiz
    index = _attempt_index(attempt)
    first, last, page, pages = page_bounds(len(index), quiz.questions_per_page, page)
    items = attempt.questions.filter(position__gte=first, position__lte=last).order_by("position")
    return render(
        request,
        "quizzes/attempt.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "questions": [question_view(item) for item in items],
            "page": page,
            "pages": pages,
            "page_range": range(1, pages + 1),
            "total": len(index),
            "answered": sum(1 for _position, answered, _flagged in index if answered),
            "seconds_left": attempt.seconds_left(),
            "error": error,
            "save_token": autosave.issue(attempt, request.session.session_key),
        },
        status=status,
    )


def _summary_url(attempt):
    return reverse("quizzes:summary", args=[attempt.pk])


@login_required
@require_http_methods(["GET", "POST"])
def take(request, attempt_id):
    """GET shows a page of the attempt with saved answers; POST saves that page, then moves
    to another page ("trang") or to the summary ("Xem lại và nộp bài": action "review"; an
    old form's "submit" goes there too, never straight to grading)."""
    attempt = _get_studied_attempt(request.user, attempt_id)
    if _overdue_closed(request, attempt):
        return redirect("quizzes:result", attempt_id=attempt.pk)
    page = _page_number(request)
    if request.method == "GET":
        return _render_attempt(request, attempt, page)
    try:
        responses = parse_page(attempt, request.POST)
    except InvalidResponse as problem:
        return _render_attempt(request, attempt, page, status=400, error=str(problem))
    ok, reason = attempt.save_responses(responses, flags=parse_flags(responses, request.POST))
    if not ok:
        _overdue_closed(request, attempt)
        attempt.refresh_from_db()
        return redirect("quizzes:result", attempt_id=attempt.pk)
    action = request.POST.get("action", "save")
    if action in ("review", "submit"):
        return redirect(_summary_url(attempt))
    if action in ("next", "prev"):
        page += 1 if action == "next" else -1
    elif action == "goto":
        with contextlib.suppress(ValueError):
            page = int(request.POST.get("goto") or page)
    else:
        messages.success(request, _("Đã lưu câu trả lời."))
    return redirect(f"{reverse('quizzes:attempt', args=[attempt.pk])}?trang={page}")


@require_POST
def save(request, attempt_id):
    """Autosave (quiz.js): one question's fields; answers in JSON.

    The hot path of a test rush. With a valid autosave token (quizzes.autosave: this attempt,
    this session's cookie, not expired) the learner is known without reading the session or the
    user; otherwise the request takes the ordinary logged-in path. Either way the save itself is
    `_save`'s, with the guarded UPDATE deciding whether the answer may still be stored.
    """
    user_id = autosave.token_user_id(request, attempt_id)
    if user_id is None:
        return _save_with_session(request, attempt_id)
    return _save(request, attempt_id, user_id)


@login_required
def _save_with_session(request, attempt_id):
    # Without a valid autosave token the study rule is asked again (with a token, the token's
    # short life bounds how long a save can follow a loss of access; submit asks again).
    _get_studied_attempt(request.user, attempt_id)
    return _save(request, attempt_id, request.user.pk)


def _save(request, attempt_id, user_id):
    """Answers are checked against the signed shape the page carried (responses.signed_items),
    or against the snapshot read from the database when that token is missing; then one guarded
    UPDATE per question (models.store_response) stores them only if the attempt is `user_id`'s,
    in progress and within time."""
    try:
        ids = shown_ids(request.POST)
    except InvalidResponse as problem:
        return JsonResponse({"ok": False, "message": str(problem)}, status=400)
    items = signed_items(attempt_id, ids, request.POST)
    attempt = None
    if items is None:
        items = {
            item.pk: item
            for item in AttemptQuestion.objects.filter(
                pk__in=ids, attempt_id=attempt_id, attempt__user_id=user_id
            )
            .select_related("attempt")
            .only("id", "snapshot", "attempt__id", "attempt__state", "attempt__deadline")
        }
        attempt = next(iter(items.values())).attempt if items else _get_attempt(user_id, attempt_id)
        ok, reason = attempt.check_open()
        if not ok:
            return _closed_response(attempt, reason)
    try:
        responses = parse_items(items, ids, request.POST)
    except InvalidResponse as problem:
        _get_attempt(user_id, attempt_id)  # someone else's attempt stays a 404
        return JsonResponse({"ok": False, "message": str(problem)}, status=400)
    now = timezone.now()
    flags = parse_flags(responses, request.POST)
    # Stops at the first refusal: the attempt is then closed (or not the learner's) for all.
    if not all(
        store_response(attempt_id, pk, response, user_id, now, flagged=flags[pk])
        for pk, response in responses.items()
    ):
        attempt = _get_attempt(user_id, attempt_id)
        ok, reason = attempt.check_open(now)
        return _closed_response(attempt, reason or "closed")
    return JsonResponse(
        {
            "ok": True,
            "saved_at": timezone.localtime(now).strftime("%H:%M:%S"),
            # Lets quiz.js keep the "Đã trả lời x/n câu" counter right without a reload.
            "answered": {str(pk): response is not None for pk, response in responses.items()},
        }
    )


def _closed_response(attempt, reason):
    result_url = reverse("quizzes:result", args=[attempt.pk])
    if reason == "overdue":
        attempt.submit(reason=Attempt.Closure.DEADLINE)
        message = _(
            "Đã hết thời gian làm bài. Bài đã được nộp với các câu trả lời đã lưu trước đó."
        )
    else:
        message = _("Bài đã được nộp; không thể lưu thêm câu trả lời.")
    return JsonResponse(
        {"ok": False, "closed": True, "redirect": result_url, "message": message}, status=400
    )


@login_required
@require_GET
def summary(request, attempt_id):
    """Before submitting: every question answered or not, marked or not, a link back to each,
    and the only submit button, stating how many questions are still unanswered."""
    attempt = _get_studied_attempt(request.user, attempt_id)
    if _overdue_closed(request, attempt):
        return redirect("quizzes:result", attempt_id=attempt.pk)
    quiz = attempt.quiz
    index = _attempt_index(attempt)
    per_page = quiz.questions_per_page
    attempt_url = reverse("quizzes:attempt", args=[attempt.pk])
    rows = [
        {
            "position": position,
            "answered": answered,
            "flagged": flagged,
            "url": f"{attempt_url}?trang={(position - 1) // per_page + 1 if per_page else 1}"
            f"#cau-{position}",
        }
        for position, answered, flagged in index
    ]
    answered = sum(1 for row in rows if row["answered"])
    return render(
        request,
        "quizzes/summary.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "rows": rows,
            "total": len(rows),
            "answered": answered,
            "unanswered": len(rows) - answered,
            "flagged": sum(1 for row in rows if row["flagged"]),
            "seconds_left": attempt.seconds_left(),
            "confirm_field": SUMMARY_CONFIRMED,
        },
    )


@login_required
@require_POST
def submit(request, attempt_id):
    """Submit (idempotent): saves the answers posted with it, grades once, shows the result.

    Grades only when the post comes from the summary page (SUMMARY_CONFIRMED) or the deadline
    has passed (the countdown's own submit); otherwise the posted answers are saved and the
    learner is sent to the summary."""
    attempt = _get_studied_attempt(request.user, attempt_id)
    if attempt.is_in_progress and not attempt.is_overdue() and request.POST.getlist("shown"):
        try:
            responses = parse_page(attempt, request.POST)
        except InvalidResponse as problem:
            return HttpResponseBadRequest(str(problem))
        attempt.save_responses(responses, flags=parse_flags(responses, request.POST))
    if attempt.is_in_progress:
        name, value = SUMMARY_CONFIRMED
        confirmed = request.POST.get(name) == value
        time_up = attempt.deadline is not None and attempt.deadline <= timezone.now()
        if not confirmed and not time_up:
            return redirect(_summary_url(attempt))
        by_learner = confirmed and not attempt.is_overdue()
        attempt.submit(reason=Attempt.Closure.LEARNER if by_learner else Attempt.Closure.DEADLINE)
    return redirect("quizzes:result", attempt_id=attempt.pk)


@login_required
@require_GET
def result(request, attempt_id):
    attempt = _get_attempt(request.user.pk, attempt_id)
    if attempt.is_in_progress and not _overdue_closed(request, attempt):
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    # What the review may show now: the attempt's policy, capped while the quiz withholds its
    # right answers (Attempt.visible_review_level, the one rule).
    level = attempt.visible_review_level()
    items = attempt.questions.order_by("position") if level > 0 else []
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "questions": [question_view(item, level) for item in items],
            "review_level": level,
            "answers_withheld": level < attempt.review_level,
        },
    )
