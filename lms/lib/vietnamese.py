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
