"""Certificate, confirmation and transcript PDFs, drawn with ReportLab's canvas.

The canvas, not platypus: a certificate is one fixed page, and placing its lines by hand is both
faster (a few ms a page) and easier to keep stable. Output is deterministic for the same input
(ReportLab's invariant mode, creation date taken from the issue date), so a certificate rendered
again from its snapshot is byte-identical.

`data` is the dict built by Certificate.render_data() (see the contract in certificates/models.py):
full_name, employee_code, unit_name, department_name, position_name, course_title, tiet,
score_percent, completed_on, issued_on, valid_until, serial, register_number, verification_url,
verification_code, issuing_body, issuing_place, signer_name, signer_title, heading, wording,
template_version, seal_image, background_image.
"""

import hashlib
import io
from datetime import date
from decimal import Decimal

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from lms.lib import display

from . import fonts
from .qr import draw_qr

# Binary (zlib) streams instead of ASCII85 text: smaller files and no pure-Python encoding pass
# over the embedded fonts (ReportLab's C accelerator is not installed). Process-wide.
rl_config.useA85 = 0

PAGE_LANDSCAPE = landscape(A4)
PAGE_PORTRAIT = A4
NATIONAL_HEADER = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
CONFIRMATION_HEADING = "GIẤY XÁC NHẬN HOÀN THÀNH"
TRANSCRIPT_HEADING = "BẢNG KẾT QUẢ BỒI DƯỠNG"
CREATOR = "An Toàn Số"

DARK = (0.10, 0.13, 0.30)
ACCENT = (0.62, 0.12, 0.12)

_images: dict[str, ImageReader] = {}


# ---- formatting shared with the tests and the views ------------------------------------------


def format_date(value: date | None) -> str:
    """dd/mm/yyyy, the site's one date style (lms.lib.display)."""
    return display.format_date(value)


def format_place_date(place: str, value: date) -> str:
    """'TP. Hồ Chí Minh, ngày 02 tháng 12 năm 2026', as Vietnamese documents date themselves."""
    text = f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"
    return f"{place}, {text}" if place else text.capitalize()


def format_tiet(value) -> str:
    """Tiết with a decimal comma and no trailing zeros: 16, 1,5 (lms.lib.display)."""
    return display.format_number(value)


# ---- drawing helpers --------------------------------------------------------------------------


def _new_canvas(buffer, pagesize, *, title: str, subject: str, when: date | None) -> Canvas:
    fonts.register_fonts()
    canvas = Canvas(
        buffer,
        pagesize=pagesize,
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=12,
    )
    stamp = when or date(2000, 1, 1)
    fixed = f"D:{stamp:%Y%m%d}000000+07'00'"
    canvas.setDateFormatter(lambda *args: fixed)
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setCreator(CREATOR)
    canvas.setAuthor(CREATOR)
    return canvas


def _image(data: bytes | None) -> ImageReader | None:
    """An ImageReader for image bytes, decoded once per process for the same seal/background."""
    if not data:
        return None
    key = hashlib.sha256(data).hexdigest()
    reader = _images.get(key)
    if reader is None:
        if len(_images) > 16:
            _images.clear()
        reader = ImageReader(io.BytesIO(data))
        _images[key] = reader
    return reader


def _fit_lines(text, font, size, width, *, min_size, max_lines):
    """Shrink SIZE until TEXT fits WIDTH on one line; below MIN_SIZE wrap onto at most MAX_LINES
    lines (shrinking further if even that does not fit). Returns (lines, size)."""
    text = " ".join((text or "").split())
    while size > min_size and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        return [text], size
    while True:
        lines = simpleSplit(text, font, size, width)
        if len(lines) <= max_lines or size <= 6:
            return lines, size
        size -= 0.5


def _centred_lines(canvas, lines, font, size, cx, y, leading=1.25):
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawCentredString(cx, y, line)
        y -= size * leading
    return y


