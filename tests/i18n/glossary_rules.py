"""The forbidden variants of docs/glossary.md, read from its "Forbidden variants" table (the
glossary is the one place that states them)."""

import re
from functools import cache
from pathlib import Path

from django.conf import settings

GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.md"
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


@cache
def forbidden_variants():
    """[(compiled pattern, use instead)] from the table under "## Forbidden variants"."""
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split("## Forbidden variants", 1)[1]
    rules = []
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        cells = [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(line)[1:-1]]
        pattern, case, instead = cells[0].strip("`"), cells[1], cells[2]
        flags = re.IGNORECASE if case == "ignore" else 0
        rules.append((re.compile(pattern, flags), instead))
    return rules


def forbidden_hits(text):
    """The forbidden spellings found in `text`, each as "'word' → use instead" (the whole word
    around the match, so that "Từ khoá" reports 'khoá')."""
    hits = []
    for pattern, instead in forbidden_variants():
        for match in pattern.finditer(text):
            start, end = match.span()
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum():
                end += 1
            hits.append(f"{text[start:end]!r} → {instead}")
    return hits
