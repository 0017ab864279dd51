"""HTML hygiene for question text: one allow-list for everything shown inside a quiz.

Stems and explanations may come from trainers (Draftail), imports (GIFT/Moodle XML) or
seed data; whatever the source, what reaches a learner's page has passed through `clean_html`.
"""

import html
import re

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "a",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "h3",
    "h4",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}

_TAG_RE = re.compile(r"<[^>]+>")


def clean_html(value):
    """Sanitise HTML to the allow-list (links get rel=noopener noreferrer)."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def text_to_html(value):
    """Plain text → paragraphs of escaped HTML."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value or "") if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


def looks_like_html(value):
    return bool(value) and bool(_TAG_RE.search(value))


def as_html(value):
    """Text that may or may not be HTML → clean HTML."""
    return clean_html(value) if looks_like_html(value) else text_to_html(value)


def strip_tags(value):
    """HTML → readable plain text (for lists, exports and snapshots of short labels)."""
    if not value:
        return ""
    text = nh3.clean(value, tags=set())
    return " ".join(html.unescape(text).split())
