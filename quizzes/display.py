"""Shape attempt questions for the templates: what to show, what is ticked, and, after
submitting, what the review policy lets the learner see. Templates only print these dicts.

Every identifier a page carries for a choice, prompt, option or item is the attempt's opaque
token (responses.token_of), never the bank id the response stores; the review level comes from
Attempt.visible_review_level, which withholds right answers as the quiz's policy says."""

from . import grading, qtypes
from .models import REVIEW_LEVEL
from .responses import sign_shape


def question_view(item, review_level=None):
    """One attempt question as a dict for quizzes/includes/question.html.

    review_level None = taking the attempt; 0..3 = the review policy after submitting.
    """
    snap = item.snapshot
    response = item.response or {}
    qtype = snap.get("type")
    name = f"q{item.pk}"
    view = {
        "id": item.pk,
        "position": item.position,
        "type": qtype,
        "name": name,
        "stem": snap.get("stem", ""),
        "answered": item.response is not None,
        "flagged": getattr(item, "flagged", False),
        "review": review_level is not None,
        "token": sign_shape(item.attempt_id, item.pk, snap) if review_level is None else "",
    }
    show_right = review_level is not None and review_level >= REVIEW_LEVEL["answers"]
    show_feedback = review_level is not None and review_level >= REVIEW_LEVEL["feedback"]
    key = grading.correct_response(snap) if show_right else {}

    module = qtypes.REGISTRY.get(qtype)
    if module is not None:  # what the type shows: its module (quizzes/qtypes/<type>.py)
        module.display(item, snap, response, view, show_right, show_feedback, key)
    if review_level is not None:
        score = item.score if item.score is not None else grading.grade(snap, item.response)
        view["score"] = score
        view["show_correctness"] = review_level >= REVIEW_LEVEL["correctness"]
        view["is_correct"] = score >= 1
        view["is_partial"] = 0 < score < 1
        view["explanation"] = snap.get("explanation", "") if show_feedback else ""
    return view


def page_bounds(total, per_page, page):
    """(first position, last position, page, page count) for 1-based positions."""
    if not per_page:
        return 1, total, 1, 1
    pages = max((total + per_page - 1) // per_page, 1)
    page = min(max(page, 1), pages)
    first = (page - 1) * per_page + 1
    return first, min(first + per_page - 1, total), page, pages
