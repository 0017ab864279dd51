"""English is a real choice: our Vietnamese source strings have an English catalogue.

The catalogue lives in locale/en/LC_MESSAGES/django.po (compiled by `make messages`);
the language is chosen with Django's `set_language` view, which sets the
`django_language` cookie that LocaleMiddleware reads on every later request.
"""

import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, trans_real

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
EN_MO = EN_PO.with_suffix(".mo")
LOGIN_URL = "/tai-khoan/dang-nhap/"


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogue():
    """The .mo files are git-ignored; build the English one if it is missing or stale."""
    if not EN_MO.exists() or EN_MO.stat().st_mtime < EN_PO.stat().st_mtime:
        subprocess.run(["msgfmt", "--check-format", "-o", str(EN_MO), str(EN_PO)], check=True)  # noqa: S603, S607
        trans_real._translations.clear()
        trans_real._default = None
        trans_real._active = trans_real.Local()


# --- a tiny .po reader (enough for the files makemessages writes) -----------------


def _unquote(text):
    return text[1:-1].encode("raw_unicode_escape").decode("unicode_escape")


def read_po(path):
    """Return a list of entries: dicts with msgid, msgid_plural, msgstr (list), flags."""
    entries, entry, field = [], None, None

    def flush():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": {}, "msgid_plural": None, "obsolete": False}
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if match:
            keyword, index, value = match.groups()
            if keyword.startswith("msgstr"):
                field = ("msgstr", int(index or 0))
                entry["msgstr"][field[1]] = _unquote(value)
            else:
                field = (keyword, None)
                entry[keyword] = _unquote(value)
        elif line.startswith('"') and field is not None:
            name, index = field
            if name == "msgstr":
                entry["msgstr"][index] += _unquote(line)
            else:
                entry[name] += _unquote(line)
    flush()
    return entries


def catalogue_entries():
    return [e for e in read_po(EN_PO) if e["msgid"] and not e["obsolete"]]


# --- (b) the catalogue is complete -----------------------------------------------


def test_english_catalogue_has_no_untranslated_or_fuzzy_entries():
    entries = catalogue_entries()
    assert len(entries) > 500  # the whole UI, not a stub
    header = next(e for e in read_po(EN_PO) if e["msgid"] == "")
    assert "fuzzy" not in header["flags"]
    assert "Language: en" in header["msgstr"][0]

    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    untranslated = [
        e["msgid"]
        for e in entries
        if not all(text.strip() for text in e["msgstr"].values())
        or (e["msgid_plural"] and len(e["msgstr"]) != 2)
    ]
    assert fuzzy == []
    assert untranslated == []


def test_english_catalogue_keeps_every_placeholder():
    placeholder = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdfi]|%%|%[sd]")
    wrong = []
    for entry in catalogue_entries():
        if "python-format" not in entry["flags"]:
            continue
        expected = sorted(placeholder.findall(entry["msgid"]))
        for text in entry["msgstr"].values():
            if sorted(placeholder.findall(text)) != expected:
                wrong.append((entry["msgid"], text))
    assert wrong == []


def test_english_catalogue_is_not_vietnamese():
    """A translator who pastes the source back would pass the emptiness check."""
    vietnamese = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
    # Quoted Vietnamese keywords that users must type literally stay in the translation.
    allowed = {"An Toàn Số", "«Đúng»", "«Sai»", "«có»", "«không»", "«Bỏ qua dấu»"}
    allowed |= {"«Nhiều lựa chọn»", "“bảo mật”", "Tiếng Việt", "«Đúng hết mới có điểm»"}
    leftovers = []
    for entry in catalogue_entries():
        for text in entry["msgstr"].values():
            stripped = text
            for phrase in allowed:
                stripped = stripped.replace(phrase, "")
            if vietnamese.search(stripped.lower()):
                leftovers.append(text)
    assert leftovers == []