def _national_header(canvas, cx, y, width):
    canvas.setFillColorRGB(0, 0, 0)
    lines, size = _fit_lines(NATIONAL_HEADER, fonts.BOLD, 12.5, width, min_size=9, max_lines=1)
    _centred_lines(canvas, lines, fonts.BOLD, size, cx, y)
    canvas.setFont(fonts.BOLD, size + 0.5)
    canvas.drawCentredString(cx, y - 17, NATIONAL_MOTTO)
    half = stringWidth(NATIONAL_MOTTO, fonts.BOLD, size + 0.5) / 2
    canvas.setLineWidth(0.7)
    canvas.line(cx - half, y - 21, cx + half, y - 21)


def _issuer_header(canvas, issuing_body, cx, y, width):
    canvas.setFillColorRGB(0, 0, 0)
    lines, size = _fit_lines(
        (issuing_body or "").upper(), fonts.BOLD, 12, width, min_size=9, max_lines=2
    )
    y = _centred_lines(canvas, lines, fonts.BOLD, size, cx, y)
    canvas.setLineWidth(0.7)
    canvas.line(cx - 40, y + size * 0.7, cx + 40, y + size * 0.7)


def _signer_block(canvas, data, cx, y, width):
    """Place and date, signer's title, seal, signer's name; Y is the top line."""
    when = data.get("issued_on")
    if when:
        canvas.setFont(fonts.ITALIC, 11.5)
        canvas.drawCentredString(cx, y, format_place_date(data.get("issuing_place") or "", when))
    lines, size = _fit_lines(
        (data.get("signer_title") or "").upper(), fonts.BOLD, 12, width, min_size=9, max_lines=2
    )
    after_title = _centred_lines(canvas, lines, fonts.BOLD, size, cx, y - 20)
    seal = _image(data.get("seal_image"))
    if seal is not None:
        iw, ih = seal.getSize()
        box = 82
        scale = min(box / iw, box / ih)
        w, h = iw * scale, ih * scale
        canvas.drawImage(seal, cx - w / 2 - 25, after_title - h + 6, w, h, mask="auto")
    canvas.setFont(fonts.BOLD, 13)
    canvas.drawCentredString(cx, after_title - 88, data.get("signer_name") or "")


def _frame(canvas, pagesize):
    w, h = pagesize
    canvas.setStrokeColorRGB(*DARK)
    canvas.setLineWidth(3)
    canvas.rect(18, 18, w - 36, h - 36)
    canvas.setLineWidth(0.8)
    canvas.rect(25, 25, w - 50, h - 50)


# ---- the certificate --------------------------------------------------------------------------


