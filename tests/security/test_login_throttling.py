"""Attack: a forged X-Forwarded-For header must not steer login throttling.

Reproduced before the fix: behind one reverse proxy every request resolved to the proxy's
address, so five failures by anyone (with any forged header) locked the real user out.
The client address now comes only from the configured number of trusted proxies
(`AXES_PROXY_COUNT` in the environment, `LMS_TRUSTED_PROXY_COUNT` in settings).
"""

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory, override_settings

from lms.lib.client_ip import client_ip

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"
PROXY = "10.0.0.1"  # the reverse proxy: REMOTE_ADDR of every request behind it
ATTACKER = "203.0.113.5"
VICTIM = "198.51.100.7"
FORGED = ["198.51.100.7", "127.0.0.1", "8.8.8.8", "198.51.100.7, 10.9.9.9", "unknown"]


def _post(client, username, password, **meta):
    return client.post(LOGIN, {"username": username, "password": password}, **meta)


def _assert_victim_untouched(learner, last_login_before):
    learner.refresh_from_db()
    assert learner.is_active
    assert learner.last_login != last_login_before  # the victim did log in


@override_settings(LMS_TRUSTED_PROXY_COUNT=0)
def test_without_proxy_forwarded_for_is_ignored(learner, password):
    attacker = Client()
    for forged in FORGED:
        response = _post(
            attacker, learner.username, "sai", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=forged
        )
        assert response.status_code in (200, 429)  # the fifth failure locks
    # Only the attacker's real address was recorded, whatever the header claimed.
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # The username is locked on the attacker's address, even with the right password...
    locked = _post(attacker, learner.username, password, REMOTE_ADDR=ATTACKER)
    assert locked.status_code == 429
    # ...and the real user, from their own address, is not.
    before = learner.last_login
    victim = Client()
    response = _post(victim, learner.username, password, REMOTE_ADDR=VICTIM)
    assert response.status_code == 302
    assert victim.session["_auth_user_id"] == str(learner.pk)
    _assert_victim_untouched(learner, before)


@override_settings(LMS_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_only_the_proxy_appended_address_counts(learner, password):
    attacker = Client()
    for forged in FORGED:
        # The proxy appends the address it saw to whatever the client sent.
        response = _post(
            attacker,
            learner.username,
            "sai",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"{forged}, {ATTACKER}",
        )
        assert response.status_code in (200, 429)  # the fifth failure locks
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    locked = _post(
        attacker, learner.username, password, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER
    )
    assert locked.status_code == 429
    # The real user comes through the same proxy from another address: not locked.
    before = learner.last_login
    victim = Client()
    response = _post(
        victim, learner.username, password, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VICTIM
    )
    assert response.status_code == 302
    assert victim.session["_auth_user_id"] == str(learner.pk)
    _assert_victim_untouched(learner, before)
    assert not AccessAttempt.objects.filter(ip_address__in=[PROXY, VICTIM]).exists()


def _resolve(remote_addr, forwarded_for=None):
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client_ip(RequestFactory().post(LOGIN, **meta))


@pytest.mark.parametrize(
    ("count", "remote_addr", "forwarded_for", "expected"),
    [
        # No proxy: the header is the client's own words, never read.
        (0, ATTACKER, VICTIM, ATTACKER),
        (0, ATTACKER, None, ATTACKER),
        # One proxy: the right-most entry is the one it appended.
        (1, PROXY, ATTACKER, ATTACKER),
        (1, PROXY, f"{VICTIM}, {ATTACKER}", ATTACKER),
        (1, PROXY, f"garbage, {VICTIM}, {ATTACKER}", ATTACKER),
        (1, PROXY, "fe80::1, 2001:db8::5", "2001:db8::5"),
        # Private ward addresses are real addresses too.
        (1, PROXY, "10.20.30.40", "10.20.30.40"),
        # A request that did not come through the proxy: its peer address.
        (1, ATTACKER, None, ATTACKER),
        # Two proxies: the first appended the client, the second appended the first.
        (2, PROXY, f"{VICTIM}, {ATTACKER}, 10.0.0.2", ATTACKER),
        (2, PROXY, f"{ATTACKER}, 10.0.0.2", ATTACKER),
        (2, PROXY, "10.0.0.2", PROXY),
    ],
)
def test_client_address_comes_from_trusted_proxies_only(
    settings, count, remote_addr, forwarded_for, expected
):
    settings.LMS_TRUSTED_PROXY_COUNT = count
    assert _resolve(remote_addr, forwarded_for) == expected


def test_axes_uses_the_resolver(settings):
    assert settings.AXES_CLIENT_IP_CALLABLE == "lms.lib.client_ip.client_ip"
    assert settings.LMS_TRUSTED_PROXY_COUNT == 0  # the safe default: no header trusted
