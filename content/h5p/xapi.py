"""Checking an xAPI statement posted by the H5P player. The browser's statement is only a
claim: we keep the verb, object definition and result after range checks, and put in our own
actor, id and timestamps. Statements are size-capped and rate-limited per learner and module,
and complete a module only on success or a score at the module's pass mark."""

import math
import time
import uuid

from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

ADL = "http://adlnet.gov/expapi/verbs/"
ALLOWED_VERBS = frozenset(
    ADL + verb
    for verb in (
        "answered",
        "completed",
        "passed",
        "failed",
        "attempted",
        "interacted",
        "experienced",
        "progressed",
        "scored",
    )
)
COMPLETING_VERBS = frozenset(ADL + verb for verb in ("answered", "completed", "passed"))
# The corpus's real packages (H5P.TrueFalse 1.6, H5P.DragText) post statements of 0.5–0.9 KB
# (attempted, answered; measured in Chromium). Long question texts or a drag-text with many
# blanks stay within a few KB; 16 KB leaves a wide margin and bounds what one statement stores.
MAX_BODY_BYTES = 16 * 1024
MAX_TEXT = 2000
# A learner working through one activity sends a few statements a minute (attempted,
# interacted per drop or click, answered, completed); 30 per minute per learner and module is
# several times that, and caps what a script can store at 30 × 16 KB a minute. Counted in the
# shared cache (Redis in production: one count across every app server).
RATE_LIMIT_PER_MINUTE = 30
RATE_WINDOW_SECONDS = 60


class StatementError(ValueError):
    """The statement is malformed; the message (Vietnamese) says why."""