def render_certificate(data: dict) -> bytes:
    """The certificate (giấy chứng nhận), one A4 landscape page, unsigned."""
    buffer = io.BytesIO()
    canvas = _new_canvas(
        buffer,
        PAGE_LANDSCAPE,
        title=f"{data.get('heading') or 'GIẤY CHỨNG NHẬN'} {data.get('serial') or ''}".strip(),
        subject=data.get("course_title") or "",
        when=data.get("issued_on"),
    )
    w, h = PAGE_LANDSCAPE
    background = _image(data.get("background_image"))
    if background is not None:
        canvas.drawImage(background, 0, 0, w, h, preserveAspectRatio=False, mask="auto")
    _frame(canvas, PAGE_LANDSCAPE)

    _issuer_header(canvas, data.get("issuing_body"), 205, h - 62, 300)
    _national_header(canvas, w - 250, h - 62, 360)

    canvas.setFillColorRGB(*ACCENT)
    heading = data.get("heading") or "GIẤY CHỨNG NHẬN"
    lines, size = _fit_lines(heading, fonts.BOLD, 34, w - 140, min_size=20, max_lines=1)
    _centred_lines(canvas, lines, fonts.BOLD, size, w / 2, h - 160)

    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(fonts.ITALIC, 13)
    canvas.drawCentredString(w / 2, h - 195, "Chứng nhận học viên")
    canvas.setFillColorRGB(*DARK)
    lines, size = _fit_lines(
        data.get("full_name"), fonts.BOLD, 26, w - 160, min_size=16, max_lines=2
    )
    y = _centred_lines(canvas, lines, fonts.BOLD, size, w / 2, h - 227, leading=1.15)

    canvas.setFillColorRGB(0, 0, 0)
    person_bits = [
        bit
        for bit in (
            data.get("position_name"),
            data.get("department_name"),
            data.get("unit_name"),
        )
        if bit
    ]
    person = " - ".join(person_bits)
    if data.get("employee_code"):
        person = (
            f"{person} (mã cán bộ {data['employee_code']})" if person else data["employee_code"]
        )
    lines, size = _fit_lines(person, fonts.REGULAR, 12.5, w - 160, min_size=9, max_lines=2)
    y = _centred_lines(canvas, lines, fonts.REGULAR, size, w / 2, y - 4)

    canvas.setFont(fonts.ITALIC, 13)
    canvas.drawCentredString(w / 2, y - 6, data.get("wording") or "Đã hoàn thành khóa bồi dưỡng")
    canvas.setFillColorRGB(*DARK)
    lines, size = _fit_lines(
        data.get("course_title"), fonts.BOLD, 17, w - 160, min_size=12, max_lines=3
    )
    y = _centred_lines(canvas, lines, fonts.BOLD, size, w / 2, y - 30)

    canvas.setFillColorRGB(0, 0, 0)
    facts = [f"Thời lượng: {format_tiet(data.get('tiet'))} tiết"]
    if data.get("score_percent") is not None:
        facts.append(f"Kết quả: {data['score_percent']}%")
    if data.get("completed_on"):
        facts.append(f"Hoàn thành ngày {format_date(data['completed_on'])}")
    canvas.setFont(fonts.REGULAR, 12.5)
    canvas.drawCentredString(w / 2, y - 4, "   ·   ".join(facts))
    validity = (
        f"Giấy chứng nhận có giá trị đến ngày {format_date(data['valid_until'])}"
        if data.get("valid_until")
        else "Giấy chứng nhận không có thời hạn"
    )
    canvas.setFont(fonts.ITALIC, 11.5)
    canvas.drawCentredString(w / 2, y - 22, validity)

    # Lower left: QR code to the public verification page, serial and register number.
    qr_size = 92
    url = data.get("verification_url") or ""
    if url:
        draw_qr(canvas, url, 48, 48, qr_size)
    canvas.setFont(fonts.REGULAR, 10.5)
    tx = 48 + qr_size + 8
    canvas.drawString(tx, 120, f"Số hiệu: {data.get('serial') or ''}")
    canvas.drawString(tx, 104, f"Số vào sổ: {data.get('register_number') or ''}")
    canvas.setFont(fonts.REGULAR, 8.5)
    canvas.drawString(tx, 88, "Quét mã QR hoặc mở địa chỉ dưới đây để xác minh:")
    canvas.drawString(tx, 76, url)

    _signer_block(canvas, data, w - 215, 190, 300)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# ---- the confirmation of completion --------------------------------------------------------


