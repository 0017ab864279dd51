"""Vietnamese text helpers: name splitting, collation keys and accent folding.

Vietnamese lists are sorted by given name (the last word), then family name, then middle
names, following the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
and, for equal letters, the tone order ngang, huyền, hỏi, ngã, sắc, nặng. A database cannot
do that with its default collation, so we store an ASCII key that sorts the same way.
"""

import unicodedata

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Combining marks that are tones, in dictionary order (ngang has none).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Combining marks that make a separate letter (ă â ê ô ơ ư).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def split_name(full_name):
    """Return (family, middle, given) from a Vietnamese full name written family-name first."""
    parts = " ".join(full_name.split()).split(" ")
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


def word_key(word):
    """Primary (letters) and secondary (tones) keys of one word."""
    letters, tones = [], []
    decomposed = unicodedata.normalize("NFD", word.lower())
    for ch in decomposed:
        if ch in _TONES:
            if tones:
                tones[-1] = _TONES[ch]
            continue
        if ch in _LETTER_MARKS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + ch)
            continue
        if unicodedata.combining(ch):
            continue
        letters.append(ch)
        tones.append(0)
    primary = "".join(
        f"{_LETTER_RANK[c] + 10:02d}" if c in _LETTER_RANK else f"9{ord(c) % 10}" for c in letters
    )
    secondary = "".join(str(t) for t in tones)
    return primary, secondary


def name_sort_key(full_name, max_length=250):
    """An ASCII string that sorts names as Vietnamese lists do: given, family, middle names."""
    family, middle, given = split_name(full_name)
    words = [w for w in (given, family, *middle.split(" ")) if w]
    # Each word's letters, then its tones: "Hoa" < "Hòa" < "Hỏa" before the family name counts.
    return " ".join(f"{p}.{s}" for p, s in map(word_key, words))[:max_length]


def fold_accents(text):
    """Remove Vietnamese diacritics (đ → d) for accent-insensitive matching."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


# --- Collation of ordinary text (unit, department and position names) ---------------------------
#
# Same order as ICU's Vietnamese collation (PostgreSQL's "vi-x-icu"), so lists sort alike on
# SQLite and PostgreSQL: the whole string's base letters first (a ă â b c d đ e ê f g h i j k l m n
# o ô ơ p q r s t u ư v w x y z; spaces before punctuation before digits before letters), then
# tones left to right (ngang, huyền, hỏi, ngã, sắc, nặng), then case (lower before upper).

_COLLATION_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_COLLATION_RANK = {ch: i for i, ch in enumerate(_COLLATION_ALPHABET)}
_PUNCTUATION = "_-‐–—,;:!?.…'‘’\"“”()[]{}@*/\\&#%`^+<=>|~$"
_PUNCTUATION_RANK = {ch: i for i, ch in enumerate(_PUNCTUATION)}


def _primary_weight(ch):
    if ch.isspace():
        return (1, 0)
    if ch in _PUNCTUATION_RANK:
        return (2, _PUNCTUATION_RANK[ch])
    if ch.isdigit():
        return (4, int(ch) if ch.isascii() else ord(ch))
    if ch in _COLLATION_RANK:
        return (5, _COLLATION_RANK[ch])
    if ch.isalpha():
        return (6, ord(ch))
    return (3, ord(ch))


def collation_key(text):
    """A sort key ordering text like ICU's Vietnamese collation; ties fall back to code points."""
    primary, tones, cases = [], [], []
    for ch in unicodedata.normalize("NFD", text):
        if ch in _TONES:
            if tones:
                tones[-1] = _TONES[ch]
            continue
        if ch in _LETTER_MARKS and primary:
            base = unicodedata.normalize("NFC", primary[-1] + ch)
            if base in _COLLATION_RANK:
                primary[-1] = base
                continue
        if unicodedata.combining(ch):
            continue
        lower = ch.lower()
        primary.append(lower)
        tones.append(0)
        cases.append(0 if ch == lower else 1)
    # Đ/đ is a letter of its own, not d with a mark (NFD keeps it whole).
    return (
        tuple(_primary_weight(ch) for ch in primary),
        tuple(tones),
        tuple(cases),
        unicodedata.normalize("NFC", text),
    )


def collate(a, b):
    """-1, 0 or 1: a SQLite collation function giving the Vietnamese order (0 only when equal)."""
    ka, kb = collation_key(a), collation_key(b)
    return (ka > kb) - (ka < kb)


def sorted_vietnamese(items, key=None):
    """Sort strings (or items by `key`) in Vietnamese alphabetical order, as the database does."""
    if key is None:
        return sorted(items, key=collation_key)
    return sorted(items, key=lambda item: collation_key(key(item)))