def _number(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise StatementError(_('Trường "%(name)s" phải là một số.') % {"name": name})
    return float(value)


def _check_score(score):
    if not isinstance(score, dict):
        raise StatementError(_('Trường "result.score" phải là một đối tượng.'))
    clean = {}
    for key in ("raw", "min", "max", "scaled"):
        if key in score:
            clean[key] = _number(score[key], f"result.score.{key}")
    raw, low, high = clean.get("raw"), clean.get("min", 0.0), clean.get("max")
    if raw is not None and high is None:
        raise StatementError(_('Có "result.score.raw" thì phải có "result.score.max".'))
    if high is not None and high <= 0:
        raise StatementError(_('"result.score.max" phải lớn hơn 0.'))
    if low < 0 or (high is not None and low > high):
        raise StatementError(_('"result.score.min" phải từ 0 đến điểm tối đa.'))
    if raw is not None and not (low <= raw <= high):
        raise StatementError(_('"result.score.raw" phải nằm trong khoảng từ min đến max.'))
    if "scaled" in clean and not (0 <= clean["scaled"] <= 1):
        raise StatementError(_('"result.score.scaled" phải nằm trong khoảng 0 đến 1.'))
    return clean


def _check_result(result):
    if not isinstance(result, dict):
        raise StatementError(_('Trường "result" phải là một đối tượng.'))
    clean = {}
    if "score" in result:
        clean["score"] = _check_score(result["score"])
    for key in ("completion", "success"):
        if key in result:
            if not isinstance(result[key], bool):
                raise StatementError(
                    _('Trường "result.%(key)s" phải là true/false.') % {"key": key}
                )
            clean[key] = result[key]
    for key in ("response", "duration"):
        if key in result:
            if not isinstance(result[key], str) or len(result[key]) > MAX_TEXT:
                raise StatementError(_('Trường "result.%(key)s" không hợp lệ.') % {"key": key})
            clean[key] = result[key]
    return clean


def clean_statement(data, *, actor, object_id):
    """Returns the statement we store, or raises StatementError."""
    if not isinstance(data, dict):
        raise StatementError(_("Câu lệnh xAPI phải là một đối tượng JSON."))
    verb = data.get("verb")
    verb_id = verb.get("id") if isinstance(verb, dict) else None
    if verb_id not in ALLOWED_VERBS:
        raise StatementError(_("Động từ xAPI không được chấp nhận."))
    statement = {
        "id": str(uuid.uuid4()),
        "actor": actor,
        "verb": {"id": verb_id, "display": {"en-US": verb_id.rsplit("/", 1)[1]}},
        "object": {"objectType": "Activity", "id": object_id},
    }
    obj = data.get("object")
    if obj is not None and not isinstance(obj, dict):
        raise StatementError(_('Trường "object" phải là một đối tượng.'))
    definition = (obj or {}).get("definition")
    if isinstance(definition, dict):
        statement["object"]["definition"] = {
            key: definition[key]
            for key in ("name", "description", "type", "interactionType", "correctResponsesPattern")
            if key in definition
        }
    if "result" in data:
        statement["result"] = _check_result(data["result"])
    now = timezone.now().isoformat()
    statement["timestamp"] = now
    statement["stored"] = now
    return statement


def too_large_message():
    return _("Câu lệnh xAPI quá lớn (giới hạn %(kb)s KB); kết quả này không được ghi nhận.") % {
        "kb": MAX_BODY_BYTES // 1024
    }


def rate_limit_wait(user_id, module_id):
    """Count one statement for (learner, module) in the current minute. Returns 0 when it is
    within RATE_LIMIT_PER_MINUTE, else the seconds until the next window (for Retry-After).

    The counter is incremented atomically by the cache (locmem's lock, Redis INCR), so
    concurrent requests cannot all slip under the limit."""
    now = time.time()
    window = int(now // RATE_WINDOW_SECONDS)
    key = f"h5p:xapi-rate:{user_id}:{module_id}:{window}"
    cache.add(key, 0, RATE_WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, RATE_WINDOW_SECONDS * 2)
        count = 1
    if count <= RATE_LIMIT_PER_MINUTE:
        return 0
    return max(1, math.ceil((window + 1) * RATE_WINDOW_SECONDS - now))


def rate_limited_message():
    return _(
        "Quá nhiều kết quả H5P gửi trong một phút cho bài học này; kết quả này không được ghi "
        "nhận. Hãy chờ một phút rồi làm tiếp."
    )


def score_fraction(result):
    """The score as a fraction 0–1: `scaled` if given, else (raw − min) / (max − min)."""
    score = result.get("score") or {}
    if "scaled" in score:
        return score["scaled"]
    if "raw" in score and "max" in score:
        low, high = score.get("min", 0.0), score["max"]
        return (score["raw"] - low) / (high - low) if high > low else None
    return None


def counts_as_completion(statement, pass_percent):
    """An answered/completed/passed statement that reports success or a passing score.

    `success: false` never completes. With a score, the score decides: its fraction must reach
    `pass_percent` (the module's H5P pass mark). Without a score, `success: true` completes.
    `completion: true` alone says the learner finished, not that they succeeded: it does not."""
    if statement["verb"]["id"] not in COMPLETING_VERBS:
        return False
    result = statement.get("result") or {}
    if result.get("success") is False:
        return False
    fraction = score_fraction(result)
    if fraction is not None:
        return fraction * 100 + 1e-9 >= pass_percent
    return result.get("success") is True


# An attempt token is put in the module page next to the player when an enrolled learner opens
# it, and must come back with every statement: a statement can only follow a real visit to the
# content by the same user, for that module and package. Stateless (signed, timestamped).
ATTEMPT_SALT = "content.h5p.attempt"
ATTEMPT_MAX_AGE = 12 * 60 * 60  # seconds: a tab left open over a working day still reports


def make_attempt_token(user, module_id, package_id):
    return signing.dumps(
        [user.pk, int(module_id), int(package_id)], salt=ATTEMPT_SALT, compress=False
    )


def attempt_token_is_valid(token, user, module_id, package_id):
    if not token or len(token) > 500:
        return False
    try:
        value = signing.loads(token, salt=ATTEMPT_SALT, max_age=ATTEMPT_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return False
    return value == [user.pk, int(module_id), int(package_id)]