# --- (a) real UI strings translate ------------------------------------------------


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [
        ("Khóa học của tôi", "My courses"),  # base.html navigation
        ("Đăng nhập", "Log in"),  # base.html, accounts/login.html
        ("Đăng xuất", "Log out"),
        ("Đổi mật khẩu", "Change password"),
        ("Bỏ qua, đến nội dung chính", "Skip to main content"),
        ("Quên mật khẩu?", "Forgotten your password?"),  # accounts/login.html
        ("Tên đăng nhập", "Username"),
        ("Mật khẩu", "Password"),
        ("Tài khoản tạm thời bị khóa đăng nhập", "Account temporarily locked"),
        ("Quản trị", "Administration"),  # base.html link to the Wagtail admin
        (
            "Học tập, làm bài kiểm tra, nhận chứng nhận.",
            "Study, take quizzes, receive certificates.",
        ),
        ("Đang học", "In progress"),  # courses/my_courses.html
    ],
)
def test_ui_strings_translate_to_english(vietnamese, english):
    with translation.override("en"):
        assert gettext(vietnamese) == english
    with translation.override("vi"):
        assert gettext(vietnamese) == vietnamese


def test_plural_forms_and_placeholders_work_in_english():
    with translation.override("en"):
        one = ngettext("%(n)s câu hỏi", "%(n)s câu hỏi", 1) % {"n": 1}
        many = ngettext("%(n)s câu hỏi", "%(n)s câu hỏi", 12) % {"n": 12}
        deadline = gettext("Hạn hoàn thành (ngày/tháng/năm)")  # courses/forms.py
    assert (one, many) == ("1 question", "12 questions")
    assert deadline == "Completion deadline (dd/mm/yyyy)"  # English dates stay dd/mm/yyyy too


def test_percent_in_template_strings_survives():
    # quizzes/attempt.html hands "còn %s" to quiz.js, which fills in the time left.
    template = Template("{% load i18n %}{% translate 'còn %s' %}")
    with translation.override("en"):
        assert template.render(Context()) == "%s left"


# --- (c) the language switch works end to end ----------------------------------------


def _heading(html):
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()


@pytest.mark.django_db
def test_vietnamese_is_the_default(client):
    html = client.get(LOGIN_URL).content.decode()
    assert '<html lang="vi">' in html
    assert _heading(html) == "Đăng nhập"
    assert "Quên mật khẩu?" in html


@pytest.mark.django_db
def test_set_language_switches_login_page_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN_URL})
    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    html = client.get(LOGIN_URL).content.decode()
    assert '<html lang="en">' in html
    assert _heading(html) == "Log in"
    assert "<title>Log in · An Toàn Số</title>" in html
    assert "Use your staff code (or username) and the password issued by your unit." in html
    assert "Forgotten your password?" in html
    assert "Skip to main content" in html
    assert "Đăng nhập" not in html
    # The switcher marks English as the current choice.
    assert '<option value="en" selected>' in html

    # …and back again.
    client.post(reverse("set_language"), {"language": "vi", "next": LOGIN_URL})
    html = client.get(LOGIN_URL).content.decode()
    assert '<html lang="vi">' in html
    assert _heading(html) == "Đăng nhập"


@pytest.mark.django_db
def test_browser_language_alone_does_not_switch(client):
    # An English-language browser on a ward desktop still gets Vietnamese until
    # the person picks English with the switcher (lms.middleware).
    html = client.get(LOGIN_URL, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html
    assert _heading(html) == "Đăng nhập"


@pytest.mark.django_db
def test_unoffered_language_falls_back_to_vietnamese(client):
    # Django ships French messages, so set_language stores the cookie, but only
    # settings.LANGUAGES may be activated: the page stays Vietnamese.
    response = client.post(reverse("set_language"), {"language": "fr", "next": LOGIN_URL})
    assert response.status_code == 302
    html = client.get(LOGIN_URL).content.decode()
    assert '<html lang="vi">' in html
    assert _heading(html) == "Đăng nhập"


@pytest.mark.django_db
def test_learner_pages_follow_the_cookie(learner, client_for):
    client = client_for(learner)
    client.post(reverse("set_language"), {"language": "en", "next": "/hoc-tap/"})
    html = client.get(reverse("courses:my-courses")).content.decode()
    assert '<html lang="en">' in html
    assert _heading(html) == "My courses"
    assert "Log out" in html
    assert "Change password" in html
    assert "Đăng xuất" not in html
