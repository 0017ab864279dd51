"""An Excel (XLSX) template for writing questions, its parser and an exporter.

Sheet «Câu hỏi», one question per row, headers on row 1 (order free, names matched without
regard to case or diacritics):

========================== ==========================================================
Loại câu hỏi               Một lựa chọn · Nhiều lựa chọn · Đúng/Sai · Trả lời ngắn ·
                           Ghép cặp · Sắp xếp · Số (or the codes single, multiple,
                           truefalse, short, matching, ordering, numerical)
Danh mục                   ``Cha/Con`` (empty: default category)
Mã câu hỏi                 optional, unique id (Moodle idnumber)
Tiêu đề                    optional short name
Thẻ (cách nhau bởi ;)      ``an-toan-mat-khau; du-lieu-ca-nhan``
Nội dung câu hỏi           the stem (required)
Định dạng                  plain (default) · html · markdown · moodle
Phương án A … F            see below (more columns G, H… may be added)
Đáp án đúng                see below
Phản hồi A … F             feedback for the option in the same letter
Giải thích / Căn cứ pháp lý general explanation shown after answering
Bỏ qua dấu (có/không)      short answer: accept answers typed without diacritics
Đúng hết mới có điểm       multiple choice, matching, ordering: «có» = the question scores
(có/không)                 only when fully right; empty or «không» = partial credit
========================== ==========================================================

Per type, «Phương án» and «Đáp án đúng» mean:

- Một lựa chọn: options; answer = one letter (``B``).
- Nhiều lựa chọn: options; answer = letters ``A;C``: each correct option gets 100/k %, each
  other option −100/k % (k = number of correct options), so ticking everything scores 0.
  Explicit Moodle weights are allowed: ``A=50;C=50;B=-100``.
- Đúng/Sai: no options; answer ``Đúng`` or ``Sai``; «Phản hồi A» is shown to who answers
  Đúng, «Phản hồi B» to who answers Sai.
- Trả lời ngắn: options = accepted answers; answer empty (all 100 %) or weights ``A;B=50``.
- Ghép cặp: options ``vế trái -> vế phải``; ``-> X`` adds a distractor answer.
- Sắp xếp: options in the correct order; answer empty.
- Số: options ``1822``, ``3,5`` (decimal comma or point), ``1822:5`` or ``1822±5`` (±
  tolerance) or ``1..5`` (range); answer empty (all 100 %) or weights; ``*`` = any other
  number (for its feedback). Numbers are read as on the quiz page: ``1.000.000`` groups
  thousands, ``1.000`` alone is refused as ambiguous (write ``1000`` or ``1,000``).

All-or-nothing: every problem is reported with its row («Hàng 7: …»).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from lms.lib.spreadsheets import SpreadsheetRefused, check_xlsx
from lms.lib.vietnamese import fold_accents

from ..numbers import NumberError, parse_number, vietnamese
from .base import (
    STEM_FORMATS,
    FormatError,
    ImportProblem,
    ParsedChoice,
    ParsedQuestion,
    fraction_str,
    row_message,
    validate_question,
)

SHEET = "Câu hỏi"
TYPE_LABELS = {
    "single": "Một lựa chọn",
    "multiple": "Nhiều lựa chọn",
    "truefalse": "Đúng/Sai",
    "short": "Trả lời ngắn",
    "matching": "Ghép cặp",
    "ordering": "Sắp xếp",
    "numerical": "Số",
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MIN_OPTIONS = 6

H_TYPE = "Loại câu hỏi"
H_CATEGORY = "Danh mục"
H_ID = "Mã câu hỏi"
H_TITLE = "Tiêu đề"
H_TAGS = "Thẻ (cách nhau bởi ;)"
H_STEM = "Nội dung câu hỏi"
H_FORMAT = "Định dạng"
H_ANSWER = "Đáp án đúng"
H_GENERAL = "Giải thích / Căn cứ pháp lý"
H_IGNORE = "Bỏ qua dấu (có/không)"
H_MODE = "Đúng hết mới có điểm (có/không)"
OPTION_PREFIX = "Phương án"
FEEDBACK_PREFIX = "Phản hồi"


def _key(text) -> str:
    return " ".join(fold_accents(str(text or "")).lower().split())


_TYPE_KEYS = {_key(label): code for code, label in TYPE_LABELS.items()}
_TYPE_KEYS.update({code: code for code in TYPE_LABELS})
_TYPE_KEYS.update({"dung sai": "truefalse", "dung/sai": "truefalse", "so": "numerical"})
_FIXED = {
    _key(h): h
    for h in (
        H_TYPE,
        H_CATEGORY,
        H_ID,
        H_TITLE,
        H_TAGS,
        H_STEM,
        H_FORMAT,
        H_ANSWER,
        H_GENERAL,
        H_IGNORE,
        H_MODE,
    )
}
_FIXED[_key("Thẻ")] = H_TAGS
_FIXED[_key("Giải thích")] = H_GENERAL
_FIXED[_key("Bỏ qua dấu")] = H_IGNORE
_FIXED[_key("Đúng hết mới có điểm")] = H_MODE
_OPTION_RE = re.compile(r"^(phuong an|phan hoi) ([a-z])$")
_TRUE_WORDS = {"dung", "d", "true", "t", "co", "x", "1"}
_FALSE_WORDS = {"sai", "s", "false", "f", "khong", "0"}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "có" if value else "không"
    return str(value).replace("\r\n", "\n").strip()


def parse(data: bytes | str, filename: str = "") -> list[ParsedQuestion]:
    from openpyxl import load_workbook

    if isinstance(data, str):
        raise FormatError(
            [ImportProblem(0, _("Tệp Excel phải được đọc dưới dạng nhị phân (.xlsx)."))]
        )
    try:  # a zip bomb is refused before openpyxl inflates anything
        check_xlsx(io.BytesIO(data), filename or _("tệp Excel"))
    except SpreadsheetRefused as refused:
        raise FormatError([ImportProblem(0, refused.message)]) from refused
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        workbook.close()
    except Exception:  # noqa: BLE001 - a damaged file fails deep inside openpyxl/zlib/XML in many ways
        raise FormatError(
            [ImportProblem(0, _("Tệp không phải là bảng tính Excel .xlsx hợp lệ."))]
        ) from None
    problems: list[ImportProblem] = []

    def report(row: int, message: str) -> None:
        problems.append(ImportProblem(row, row_message(row, message)))

    if not rows:
        raise FormatError([ImportProblem(0, _("Bảng tính trống: không có dòng tiêu đề."))])
    columns: dict[str, int] = {}
    options: dict[str, int] = {}
    feedbacks: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        key = _key(header)
        if not key:
            continue
        match = _OPTION_RE.match(key)
        if match:
            target = options if match.group(1) == "phuong an" else feedbacks
            target[match.group(2).upper()] = index
        elif key in _FIXED:
            columns[_FIXED[key]] = index
        else:
            report(1, _("không nhận ra cột «%(header)s».") % {"header": _cell(header)})
    for required in (H_TYPE, H_STEM):
        if required not in columns:
            report(1, _("thiếu cột «%(header)s».") % {"header": required})
    if problems:
        raise FormatError(problems)

    letters = [letter for letter in LETTERS if letter in options]
    questions: list[ParsedQuestion] = []
    for number, values in enumerate(rows[1:], start=2):
        if all(_cell(v) == "" for v in values):
            continue

        def get(header: str, values=values) -> str:
            index = columns.get(header)
            return _cell(values[index]) if index is not None and index < len(values) else ""

        def pick(table: dict[str, int], letter: str, values=values) -> str:
            index = table.get(letter)
            return _cell(values[index]) if index is not None and index < len(values) else ""

        row_options = [
            (letter, pick(options, letter), pick(feedbacks, letter)) for letter in letters
        ]
        errors: list[str] = []
        question = _row(get, row_options, errors)
        if question is not None:
            question.line = number
            if not errors:  # the row's own messages say it better than the generic checks
                errors.extend(validate_question(question))
        for message in errors:
            report(number, message)
        if question is not None and not errors:
            questions.append(question)

    if problems:
        raise FormatError(problems)
    return questions


def _weights(answer: str, letters: list[str], errors: list[str]) -> dict[str, Decimal | None]:
    """``A;C=50;B=-100`` → {"A": None, "C": 50, "B": -100} (None: weight not given)."""
    result: dict[str, Decimal | None] = {}
    for part in re.split(r";|,(?![0-9])", answer):
        part = part.strip()
        if not part:
            continue
        letter, _sep, weight = part.partition("=")
        letter = letter.strip().upper()
        if letter not in letters:
            errors.append(
                _("đáp án «%(letter)s» không ứng với phương án nào có nội dung.")
                % {"letter": letter}
            )
            continue
        if weight.strip():
            try:
                result[letter] = Decimal(weight.strip().rstrip("%").replace(",", "."))
            except InvalidOperation:
                errors.append(
                    _("trọng số «%(weight)s» của đáp án %(letter)s không phải là số.")
                    % {"weight": weight.strip(), "letter": letter}
                )
        else:
            result[letter] = None
    return result


def _row(get, row_options, errors: list[str]) -> ParsedQuestion | None:  # noqa: C901
    type_text = get(H_TYPE)
    qtype = _TYPE_KEYS.get(_key(type_text))
    if qtype is None:
        errors.append(
            _("loại câu hỏi «%(value)s» không hợp lệ (dùng: %(choices)s).")
            % {"value": type_text, "choices": ", ".join(TYPE_LABELS.values())}
        )
        return None
    fmt = _key(get(H_FORMAT)) or "plain"
    if fmt not in STEM_FORMATS:
        errors.append(
            _("định dạng «%(value)s» không hợp lệ (dùng plain, html, markdown hoặc moodle).")
            % {"value": get(H_FORMAT)}
        )
        return None
    ignore = _key(get(H_IGNORE))
    if ignore and ignore not in _TRUE_WORDS | _FALSE_WORDS:
        errors.append(_("cột «Bỏ qua dấu» chỉ nhận «có» hoặc «không»."))
    mode = _key(get(H_MODE))
    if mode and mode not in _TRUE_WORDS | _FALSE_WORDS:
        errors.append(_("cột «Đúng hết mới có điểm» chỉ nhận «có» hoặc «không»."))
    q = ParsedQuestion(
        qtype=qtype,
        stem=get(H_STEM),
        stem_format=fmt,
        title=get(H_TITLE),
        idnumber=get(H_ID),
        category="/".join(p.strip() for p in get(H_CATEGORY).split("/") if p.strip()),
        tags=[t.strip() for t in re.split(r"[;\n]", get(H_TAGS)) if t.strip()],
        general_feedback=get(H_GENERAL),
        ignore_diacritics=ignore in _TRUE_WORDS,
        grading_mode="all_or_nothing" if mode in _TRUE_WORDS else "partial",
    )
    if not q.stem:
        errors.append(_("thiếu nội dung câu hỏi."))
    filled = [(letter, text, feedback) for letter, text, feedback in row_options if text]
    used = [letter for letter, _t, _f in filled]
    last_filled = max((row_options.index(o) for o in filled), default=-1)
    if any(not text for _l, text, _f in row_options[: last_filled + 1]):
        errors.append(_("các phương án phải liền nhau từ A (có phương án trống ở giữa)."))
    answer = get(H_ANSWER)

    if qtype == "truefalse":
        key = _key(answer)
        if key not in _TRUE_WORDS | _FALSE_WORDS:
            errors.append(_("đáp án đúng của câu Đúng/Sai phải là «Đúng» hoặc «Sai»."))
            return q
        is_true = key in _TRUE_WORDS
        feedback = {letter: fb for letter, _t, fb in row_options}
        q.choices = [
            ParsedChoice("true", Decimal(100 if is_true else 0), feedback.get("A", "")),
            ParsedChoice("false", Decimal(0 if is_true else 100), feedback.get("B", "")),
        ]
        return q
    if qtype == "matching":
        for letter, text, _fb in filled:
            if "->" not in text:
                errors.append(
                    _("phương án %(letter)s của câu ghép cặp phải viết «vế trái -> vế phải».")
                    % {"letter": letter}
                )
                continue
            left, right = text.split("->", 1)
            q.pairs.append((left.strip(), right.strip()))
        return q
    if qtype == "ordering":
        q.items = [text for _l, text, _fb in filled]
        return q

    weights = _weights(answer, used, errors)
    if qtype == "single":
        explicit = any(w is not None for w in weights.values())
        if not weights:
            errors.append(_("chưa ghi đáp án đúng (ví dụ B)."))
        elif len(weights) > 1 and not explicit:
            errors.append(
                _("câu một lựa chọn chỉ có một đáp án đúng; dùng loại «Nhiều lựa chọn» cho %(a)s.")
                % {"a": answer}
            )
        q.choices = [
            ParsedChoice(text, _default(weights, letter) if weights else Decimal(0), fb)
            for letter, text, fb in filled
        ]
    elif qtype == "multiple":
        if not weights:
            errors.append(_("chưa ghi đáp án đúng (ví dụ A;C)."))
        explicit = any(w is not None for w in weights.values())
        if explicit and any(w is None for w in weights.values()):
            errors.append(
                _(
                    "ghi trọng số cho mọi đáp án (ví dụ A=50;C=50;B=-100) hoặc không ghi cho đáp án nào."
                )
            )
        k = len(weights) or 1
        share = (Decimal(100) / k).quantize(Decimal("0.00001"))
        q.choices = []
        for letter, text, fb in filled:
            if explicit:
                fraction = weights.get(letter) or Decimal(0)
            elif letter in weights:
                fraction = share
            else:
                fraction = -share
            q.choices.append(ParsedChoice(text, fraction, fb))
    elif qtype == "short":
        q.choices = [
            ParsedChoice(
                " ".join(text.split()),
                _default(weights, letter),
                fb,
            )
            for letter, text, fb in filled
        ]
    elif qtype == "numerical":
        for letter, text, fb in filled:
            value = text.strip().replace("±", ":")
            if value == "*":
                q.choices.append(ParsedChoice("*", _default(weights, letter), fb))
                continue
            try:
                number, tolerance = _numeric(value)
            except NumberError as problem:
                number, tolerance = None, Decimal(0)
                if problem.ambiguous:
                    errors.append(
                        _("phương án %(letter)s: %(problem)s")
                        % {"letter": letter, "problem": problem}
                    )
                    continue
            if number is None:
                errors.append(
                    _(
                        "phương án %(letter)s «%(text)s» không phải là số (viết 1822, 1822:5 hoặc 1..5)."
                    )
                    % {"letter": letter, "text": text}
                )
                continue
            q.choices.append(
                ParsedChoice(fraction_str(number), _default(weights, letter), fb, tolerance)
            )
    return q


def _default(weights: dict[str, Decimal | None], letter: str) -> Decimal:
    if not weights:
        return Decimal(100)
    if letter not in weights:
        return Decimal(0)
    return weights[letter] if weights[letter] is not None else Decimal(100)


def _numeric(value: str) -> tuple[Decimal | None, Decimal]:
    """``12`` / ``3,5:0,1`` / ``1..5`` → (value, tolerance); numbers read with parse_number
    (raises NumberError, whose ``ambiguous`` tells a ``1.000``-like number from garbage)."""
    if ".." in value[1:]:
        cut = value.index("..", 1)
        low, high = parse_number(value[:cut]), parse_number(value[cut + 2 :])
        if high < low:
            return None, Decimal(0)
        return (low + high) / 2, (high - low) / 2
    if ":" in value[1:]:
        cut = value.index(":", 1)
        tolerance = parse_number(value[cut + 1 :])
        if tolerance < 0:
            return None, Decimal(0)
        return parse_number(value[:cut]), tolerance
    return parse_number(value), Decimal(0)


# --- template and export ----------------------------------------------------------------------


def _headers(n_options: int) -> list[str]:
    letters = LETTERS[:n_options]
    return (
        [H_TYPE, H_CATEGORY, H_ID, H_TITLE, H_TAGS, H_STEM, H_FORMAT]
        + [f"{OPTION_PREFIX} {letter}" for letter in letters]
        + [H_ANSWER]
        + [f"{FEEDBACK_PREFIX} {letter}" for letter in letters]
        + [H_GENERAL, H_IGNORE, H_MODE]
    )


def _row_values(q: ParsedQuestion, n_options: int) -> list[str]:
    options: list[str] = []
    feedback: list[str] = []
    answer = ""
    if q.qtype == "truefalse":
        true = next(c for c in q.choices if c.text == "true")
        false = next(c for c in q.choices if c.text == "false")
        answer = "Đúng" if true.fraction == 100 else "Sai"
        feedback = [true.feedback, false.feedback]
    elif q.qtype == "matching":
        options = [f"{left} -> {right}" if left else f"-> {right}" for left, right in q.pairs]
    elif q.qtype == "ordering":
        options = list(q.items)
    else:
        for c in q.choices:
            text = c.text
            if q.qtype == "numerical" and text != "*":
                # Vietnamese decimal comma: never read back as a thousands separator.
                text = vietnamese(Decimal(c.text))
                if c.tolerance:
                    text += ":" + vietnamese(c.tolerance)
            options.append(text)
            feedback.append(c.feedback)
        answer = _answer_text(q)
    options += [""] * (n_options - len(options))
    feedback += [""] * (n_options - len(feedback))
    return (
        [
            TYPE_LABELS[q.qtype],
            q.category,
            q.idnumber,
            q.title,
            "; ".join(q.tags),
            q.stem,
            q.stem_format,
        ]
        + options
        + [answer]
        + feedback
        + [
            q.general_feedback,
            "có" if q.ignore_diacritics else "",
            "có" if q.grading_mode == "all_or_nothing" else "",
        ]
    )


def _answer_text(q: ParsedQuestion) -> str:
    letters = LETTERS[: len(q.choices)]
    pairs = list(zip(letters, q.choices, strict=False))
    if q.qtype == "single":
        if (
            all(c.fraction in (0, 100) for c in q.choices)
            and sum(c.fraction == 100 for c in q.choices) == 1
        ):
            return next(letter for letter, c in pairs if c.fraction == 100)
        return ";".join(
            letter if c.fraction == 100 else f"{letter}={fraction_str(c.fraction)}"
            for letter, c in pairs
            if c.fraction != 0
        )
    elif q.qtype == "multiple":
        correct = [letter for letter, c in pairs if c.fraction > 0]
        k = len(correct) or 1
        share = (Decimal(100) / k).quantize(Decimal("0.00001"))
        if all(c.fraction == (share if c.fraction > 0 else -share) for c in q.choices):
            return ";".join(correct)
    else:  # short, numerical
        if all(c.fraction == 100 for c in q.choices):
            return ""
        return ";".join(
            letter if c.fraction == 100 else f"{letter}={fraction_str(c.fraction)}"
            for letter, c in pairs
            if c.fraction != 0
        )
    return ";".join(f"{letter}={fraction_str(c.fraction)}" for letter, c in pairs)


def _workbook(questions: list[ParsedQuestion], with_help: bool) -> bytes:
    """The questions written by the project's export writer (lms.lib.exports): text that looks
    like a formula ("= 2 + 3") is a string cell, so it re-imports unchanged."""
    from lms.lib.exports import Xlsx

    n_options = max(
        [MIN_OPTIONS]
        + [len(q.choices) for q in questions]
        + [len(q.pairs) for q in questions]
        + [len(q.items) for q in questions]
    )
    headers = _headers(n_options)
    book = Xlsx()
    widths = [40 if header in (H_STEM, H_GENERAL) else 18 for header in headers]
    sheet = book.sheet(SHEET, headers, widths=widths, freeze="A2")
    sheet.validate_list(TYPE_LABELS.values(), "A2:A2000")
    for q in questions:
        sheet.row([value if value != "" else None for value in _row_values(q, n_options)])
    if with_help:
        help_sheet = book.sheet("Hướng dẫn", widths=[120])
        for line in (__doc__ or "").strip().splitlines():
            help_sheet.row([line.replace("``", "")])
    return book.bytes()


def export(questions: list[ParsedQuestion]) -> bytes:
    return _workbook(questions, with_help=False)


def template() -> bytes:
    """The XLSX template: headers, one example row per type and a help sheet."""
    return _workbook(_examples(), with_help=True)


def _examples() -> list[ParsedQuestion]:
    category = "An toàn thông tin/Mật khẩu"
    legal = "Căn cứ: Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân."
    return [
        ParsedQuestion(
            qtype="single",
            stem="Mật khẩu nào sau đây mạnh nhất?",
            stem_format="plain",
            category=category,
            idnumber="VD-01",
            tags=["mat-khau"],
            choices=[
                ParsedChoice("123456", Decimal(0), "Quá ngắn và phổ biến."),
                ParsedChoice("matkhau", Decimal(0), "Là từ có nghĩa, dễ đoán."),
                ParsedChoice("Tr@ng-Sen-7-Ao-Dai!", Decimal(100), "Dài, nhiều loại ký tự."),
                ParsedChoice("ngaysinh1990", Decimal(0), "Dễ đoán từ thông tin cá nhân."),
            ],
            general_feedback="Mật khẩu mạnh: dài, khó đoán, không dùng lại.",
        ),
        ParsedQuestion(
            qtype="multiple",
            stem="Những dữ liệu nào là dữ liệu cá nhân nhạy cảm?",
            stem_format="plain",
            category="Dữ liệu cá nhân",
            idnumber="VD-02",
            tags=["du-lieu-ca-nhan"],
            choices=[
                ParsedChoice("Tình trạng sức khỏe", Decimal(50)),
                ParsedChoice("Họ và tên", Decimal(-50)),
                ParsedChoice("Dữ liệu sinh trắc học", Decimal(50)),
                ParsedChoice("Số điện thoại cơ quan", Decimal(-50)),
            ],
            general_feedback=legal,
        ),
        ParsedQuestion(
            qtype="truefalse",
            stem="Được phép gửi mật khẩu qua tin nhắn cho đồng nghiệp khi cần gấp.",
            stem_format="plain",
            idnumber="VD-03",
            choices=[
                ParsedChoice("true", Decimal(0), "Sai: không chia sẻ mật khẩu dưới mọi hình thức."),
                ParsedChoice(
                    "false", Decimal(100), "Đúng: mật khẩu là thông tin riêng của mỗi người."
                ),
            ],
        ),
        ParsedQuestion(
            qtype="short",
            stem="Viết tắt của xác thực hai yếu tố trong tiếng Anh là gì?",
            stem_format="plain",
            idnumber="VD-04",
            choices=[ParsedChoice("2FA", Decimal(100)), ParsedChoice("MFA", Decimal(50))],
        ),
        ParsedQuestion(
            qtype="short",
            stem="Luật nào quy định về an toàn thông tin mạng (ghi tên luật)?",
            stem_format="plain",
            idnumber="VD-05",
            ignore_diacritics=True,
            choices=[ParsedChoice("Luật An toàn thông tin mạng", Decimal(100))],
        ),
        ParsedQuestion(
            qtype="matching",
            stem="Ghép mỗi hành vi với loại rủi ro tương ứng.",
            stem_format="plain",
            idnumber="VD-06",
            pairs=[
                ("Mở tệp đính kèm lạ", "Mã độc"),
                ("Bấm vào liên kết giả mạo ngân hàng", "Lừa đảo trực tuyến"),
                ("Dán mật khẩu lên màn hình", "Lộ thông tin đăng nhập"),
                ("", "Tấn công từ chối dịch vụ"),
            ],
        ),
        ParsedQuestion(
            qtype="ordering",
            stem="Sắp xếp các bước xử lý khi phát hiện máy tính nhiễm mã độc.",
            stem_format="plain",
            idnumber="VD-07",
            grading_mode="all_or_nothing",
            items=[
                "Ngắt kết nối mạng",
                "Báo cho cán bộ phụ trách CNTT",
                "Quét và xử lý mã độc",
                "Đổi mật khẩu các tài khoản",
            ],
        ),
        ParsedQuestion(
            qtype="numerical",
            stem="Mật khẩu nên có tối thiểu bao nhiêu ký tự theo khuyến nghị của đơn vị?",
            stem_format="plain",
            idnumber="VD-08",
            choices=[ParsedChoice("12", Decimal(100), tolerance=Decimal(0))],
        ),
        ParsedQuestion(
            qtype="numerical",
            stem=(
                "Một USB 64 GB đã dùng 41,6 GB. Còn trống bao nhiêu GB? (chấp nhận sai lệch 0,1 GB)"
            ),
            stem_format="plain",
            idnumber="VD-09",
            choices=[
                ParsedChoice("22.4", Decimal(100), "Đúng: 64 − 41,6 = 22,4.", Decimal("0.1")),
                ParsedChoice("*", Decimal(0), "Lấy dung lượng toàn bộ trừ phần đã dùng."),
            ],
        ),
    ]
