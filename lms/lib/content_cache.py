"""The content cache: what is the same for every visitor (sites, course outlines, lesson bodies,
page quizzes, view-restricted paths, course audiences), kept between requests.

Versions, replaced after commit. Every entry's key carries its group's version, a random token
stored in the shared cache: "content" (saving, publishing, unpublishing, moving or deleting a
page, changing a view restriction or a quiz replaces it) and "sites" (a site, or where a
catalogue lives). `replace_version`, a signal receiver, replaces it once the saving transaction
has committed: a request running meanwhile can only store what it
read under the old version, which nobody asks for again. A transaction that rolls back replaces
nothing.

Read once per request. `request_scope()` (opened by lms.middleware.CachedSiteMiddleware for every
request) reads both versions in one round trip and remembers them for the rest of the request. Entries under a version never change,
so with a shared cache on another machine (Redis) each process also keeps the entries it read in
its own memory: a warm page costs one round trip to Redis, for the version.

Shapes. Keys also carry a hash of the concrete field names of the models whose rows are cached
(`SHAPE`): after a deploy that adds, removes or renames a field, no entry written by the old code
is ever read. Rows are stored by field name (`row_values` / `instance_from_row`), never by
position, so even a row that somehow reached new code fills the right attributes (a field it
lacks is loaded from the database if read).

Several processes must share the cache (production refuses to start without `REDIS_URL` unless
`LMS_SINGLE_PROCESS` is set): a per-process cache would keep serving the old version in the other
processes until its entries expire.
"""

import contextlib
import contextvars
import hashlib
import secrets
from functools import cache as memoise

from django.conf import settings
from django.core.cache import cache as shared
from django.core.cache.backends.locmem import LocMemCache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import DEFERRED
from django.utils import translation

# Two groups, each with its own version: pages, restrictions and quizzes ("content"); sites and
# catalogue locations ("sites": what routing needs before any page, and changes far more rarely).
CONTENT = "content"
SITES = "sites"
VERSION_KEYS = {CONTENT: "lms:content-version", SITES: "lms:sites-version"}
TIMEOUT = 300  # seconds an entry is kept; freshness comes from the version, not from this
LOCAL_BACKEND = "django.core.cache.backends.locmem.LocMemCache"
_MISSING = "lms:content-cache:missing"

_scope = contextvars.ContextVar("lms_content_cache_scope", default=None)


# --- Shapes ------------------------------------------------------------------------------------


def field_names(model):
    """The model's concrete fields (attnames), in order: what a cached row of it holds."""
    return tuple(field.attname for field in model._meta.concrete_fields)


def cached_models():
    """The models whose rows (or pickled instances) the content cache holds."""
    from wagtail.models import Page, PageViewRestriction, Site

    from courses.models import CoursePage, ModulePage
    from quizzes.models import Quiz

    return (Page, CoursePage, ModulePage, Quiz, Site, PageViewRestriction)


@memoise
def shape():
    """A short hash of every cached model's field names: part of every key."""
    text = "\x1e".join(
        f"{model._meta.label}:{','.join(field_names(model))}" for model in cached_models()
    )
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def row_values(instance, exclude=()):
    """A model instance as {attname: value} (deferred fields left out)."""
    loaded = instance.__dict__
    return {
        name: loaded[name]
        for name in field_names(type(instance))
        if name in loaded and name not in exclude
    }


def instance_from_row(model, row):
    """A fresh instance of `model` from `row_values()`'s dict, by field name: a field the row
    lacks is deferred (read from the database if used), a name the model lacks is ignored."""
    names = field_names(model)
    values = [row.get(name, DEFERRED) for name in names]
    return model.from_db(DEFAULT_DB_ALIAS, names, values)


# --- Version -----------------------------------------------------------------------------------


@contextlib.contextmanager
def request_scope():
    """Within it, the content version is read from the shared cache at most once."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def versions():
    """{group: version} for every group, in one read of the shared cache (once per request)."""
    scope = _scope.get()
    if scope:
        return scope
    found = shared.get_many(VERSION_KEYS.values())
    for group_key in VERSION_KEYS.values():
        if group_key not in found:  # first use, or the cache was emptied
            shared.add(group_key, secrets.token_hex(8), None)
            found[group_key] = shared.get(group_key)
    current = {group: found[group_key] for group, group_key in VERSION_KEYS.items()}
    if scope is not None:
        scope.update(current)
    return current


def _replace_now(group):
    shared.set(VERSION_KEYS[group], secrets.token_hex(8), None)
    scope = _scope.get()
    if scope is not None:
        scope.clear()


def after_commit(func):
    """Run `func` once the current transaction commits (at once outside a transaction).

    A test case's wrapping transaction (pytest-django, Django's TestCase) never commits; when
    it is the only transaction open, `func` runs at once, as it would in autocommit."""
    connection = transaction.get_connection()
    blocks = connection.atomic_blocks
    if blocks and all(getattr(block, "_from_testcase", False) for block in blocks):
        func()
    else:
        transaction.on_commit(func, robust=True)


def replace_version(group=CONTENT, **kwargs):
    """Signal receiver: every cached entry of `group` is stale once the saving transaction
    commits."""
    after_commit(lambda: _replace_now(group))


# --- Entries -----------------------------------------------------------------------------------


def _local_tier():
    """A per-process copy of entries read from a cache on another machine (None when the
    shared cache is already in this process's memory)."""
    if settings.CACHES["default"]["BACKEND"] == LOCAL_BACKEND:
        return None
    return _LOCAL


_LOCAL = LocMemCache(
    "lms-content-cache-local", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 1000}}
)


def key(kind, parts, group=CONTENT):
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()
    return f"lms:{group}:{shape()}:{versions()[group]}:{kind}:{digest}"


def cached(kind, parts, build, group=CONTENT):
    """The entry `kind` + `parts` under the current version of `group` and the current shape,
    built on a miss.

    `build()` may return None; that is cached too. Values are pickled (each read gets its own
    copy); store model rows with `row_values`, not instances, when their shape matters."""
    entry_key = key(kind, parts, group)
    local = _local_tier()
    value = local.get(entry_key, _MISSING) if local is not None else _MISSING
    if value == _MISSING:
        value = shared.get(entry_key, _MISSING)
        if value == _MISSING:
            value = build()
            shared.set(entry_key, value, TIMEOUT)
        if local is not None:
            local.set(entry_key, value, TIMEOUT)
    return value


def body_cache_parts(page):
    """The cache key parts of a module's rendered body: page, language."""
    return (page.pk, translation.get_language())
