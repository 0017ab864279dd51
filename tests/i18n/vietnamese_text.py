"""Telling English from Vietnamese in rendered admin HTML (used by test_admin_vietnamese).

A string counts as "not Vietnamese" when one of its words is a common English word of the
admin (ENGLISH_WORDS) once allow-listed names (H5P, GIFT, XLSX, ...) are taken out. The list
leaves out English words that are also Vietnamese syllables without tone marks ("an", "to",
"in", "do", "no", "long", "me", "hai"...): those would flag correct Vietnamese."""

import json
import re
from html.parser import HTMLParser

_WORD_LIST = """
    the of and or for with from into onto this that these those your you are is was were be been
    being has have had not all any some each every which what when where who whom how why than then
    there here it its it's our their they them he she his her we us will would can't cannot could
    should must might shall does did done don't doesn't isn't aren't won't
    about above after again against before below between by during until while without within
    add added adding edit edited editing choose chosen select selected search searching save saved
    saving delete deleted deleting remove removed cancel create created creating update updated
    view viewing show showing hide hidden close open opened next previous back more less other
    page pages subpage subpages child children parent sibling explorer title titles status statuses
    live draft drafts published publish publishing unpublish unpublished schedule scheduled
    preview previews submit submitted approve approved reject rejected moderation workflow workflows
    task tasks report reports comment comments reply resolve resolved lock locked unlock unlocked
    copy copied move moved sort sorting order ordering filter filters clear apply applied
    image images document documents collection collections upload uploaded uploading file files
    user users group groups role roles setting settings account accounts profile password
    email-address username login log logout sign signed notifications notification preferences
    help dashboard home history revision revisions compare current latest first last
    date dates time name names type types item items result results found matching match
    yes true false none null empty required optional invalid error errors warning success
    loading load please enter click here link links external internal anchor phone
    snippet snippets site sites redirect redirects form forms field fields value values
    action actions bulk toggle expand collapse minimise minimize maximise maximize
    author owner editor editors modified updated ago minutes minute hours hour days
    week weeks months month year years today yesterday tomorrow never always
    privacy private public visible visibility restricted permission permissions access denied
    content contents block blocks heading paragraph text bold italic list bullet numbered
    insert embed caption alt focal point rendition original size width height
    pixels download downloads usage used unused reference references referenced
    error's successfully unable failed could be created due saving changes unsaved discard
    keep leave stay continue confirm confirmation sure delete? really
    focus skip main navigation breadcrumb breadcrumbs toolbar sidebar panel panels
    awaiting waiting pending in-progress progress complete completed incomplete
    select-all deselect unselect per showing of page-size rows columns column
"""
ENGLISH_WORDS = set(_WORD_LIST.split())

# Names that stay as they are in Vietnamese text (formats, products, abbreviations).
ALLOWED_TOKENS = {
    "h5p",
    "gift",
    "aiken",
    "xlsx",
    "xls",
    "csv",
    "url",
    "urls",
    "id",
    "ids",
    "moodle",
    "xml",
    "wagtail",
    "html",
    "json",
    "pdf",
    "qr",
    "api",
    "otp",
    "mfa",
    "zalo",
    "facebook",
    "vneid",
    "wi-fi",
    "usb",
    "it",
    "jpeg",
    "png",
    "gif",
    "webp",
    "svg",
    "avif",
    "heic",
    "mp4",
    "utc",
    "ok",
    "email",
    "e-mail",
    "draftail",
    "slug",
    "rss",
    "seo",
    "sms",
}
EMAIL = re.compile(r"\S+@\S+\.\w+")
# Format placeholders in catalogue strings: %(title)s, %d, {title}.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w+\}")
# IANA time zone names in the account's time zone list ("America/Port_of_Spain", "US/Pacific").
TIME_ZONE = re.compile(r"^(?:[A-Z][A-Za-z_-]+/)+[A-Za-z0-9_+-]+$")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
VISIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-description")
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}
SKIPPED_ELEMENTS = {"script", "style", "noscript", "svg"}
# JSON props Wagtail renders for its React sidebar and widgets: these keys hold labels.
JSON_LABEL_KEYS = {"label", "title", "text", "placeholder", "ariaLabel", "tooltip"}


KEY_NAMES = {"ctrl", "alt", "shift", "cmd", "enter", "esc", "tab", "option"}


def english_words(text):
    """The English admin words in `text` (empty when it reads as Vietnamese or a name)."""
    if TIME_ZONE.match(text.strip()):
        return []
    text = PLACEHOLDER.sub(" ", EMAIL.sub(" ", text))
    words = WORD.findall(text)
    if any(word.lower() in {"ctrl", "cmd"} for word in words) and all(
        word.lower() in KEY_NAMES or len(word) == 1 for word in words
    ):
        return []  # a keyboard shortcut such as "Ctrl + Alt + m"
    found = []
    for word in words:
        lowered = word.lower().replace("’", "'")
        if lowered in ALLOWED_TOKENS:
            continue
        if lowered in ENGLISH_WORDS:
            found.append(word)
    return found


def is_not_vietnamese(text):
    return bool(english_words(text))


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.strings = []
        self._skip = 0
        self._json = 0
        self._json_buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED_ELEMENTS:
            if tag == "script" and (attrs.get("type") or "").endswith("json"):
                self._json += 1
                self._json_buffer = []
            else:
                self._skip += 1
            return
        for name in VISIBLE_ATTRIBUTES:
            if attrs.get(name):
                self.strings.append((f"@{name}", attrs[name]))
        is_button = tag == "input" and (attrs.get("type") or "").lower() in BUTTON_INPUT_TYPES
        if is_button and attrs.get("value"):
            self.strings.append(("@value", attrs["value"]))

    def handle_startendtag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS:
            if self._json:
                self._json -= 1
                self._collect_json("".join(self._json_buffer))
            elif self._skip:
                self._skip -= 1

    def handle_data(self, data):
        if self._json:
            self._json_buffer.append(data)
            return
        if self._skip:
            return
        text = " ".join(data.split())
        if text:
            self.strings.append(("text", text))

    def _collect_json(self, raw):
        try:
            data = json.loads(raw)
        except ValueError:
            return
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for key, value in item.items():
                    if isinstance(value, str) and key in JSON_LABEL_KEYS and value.strip():
                        self.strings.append((f"json:{key}", value.strip()))
                    elif isinstance(value, (dict, list)):
                        stack.append(value)
            elif isinstance(item, list):
                stack.extend(item)


def visible_strings(html):
    """(where, text) pairs a user can see or hear: text nodes outside script/style, the
    aria-label/title/placeholder/alt attributes, button values and the labels in JSON props."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.strings
