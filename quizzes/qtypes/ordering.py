"""Ordering («Sắp xếp thứ tự»): items in their right order, at least two, none blank."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import proportion

NAME = "ordering"
LABEL = gettext_lazy("Sắp xếp thứ tự")
PARTS = "order_items"  # the Question relation holding its parts (the admin form's section)
HAS_GRADING_MODE = True


def validate(q):
    errors = []
    if len(q.items) < 2:
        errors.append(_("Cần ít nhất hai mục để sắp xếp."))
    if any(not (i or "").strip() for i in q.items):
        errors.append(_("có mục sắp xếp để trống."))
    return errors


def shown_order(items, rng):
    """`items` (in the right order) in a random order that is never the right one (≥ 2 items).

    A uniform shuffle; if it happens to give back the right order, the list is rotated by a
    random non-zero step instead: a rotation of distinct items by 0 < k < n always moves every
    item, so the displayed order can never be the right one, whatever the shuffle produced."""
    shown = items[:]
    rng.shuffle(shown)
    if len(shown) >= 2 and [i["id"] for i in shown] == [i["id"] for i in items]:
        step = rng.randrange(1, len(shown))
        shown = shown[step:] + shown[:step]
    return shown


def snapshot(question, data, rng, shuffle_choices, tokens):
    items = [
        {"id": item.pk, "token": tokens.new(), "text": item.text, "position": index + 1}
        for index, item in enumerate(question.order_items.all())
    ]
    data["items"] = shown_order(items, rng)


def grade(snapshot, response):
    """The share of items at their right (absolute) position (or all-or-nothing)."""
    chosen = response.get("positions") or {}
    items = snapshot["items"]
    right = sum(1 for item in items if chosen.get(str(item["id"])) == item["position"])
    return proportion(right, len(items), snapshot.get("grading_mode"))


def correct_response(snapshot):
    return {"positions": {str(i["id"]): i["position"] for i in snapshot["items"]}}


# -- formats (quizzes/bank_io.py)


def from_parsed(question, parsed, fmt):
    from ..html import strip_tags
    from ..models import OrderItem

    OrderItem.objects.bulk_create(
        OrderItem(question=question, text=strip_tags(text)[:500], sort_order=i)
        for i, text in enumerate(parsed.items)
    )


def to_parsed(question, parsed):
    import html

    parsed.items = [html.escape(i.text) for i in question.order_items.all()]


# -- the learner's page (quizzes/responses.py, quizzes/display.py)


def parse_response(snap, name, data):
    from ..responses import InvalidResponse, as_int, token_of

    count = len(snap["items"])
    positions = {}
    for entry in snap["items"]:
        raw = data.get(f"{name}_{token_of(entry)}")
        if raw in (None, ""):
            continue
        position = as_int(raw)
        if not 1 <= position <= count:
            raise InvalidResponse(_("Vị trí không hợp lệ."))
        positions[str(entry["id"])] = position
    return {"positions": positions} if positions else None


def display(item, snap, response, view, show_right, show_feedback, key):
    from ..responses import token_of

    name = view["name"]
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
