"""Versioned cache keys: a group of cached entries is dropped at once by replacing its version.

Entries are stored under keys that include the group's current version; replacing the version
(on a signal) makes every old entry unreachable, and they expire on their own."""

import secrets

from django.core.cache import cache


def current(version_key):
    """The group's version, created on first use (the cache may have been emptied)."""
    version = cache.get(version_key)
    if version is None:
        cache.add(version_key, secrets.token_hex(6), None)
        version = cache.get(version_key)
    return version


def replace(version_key):
    cache.set(version_key, secrets.token_hex(6), None)
