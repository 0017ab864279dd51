"""Turn posted form data into responses, checked against what the attempt showed.

Field names (the same for plain form posts and for the autosave script):
- ``shown``: one value per attempt-question on the posted page; only those are updated
  (a question on the page with nothing ticked is saved as unanswered);
- ``q<aq>``: the choice id (single, true/false), choice ids (multiple), text (short) or a
  number as Vietnamese people write it (numerical: ``3,5`` or ``3.5``, see quizzes/numbers.py);
- ``q<aq>_<prompt id>``: the option id chosen for a matching prompt;
- ``q<aq>_<item id>``: the position (1..n) chosen for an ordering item.

Each question on the page also carries ``k<aq>``: the server-signed shape of what it showed
(the ids a valid answer may use). The autosave checks answers against it, so the hot path needs
no database read; a missing or tampered token only means the snapshot is read from the database.

Anything that does not belong to the attempt's snapshot (an unknown question, a choice of another
question, a position out of range) raises InvalidResponse: the whole post is refused.
"""

from types import SimpleNamespace

from django.core import signing
from django.utils.translation import gettext as _

from .numbers import NumberError, parse_number, plain

MAX_SHORT_ANSWER = 500


class InvalidResponse(Exception):
    pass


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise InvalidResponse(_("Dữ liệu gửi lên không hợp lệ.")) from exc


def shown_ids(data):
    ids = [_int(v) for v in data.getlist("shown")]
    if not ids:
        raise InvalidResponse(_("Không có câu hỏi nào được gửi lên."))
    return list(dict.fromkeys(ids))


def parse_one(item, data):
    """The response to one attempt question from form data (None = unanswered)."""
    snap = item.snapshot
    qtype = snap.get("type")
    name = f"q{item.pk}"
    if qtype in ("single", "truefalse"):
        raw = data.get(name)
        if raw in (None, ""):
            return None
        choice = _int(raw)
        if choice not in {c["id"] for c in snap["choices"]}:
            raise InvalidResponse(_("Lựa chọn không thuộc câu hỏi này."))
        return {"choice": choice}
    if qtype == "multiple":
        values = [v for v in data.getlist(name) if v != ""]
        chosen = sorted({_int(v) for v in values})
        if not chosen:
            return None
        if not set(chosen) <= {c["id"] for c in snap["choices"]}:
            raise InvalidResponse(_("Lựa chọn không thuộc câu hỏi này."))
        return {"choices": chosen}
    if qtype == "short":
        text = " ".join((data.get(name) or "").split())
        if len(text) > MAX_SHORT_ANSWER:
            raise InvalidResponse(_("Câu trả lời quá dài (tối đa 500 ký tự)."))
        return {"text": text} if text else None
    if qtype == "matching":
        options = {o["id"] for o in snap["options"]}
        pairs = {}
        for prompt in snap["prompts"]:
            raw = data.get(f"{name}_{prompt['id']}")
            if raw in (None, ""):
                continue
            option = _int(raw)
            if option not in options:
                raise InvalidResponse(_("Lựa chọn không thuộc câu hỏi này."))
            pairs[str(prompt["id"])] = option
        return {"pairs": pairs} if pairs else None
    if qtype == "ordering":
        count = len(snap["items"])
        positions = {}
        for entry in snap["items"]:
            raw = data.get(f"{name}_{entry['id']}")
            if raw in (None, ""):
                continue
            position = _int(raw)
            if not 1 <= position <= count:
                raise InvalidResponse(_("Vị trí không hợp lệ."))
            positions[str(entry["id"])] = position
        return {"positions": positions} if positions else None
    if qtype == "numerical":
        text = " ".join((data.get(name) or "").split())
        if not text:
            return None
        try:
            value = parse_number(text)
        except NumberError as problem:
            raise InvalidResponse(str(problem)) from None
        return {"value": plain(value), "text": text}
    raise InvalidResponse(_("Loại câu hỏi không được hỗ trợ."))


def parse_items(items, ids, data):
    """{id: response} for the posted ids, given {id: AttemptQuestion} of this attempt."""
    if len(items) != len(ids):
        raise InvalidResponse(_("Câu hỏi không thuộc lần làm bài này."))
    return {pk: parse_one(items[pk], data) for pk in ids}


def parse_page(attempt, data):
    """{attempt_question_id: response} for every question the post says was shown."""
    ids = shown_ids(data)
    # Not attempt.questions: the related manager would reload attempt_id for every row.
    from .models import AttemptQuestion

    items = {
        item.pk: item
        for item in AttemptQuestion.objects.filter(attempt_id=attempt.pk, pk__in=ids).only(
            "id", "snapshot"
        )
    }
    return parse_items(items, ids, data)


def shape_of(snapshot):
    """The part of a snapshot that decides which answers are valid (ids only, no texts/keys)."""
    shape = {"type": snapshot.get("type")}
    for key in ("choices", "prompts", "options", "items"):
        if key in snapshot:
            shape[key] = [{"id": entry["id"]} for entry in snapshot[key]]
    return shape


def _salt(attempt_id, item_id):
    return f"quizzes.shape.{attempt_id}.{item_id}"


def sign_shape(attempt_id, item_id, snapshot):
    return signing.dumps(shape_of(snapshot), salt=_salt(attempt_id, item_id), compress=True)


def signed_items(attempt_id, ids, data):
    """{id: item-like with .pk and .snapshot (the shape)} from the posted tokens, or None if any
    token is missing or does not verify (the caller then reads the snapshots)."""
    items = {}
    for pk in ids:
        token = data.get(f"k{pk}")
        if not token:
            return None
        try:
            shape = signing.loads(token, salt=_salt(attempt_id, pk))
        except signing.BadSignature:
            return None
        items[pk] = SimpleNamespace(pk=pk, snapshot=shape)
    return items
