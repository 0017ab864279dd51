"""The autosave capability: a signed token that lets quiz.js save answers without a session.

An autosave is the hot path of a test rush, and `login_required` costs it two reads per request
(the session, then the user). When the attempt page is rendered for its owner, it carries a token
signed with its own salt that binds:

- the attempt id and the owner's user id;
- an expiry: the attempt's deadline plus the grace period (or `MAX_AGE` for an untimed test);
- a keyed hash of the session key the page was rendered for.

`token_user_id` accepts the token only for the same attempt, before its expiry, and when the
request's session cookie hashes to the bound value; the save view then stores with the guarded
UPDATE (models.store_response), which refuses anything that is not that user's attempt, not in
progress or past its deadline. Anything else (no token, a bad signature, another attempt, another
session, expired) returns None and the view takes the full path (session + user), so a token can
never do more than the session it was issued to.

Limit (by design, the price of not reading the session): a token stays usable with the session
cookie it was bound to until its expiry even if that session is ended on the server (logout on
another device, password change). A browser that logs out drops the cookie, so the token alone
saves nothing; someone holding both a copied cookie and the page's token could still write that
learner's answers to that one attempt until its deadline.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

FIELD = "save_token"
SALT = "quizzes.autosave.capability"
MAX_AGE = 8 * 60 * 60  # seconds; an untimed attempt's token then falls back to the session


def _session_digest(session_key):
    return salted_hmac(f"{SALT}.session", session_key).hexdigest()


def issue(attempt, session_key):
    """The token for `attempt`'s owner on the session `session_key` ("" without a session)."""
    if not session_key:
        return ""
    expires = attempt.closes_at
    payload = {
        "a": attempt.pk,
        "u": attempt.user_id,
        "e": int(expires.timestamp()) + 1 if expires else None,
        "s": _session_digest(session_key),
    }
    return signing.dumps(payload, salt=SALT)


def token_user_id(request, attempt_id, now=None):
    """The user id the request's token vouches for on `attempt_id`, or None (use the session).

    Reads only the POST data and the cookies: never request.session nor request.user."""
    token = request.POST.get(FIELD)
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not token or not session_key:
        return None
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(payload, dict) or payload.get("a") != attempt_id:
        return None
    expires = payload.get("e")
    if expires is not None:
        now = now or timezone.now()
        if now > datetime.fromtimestamp(expires, tz=UTC):
            return None
    if not constant_time_compare(payload.get("s", ""), _session_digest(session_key)):
        return None
    user_id = payload.get("u")
    return user_id if isinstance(user_id, int) else None