def render_confirmation(data: dict) -> bytes:
    """ "Giấy xác nhận hoàn thành" from a certificate's record (a lost certificate, or proof of
    completion before the certificate itself is needed): A4 portrait, unsigned."""
    buffer = io.BytesIO()
    canvas = _new_canvas(
        buffer,
        PAGE_PORTRAIT,
        title=f"{CONFIRMATION_HEADING} {data.get('serial') or ''}".strip(),
        subject=data.get("course_title") or "",
        when=data.get("issued_on"),
    )
    w, h = PAGE_PORTRAIT
    _issuer_header(canvas, data.get("issuing_body"), 150, h - 60, 220)
    _national_header(canvas, w - 165, h - 60, 270)

    canvas.setFillColorRGB(*ACCENT)
    lines, size = _fit_lines(
        CONFIRMATION_HEADING, fonts.BOLD, 22, w - 100, min_size=14, max_lines=1
    )
    _centred_lines(canvas, lines, fonts.BOLD, size, w / 2, h - 165)
    canvas.setFillColorRGB(0, 0, 0)

    left, width = 70, w - 140
    rows = [
        ("Họ và tên", data.get("full_name")),
        ("Mã cán bộ", data.get("employee_code")),
        ("Chức vụ", data.get("position_name")),
        ("Phòng/ban", data.get("department_name")),
        ("Đơn vị", data.get("unit_name")),
        ("Khóa bồi dưỡng", data.get("course_title")),
        ("Số tiết", format_tiet(data.get("tiet"))),
        (
            "Kết quả",
            f"{data['score_percent']}%" if data.get("score_percent") is not None else "",
        ),
        ("Ngày hoàn thành", format_date(data.get("completed_on"))),
        ("Ngày cấp chứng nhận", format_date(data.get("issued_on"))),
        ("Giá trị đến", format_date(data.get("valid_until")) or "không có thời hạn"),
        ("Số hiệu giấy chứng nhận", data.get("serial")),
        ("Số vào sổ", data.get("register_number")),
    ]
    y = h - 205
    canvas.setFont(fonts.REGULAR, 12)
    canvas.drawString(left, y, f"{data.get('issuing_body') or ''} xác nhận:")
    y -= 26
    label_w = 165
    for label, value in rows:
        if not value:
            continue
        canvas.setFont(fonts.REGULAR, 12)
        canvas.drawString(left, y, f"{label}:")
        lines = simpleSplit(str(value), fonts.BOLD, 12, width - label_w)
        canvas.setFont(fonts.BOLD, 12)
        for line in lines:
            canvas.drawString(left + label_w, y, line)
            y -= 16
        y -= 5
    y -= 8
    canvas.setFont(fonts.ITALIC, 11)
    text = (
        f"{data.get('wording') or 'Đã hoàn thành khóa bồi dưỡng'} nêu trên. Giấy xác nhận này "
        "được lập từ sổ cấp giấy chứng nhận; bản giấy chứng nhận có chữ ký số là bản chính thức."
    )
    for line in simpleSplit(text, fonts.ITALIC, 11, width):
        canvas.drawString(left, y, line)
        y -= 15

    url = data.get("verification_url") or ""
    if url:
        draw_qr(canvas, url, left - 8, 70, 92)
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.drawString(left - 8, 60, url)
    _signer_block(canvas, data, w - 160, 250, 240)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# ---- the transcript -----------------------------------------------------------------------------

_COLUMNS = (  # (title, width in points)
    ("STT", 30),
    ("Ngày", 62),
    ("Nội dung", 198),
    ("Số tiết", 45),
    ("Hình thức", 80),
    ("Số hiệu", 100),
)
_ROW_FONT = 9.5
_LEADING = 12


def _transcript_lines(person: dict, rows: list[dict]):
    """Lay the table out as a flat list of ('year'|'row'|'total', payload, height) items."""
    items = []
    title_w = _COLUMNS[2][1] - 6
    by_year: dict[int, list[dict]] = {}
    for row in sorted(rows, key=lambda r: (r["year"], r["date"], r["title"])):
        by_year.setdefault(row["year"], []).append(row)
    number = 0
    for year, year_rows in sorted(by_year.items()):
        items.append(("year", year, 20))
        total = Decimal(0)
        for row in year_rows:
            number += 1
            total += Decimal(str(row.get("tiet") or 0))
            wrapped = simpleSplit(row.get("title") or "", fonts.REGULAR, _ROW_FONT, title_w) or [""]
            items.append(("row", (number, row, wrapped), len(wrapped) * _LEADING + 6))
        items.append(("total", (year, total), 20))
    return items


