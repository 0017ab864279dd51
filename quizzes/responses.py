"""Turn posted form data into responses, checked against what the attempt showed.

Field names (the same for plain form posts and for the autosave script):
- ``shown``: one value per attempt-question on the posted page; only those are updated
  (a question on the page with nothing ticked is saved as unanswered);
- ``q<aq>``: the choice id (single, true/false), choice ids (multiple) or text (short);
- ``q<aq>_<prompt id>``: the option id chosen for a matching prompt;
- ``q<aq>_<item id>``: the position (1..n) chosen for an ordering item.

Anything that does not belong to the attempt's snapshot (an unknown question, a choice of another
question, a position out of range) raises InvalidResponse: the whole post is refused.
"""

from django.utils.translation import gettext as _

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
    raise InvalidResponse(_("Loại câu hỏi không được hỗ trợ."))


def parse_page(attempt, data):
    """{attempt_question_id: response} for every question the post says was shown."""
    ids = shown_ids(data)
    items = {item.pk: item for item in attempt.questions.filter(pk__in=ids).only("id", "snapshot")}
    if len(items) != len(ids):
        raise InvalidResponse(_("Câu hỏi không thuộc lần làm bài này."))
    return {pk: parse_one(items[pk], data) for pk in ids}
