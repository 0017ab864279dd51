"""Vietnamese for the H5P player: the player's own strings and the vetted libraries' interface
strings ("Check", "Retry", "You got @score of @total points"...), without touching a package's
pinned library files (content/h5p/vetted_libraries.json).

An H5P activity takes its interface strings from its content parameters (content.json): the
editor copies each library's English defaults there. The language files in `l10n/<lang>/` are
ours, in H5P's own language-file format (`{"semantics": [...]}`, one entry per field of the
library's semantics.json, in the same order; `default` is the string a learner sees), so they
could be offered to the libraries. When a frame fetches content/content.json, every text field
still holding the library's English default gets the Vietnamese one; whatever the author wrote
stays as written. A language file whose shape no longer matches the package's semantics.json
(another version of the library) is not applied at all, so a string never lands in the wrong
field.
"""

import json
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousOperation

from .storage import package_storage

L10N_DIR = Path(__file__).resolve().parent / "l10n"
CORE_FILE = "h5p-core.json"  # H5PIntegration.l10n (h5p-standalone's `translations` option)
CONTENT_JSON = "content/content.json"
TEXT_TYPES = frozenset({"text", "html"})
# "H5P.TrueFalse 1.6" as content.json names a library; anything else (a path) is ignored.
LIBRARY_NAME = re.compile(r"[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)* \d{1,4}\.\d{1,4}(\.\d{1,4})?")


def language():
    """The player's language: the site's default. The frame carries no session or cookie of
    the site, so it cannot follow a per-user choice."""
    return settings.LANGUAGE_CODE.split("-")[0].lower()


@lru_cache(maxsize=64)
def _read_l10n_file(lang, name):
    path = L10N_DIR / lang / name
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def core_strings(lang=None):
    """The player's own strings for h5p-standalone's `translations` option ({"H5P": {...}}),
    or None when there is no file for the language."""
    data = _read_l10n_file(lang or language(), CORE_FILE)
    return {"H5P": data} if data else None


def library_translation(machine_name, lang=None):
    """Our language file for one library (machine name such as "H5P.TrueFalse"), or None."""
    if not machine_name or "/" in machine_name or machine_name.startswith("."):
        return None
    data = _read_l10n_file(lang or language(), f"{machine_name}.json")
    return data.get("semantics") if isinstance(data, dict) else None


def same_shape(semantics, translation):
    """True when `translation` mirrors `semantics` field by field (same counts of fields,
    sub-fields and options at every level)."""
    if not isinstance(semantics, list) or not isinstance(translation, list):
        return False
    if len(semantics) != len(translation):
        return False
    for field, entry in zip(semantics, translation, strict=True):
        if not isinstance(field, dict) or not isinstance(entry, dict):
            return False
        if "fields" in field and not same_shape(field["fields"], entry.get("fields")):
            return False
        if "field" in field and not same_shape([field["field"]], [entry.get("field")]):
            return False
        if "options" in entry and len(entry["options"]) != len(field.get("options") or []):
            return False
    return True


def _plain(text):
    return " ".join(text.split()).casefold()


def _translated_text(field, entry, value):
    """The Vietnamese for a text field still holding the library's English default (compared
    without regard to case and spacing: "Show Solution" of an older editor counts)."""
    english = field.get("default")
    vietnamese = entry.get("default")
    if not isinstance(english, str) or not isinstance(vietnamese, str) or not vietnamese:
        return value
    if value is None or (isinstance(value, str) and _plain(value) == _plain(english)):
        return vietnamese
    return value


