"""Turn posted form data into responses, checked against what the attempt showed.

Field names (the same for plain form posts and for the autosave script):
- ``shown``: one value per attempt-question on the posted page; only those are updated
  (a question on the page with nothing ticked is saved as unanswered);
- ``q<aq>``: the choice token (single, true/false), choice tokens (multiple), text (short) or a
  number as Vietnamese people write it (numerical: ``3,5`` or ``3.5``, see quizzes/numbers.py);
- ``q<aq>_<prompt token>``: the option token chosen for a matching prompt;
- ``q<aq>_<item token>``: the position (1..n) chosen for an ordering item;
- ``f<aq>``: "1" when the learner marked the question for review (absent = not marked).

Tokens are the attempt's opaque identifiers (models.AttemptTokens, in the snapshot beside each
entry's bank id): random, so sorting names or values tells nothing. Parsing maps them back to the
bank ids, which are what responses store and grading, review and item analysis read. A snapshot
from before tokens (an attempt started earlier) uses its ids as tokens.

Each question on the page also carries ``k<aq>``: the server's sealed shape of what it showed
(token → id for each entry a valid answer may use), signed and encrypted, since the ids it maps
to would give the answer order away. The autosave checks answers against it, so the hot path
needs no database read; a missing or tampered token only means the snapshot is read from the
database.

Anything that does not belong to the attempt's snapshot (an unknown question, an unknown token,
a position out of range) raises InvalidResponse: the whole post is refused.
"""

import base64
import json
import secrets
import zlib
from types import SimpleNamespace

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from . import qtypes


class InvalidResponse(Exception):
    pass


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise InvalidResponse(_("Dữ liệu gửi lên không hợp lệ.")) from exc


def shown_ids(data):
    ids = [as_int(v) for v in data.getlist("shown")]
    if not ids:
        raise InvalidResponse(_("Không có câu hỏi nào được gửi lên."))
    return list(dict.fromkeys(ids))


def parse_flags(ids, data):
    """{id: bool}: the "đánh dấu xem lại" checkbox (``f<aq>``) of each posted question."""
    return {pk: data.get(f"f{pk}") == "1" for pk in ids}


def token_of(entry):
    """The identifier the learner's page uses for a snapshot entry."""
    return entry.get("token") or str(entry["id"])


def lookup(entries):
    return {token_of(entry): entry["id"] for entry in entries}


def id_for(tokens, raw):
    """The bank id of a posted token, or InvalidResponse if the question did not show it."""
    try:
        return tokens[str(raw)]
    except KeyError:
        raise InvalidResponse(_("Lựa chọn không thuộc câu hỏi này.")) from None


def parse_one(item, data):
    """The response to one attempt question from form data (None = unanswered)."""
    snap = item.snapshot
    qtype = snap.get("type")
    name = f"q{item.pk}"
    module = qtypes.REGISTRY.get(qtype)
    if module is None:
        raise InvalidResponse(_("Loại câu hỏi không được hỗ trợ."))
    return module.parse_response(snap, name, data)


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
    """The part of a snapshot that decides which answers are valid: each entry's token and bank
    id, in the order shown (no texts, no answer key)."""
    shape = {"type": snapshot.get("type")}
    for key in ("choices", "prompts", "options", "items"):
        if key in snapshot:
            shape[key] = [{"id": entry["id"], "token": token_of(entry)} for entry in snapshot[key]]
    return shape


def _salt(attempt_id, item_id):
    return f"quizzes.shape.{attempt_id}.{item_id}"


def _cipher():
    """AES-256-GCM keyed from SECRET_KEY (the learner must not read the bank ids of a shape,
    whose order is the answer order); the attempt question's salt is the associated data."""
    return AESGCM(salted_hmac("quizzes.shape.cipher", "aes-gcm", algorithm="sha256").digest())


def sign_shape(attempt_id, item_id, snapshot):
    """The shape sealed for the page: encrypted and authenticated with AES-GCM, then signed
    (Django's signing, salted per attempt question)."""
    salt = _salt(attempt_id, item_id)
    plain_bytes = zlib.compress(json.dumps(shape_of(snapshot), separators=(",", ":")).encode())
    nonce = secrets.token_bytes(12)
    sealed = nonce + _cipher().encrypt(nonce, plain_bytes, salt.encode())
    return signing.Signer(salt=salt).sign(base64.urlsafe_b64encode(sealed).decode())


def open_shape(attempt_id, item_id, token):
    """The shape a `sign_shape` token carries, or None if it does not verify."""
    salt = _salt(attempt_id, item_id)
    try:
        sealed = base64.urlsafe_b64decode(signing.Signer(salt=salt).unsign(token))
        plain_bytes = _cipher().decrypt(sealed[:12], sealed[12:], salt.encode())
        shape = json.loads(zlib.decompress(plain_bytes))
    except (signing.BadSignature, InvalidTag, zlib.error, ValueError):
        return None
    return shape if isinstance(shape, dict) else None


def signed_items(attempt_id, ids, data):
    """{id: item-like with .pk and .snapshot (the shape)} from the posted tokens, or None if any
    token is missing or does not verify (the caller then reads the snapshots)."""
    items = {}
    for pk in ids:
        token = data.get(f"k{pk}")
        if not token:
            return None
        shape = open_shape(attempt_id, pk, token)
        if shape is None:
            return None
        items[pk] = SimpleNamespace(pk=pk, snapshot=shape)
    return items