def render_transcript(person: dict, rows: list[dict]) -> bytes:
    """The learner's transcript: every credited row with tiết, grouped by year with the year's
    total; as many A4 portrait pages as the rows need, the header repeated on each."""
    fonts.register_fonts()
    items = _transcript_lines(person, rows)
    w, h = PAGE_PORTRAIT
    first_top, other_top, bottom = h - 215, h - 70, 60
    pages: list[list] = [[]]
    y = first_top
    for item in items:
        height = item[2]
        if y - height < bottom and pages[-1]:
            pages.append([])
            y = other_top
        pages[-1].append(item)
        y -= height

    latest = max((r["date"] for r in rows), default=None)
    buffer = io.BytesIO()
    canvas = _new_canvas(
        buffer,
        PAGE_PORTRAIT,
        title=f"{TRANSCRIPT_HEADING} - {person.get('full_name') or ''}",
        subject=TRANSCRIPT_HEADING,
        when=latest,
    )
    left = (w - sum(c[1] for c in _COLUMNS)) / 2
    grand_total = sum((Decimal(str(r.get("tiet") or 0)) for r in rows), Decimal(0))
    for index, page in enumerate(pages):
        if index == 0:
            _national_header(canvas, w / 2, h - 55, 400)
            canvas.setFillColorRGB(*ACCENT)
            canvas.setFont(fonts.BOLD, 18)
            canvas.drawCentredString(w / 2, h - 115, TRANSCRIPT_HEADING)
            canvas.setFillColorRGB(0, 0, 0)
            canvas.setFont(fonts.REGULAR, 11)
            canvas.drawString(left, h - 145, f"Họ và tên: {person.get('full_name') or ''}")
            canvas.drawString(left, h - 161, f"Mã cán bộ: {person.get('employee_code') or ''}")
            canvas.drawString(left, h - 177, f"Đơn vị: {person.get('unit_name') or ''}")
            canvas.drawString(left, h - 193, f"Tổng cộng: {format_tiet(grand_total)} tiết")
            y = first_top
        else:
            y = other_top
        y = _table_header(canvas, left, y)
        for kind, payload, height in page:
            y = _table_item(canvas, left, y, kind, payload, height)
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.drawCentredString(w / 2, 30, f"Trang {index + 1}/{len(pages)}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _table_header(canvas, left, y):
    total_w = sum(c[1] for c in _COLUMNS)
    canvas.setFillColorRGB(0.90, 0.92, 0.96)
    canvas.rect(left, y - 18, total_w, 18, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(fonts.BOLD, _ROW_FONT)
    x = left
    for title, width in _COLUMNS:
        canvas.drawString(x + 3, y - 13, title)
        x += width
    return y - 18


def _table_item(canvas, left, y, kind, payload, height):
    total_w = sum(c[1] for c in _COLUMNS)
    canvas.setLineWidth(0.4)
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    if kind == "year":
        canvas.setFont(fonts.BOLD, 10)
        canvas.drawString(left + 3, y - 14, f"Năm {payload}")
    elif kind == "total":
        year, total = payload
        canvas.setFont(fonts.BOLD, _ROW_FONT)
        canvas.drawRightString(
            left + sum(c[1] for c in _COLUMNS[:3]) - 3, y - 14, f"Tổng năm {year}:"
        )
        canvas.drawString(left + sum(c[1] for c in _COLUMNS[:3]) + 3, y - 14, format_tiet(total))
    else:
        number, row, wrapped = payload
        canvas.setFont(fonts.REGULAR, _ROW_FONT)
        cells = [
            str(number),
            format_date(row.get("date")),
            None,
            format_tiet(row.get("tiet")),
            row.get("source") or "",
            row.get("serial") or "",
        ]
        x = left
        for (_title, width), cell in zip(_COLUMNS, cells, strict=True):
            if cell is None:
                ly = y - 12
                for line in wrapped:
                    canvas.drawString(x + 3, ly, line)
                    ly -= _LEADING
            else:
                text = cell
                while text and stringWidth(text, fonts.REGULAR, _ROW_FONT) > width - 6:
                    text = text[:-1]
                canvas.drawString(x + 3, y - 12, text)
            x += width
    canvas.line(left, y - height, left + total_w, y - height)
    return y - height