class _Translator:
    """Walks content parameters along a library's semantics and our language file."""

    def __init__(self, load_semantics, lang):
        self.load_semantics = load_semantics  # "H5P.Image 1.1" -> semantics list or None
        self.lang = lang

    def library(self, library_name, params):
        if not isinstance(params, dict) or not LIBRARY_NAME.fullmatch(library_name or ""):
            return params
        semantics = self.load_semantics(library_name)
        if semantics is None:
            return params
        translation = library_translation(library_name.split(" ", 1)[0], self.lang)
        if translation is not None and not same_shape(semantics, translation):
            translation = None  # written for another version: walk only into sub-content
        self.fields(semantics, translation, params)
        return params

    def fields(self, semantics, translation, values):
        for index, field in enumerate(semantics):
            name = field.get("name")
            if not name:
                continue
            entry = translation[index] if translation is not None else None
            kind = field.get("type")
            if name in values:
                values[name] = self.value(field, entry, values[name])
            elif entry and kind in TEXT_TYPES and isinstance(field.get("default"), str):
                # Missing: the library would fall back to its own English.
                values[name] = _translated_text(field, entry, None)
            elif entry and kind == "group" and field.get("common"):
                group = {}
                self.fields(field.get("fields") or [], entry.get("fields"), group)
                if group:
                    values[name] = group

    def value(self, field, entry, value):
        kind = field.get("type")
        if kind in TEXT_TYPES:
            return _translated_text(field, entry, value) if entry else value
        if kind == "group" and isinstance(field.get("fields"), list):
            sub_fields = field["fields"]
            sub_entries = entry.get("fields") if entry else None
            if len(sub_fields) == 1 and not isinstance(value, dict):
                # H5P stores a group of one field as that field's value.
                wrapper = {sub_fields[0].get("name"): value}
                self.fields(sub_fields, sub_entries, wrapper)
                return wrapper.get(sub_fields[0].get("name"), value)
            if isinstance(value, dict):
                self.fields(sub_fields, sub_entries, value)
            return value
        if kind == "list" and isinstance(field.get("field"), dict) and isinstance(value, list):
            item_field = field["field"]
            item_entry = (entry or {}).get("field") or {}
            return [self.value(item_field, item_entry, item) for item in value]
        if kind == "library" and isinstance(value, dict):
            name = value.get("library")
            if isinstance(name, str) and isinstance(value.get("params"), dict):
                value["params"] = self.library(name, value["params"])
            return value
        return value


def translate_params(params, library_name, load_semantics, lang=None):
    """`params` (content.json, parsed) with the interface strings of `library_name` ("H5P.X
    1.6") and its sub-content in `lang`. `load_semantics(library_name)` returns a library's
    semantics list or None. Changes `params` in place and returns it."""
    return _Translator(load_semantics, lang or language()).library(library_name, params)


def library_folder(library_name):
    """Archive folder of "H5P.TrueFalse 1.6" (or "1.6.1"): "H5P.TrueFalse-1.6"."""
    machine_name, _, version = library_name.partition(" ")
    major_minor = ".".join(version.split(".")[:2])
    return f"{machine_name}-{major_minor}"


@lru_cache(maxsize=128)
def _stored_semantics(storage_prefix, folder):
    name = f"{storage_prefix}/{folder}/semantics.json"
    try:
        with package_storage().open(name, "rb") as stream:
            data = json.loads(stream.read().decode("utf-8"))
    except (OSError, ValueError, SuspiciousOperation):
        return None
    return data if isinstance(data, list) else None


def _main_library_name(package):
    """ "H5P.TrueFalse 1.6" from h5p.json's mainLibrary and its preloaded dependency."""
    h5p = package.h5p_json or {}
    main = h5p.get("mainLibrary")
    for dependency in h5p.get("preloadedDependencies") or []:
        if isinstance(dependency, dict) and dependency.get("machineName") == main:
            return f"{main} {dependency.get('majorVersion')}.{dependency.get('minorVersion')}"
    return package.main_library


def localised_content(package, raw, lang=None):
    """Bytes of a package's content.json with its interface strings in `lang` (the site's
    language by default); `raw` unchanged when there is nothing to translate or it is not
    JSON. Package files are stored once per upload and never change, so the libraries'
    semantics are read once per process."""
    lang = lang or language()
    try:
        params = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return raw
    if not isinstance(params, dict):
        return raw

    def load_semantics(library_name):
        return _stored_semantics(package.storage_prefix, library_folder(library_name))

    before = json.dumps(params, sort_keys=True)
    translate_params(params, _main_library_name(package), load_semantics, lang)
    if json.dumps(params, sort_keys=True) == before:
        return raw
    return json.dumps(params, ensure_ascii=False).encode("utf-8")
