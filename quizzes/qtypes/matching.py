"""Matching («Ghép đôi»): (prompt, answer) pairs; a pair without a prompt is a distractor
answer, as in Moodle. At least two real pairs, every pair with an answer."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import proportion

NAME = "matching"
LABEL = gettext_lazy("Ghép đôi")
PARTS = "pairs"  # the Question relation holding its parts (the admin form's section)
HAS_GRADING_MODE = True


def validate(q):
    errors = []
    if len([p for p in q.pairs if (p[0] or "").strip()]) < 2:
        errors.append(_("Cần ít nhất hai cặp ghép đôi."))
    if any(not (p[1] or "").strip() for p in q.pairs):
        errors.append(_("có cặp ghép thiếu vế phải."))
    return errors


def snapshot(question, data, rng, shuffle_choices, tokens):
    pairs = list(question.pairs.all())
    answers = list(dict.fromkeys(p.answer for p in pairs))
    # Always shuffled, like ordering items: in the authoring order the options would line up
    # with the prompts, and reading down the two columns would be the answer.
    rng.shuffle(answers)
    options = [{"id": i + 1, "token": tokens.new(), "text": text} for i, text in enumerate(answers)]
    option_id = {o["text"]: o["id"] for o in options}
    prompts = [
        {"id": p.pk, "token": tokens.new(), "text": p.prompt, "answer": option_id[p.answer]}
        for p in pairs
        if p.prompt
    ]
    if shuffle_choices:
        rng.shuffle(prompts)
    data["prompts"] = prompts
    data["options"] = options


def grade(snapshot, response):
    """The share of prompts matched to the right option (or all-or-nothing)."""
    chosen = response.get("pairs") or {}
    prompts = snapshot["prompts"]
    right = sum(1 for p in prompts if chosen.get(str(p["id"])) == p["answer"])
    return proportion(right, len(prompts), snapshot.get("grading_mode"))


def correct_response(snapshot):
    return {"pairs": {str(p["id"]): p["answer"] for p in snapshot["prompts"]}}


# -- formats (quizzes/bank_io.py)


def from_parsed(question, parsed, fmt):
    from ..html import strip_tags
    from ..models import MatchPair

    MatchPair.objects.bulk_create(
        MatchPair(
            question=question,
            prompt=strip_tags(left)[:500],
            answer=strip_tags(right)[:500],
            sort_order=i,
        )
        for i, (left, right) in enumerate(parsed.pairs)
    )


def to_parsed(question, parsed):
    import html

    parsed.pairs = [(html.escape(p.prompt), html.escape(p.answer)) for p in question.pairs.all()]


# -- the learner's page (quizzes/responses.py, quizzes/display.py)


def parse_response(snap, name, data):
    from ..responses import id_for, lookup, token_of

    options = lookup(snap["options"])
    pairs = {}
    for prompt in snap["prompts"]:
        raw = data.get(f"{name}_{token_of(prompt)}")
        if raw in (None, ""):
            continue
        pairs[str(prompt["id"])] = id_for(options, raw)
    return {"pairs": pairs} if pairs else None


def display(item, snap, response, view, show_right, show_feedback, key):
    from ..responses import token_of

    name = view["name"]
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
