"""Shape attempt questions for the templates: what to show, what is ticked, and, after
submitting, what the review policy lets the learner see. Templates only print these dicts.

Every identifier a page carries for a choice, prompt, option or item is the attempt's opaque
token (responses.token_of), never the bank id the response stores; the review level comes from
Attempt.visible_review_level, which withholds right answers as the quiz's policy says."""

from decimal import Decimal

from django.utils.translation import gettext as _

from . import grading
from .models import REVIEW_LEVEL
from .numbers import vietnamese
from .responses import sign_shape, token_of


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
        "review": review_level is not None,
        "token": sign_shape(item.attempt_id, item.pk, snap) if review_level is None else "",
    }
    show_right = review_level is not None and review_level >= REVIEW_LEVEL["answers"]
    show_feedback = review_level is not None and review_level >= REVIEW_LEVEL["feedback"]
    key = grading.correct_response(snap) if show_right else {}

    if qtype in ("single", "truefalse", "multiple"):
        chosen = set(response.get("choices") or [])
        if "choice" in response:
            chosen.add(response["choice"])
        choices = []
        for choice in snap.get("choices", []):
            text = choice["text"]
            if qtype == "truefalse":
                text = {"true": _("Đúng"), "false": _("Sai")}.get(text, text)
            is_right = Decimal(choice["fraction"]) > 0
            choices.append(
                {
                    "id": token_of(choice),
                    "text": text,
                    "checked": choice["id"] in chosen,
                    "is_right": show_right and is_right,
                    "feedback": choice.get("feedback")
                    if show_feedback and choice["id"] in chosen
                    else "",
                }
            )
        view["choices"] = choices
        view["input_type"] = "checkbox" if qtype == "multiple" else "radio"
    elif qtype == "short":
        view["text"] = response.get("text", "")
        if show_right:
            view["right_answer"] = key.get("text", "")
    elif qtype == "numerical":
        view["text"] = response.get("text", "")
        if show_right and key:
            right = vietnamese(key["value"])
            if Decimal(key["tolerance"]) != 0:
                right += " ± " + vietnamese(key["tolerance"])
            view["right_answer"] = right
        if show_feedback and item.response:
            matched = grading.matching_number(snap, item.response)
            view["feedback"] = matched.get("feedback", "") if matched else ""
    elif qtype == "matching":
        chosen = response.get("pairs") or {}
        options = snap.get("options", [])
        option_text = {o["id"]: o["text"] for o in options}
        option_token = {o["id"]: token_of(o) for o in options}
        view["options"] = [{"id": token_of(o), "text": o["text"]} for o in options]
        view["prompts"] = [
            {
                "id": token_of(p),
                "field": f"{name}_{token_of(p)}",
                "text": p["text"],
                "selected": option_token.get(chosen.get(str(p["id"]))),
                "right_answer": option_text.get(p["answer"]) if show_right else "",
            }
            for p in snap.get("prompts", [])
        ]
    elif qtype == "ordering":
        chosen = response.get("positions") or {}
        count = len(snap.get("items", []))
        view["positions"] = list(range(1, count + 1))
        view["items"] = [
            {
                "id": token_of(i),
                "field": f"{name}_{token_of(i)}",
                "text": i["text"],
                "selected": chosen.get(str(i["id"])),
                "right_position": i["position"] if show_right else None,
            }
            for i in snap.get("items", [])
        ]
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
