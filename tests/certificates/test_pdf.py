"""Certificate, confirmation and transcript PDFs, checked with independent tools (poppler,
zbar): the printed text with its diacritics, the QR code, the page size, embedded fonts."""

import re
from datetime import date
from decimal import Decimal

import pytest

from certificates import pdf
from tests.certificates import pdf_tools
from tests.certificates.sample_data import render_data


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def certificate_pdf():
    return pdf.render_certificate(render_data())


def test_certificate_text_carries_the_snapshot_with_diacritics(certificate_pdf):
    text = _flat(pdf_tools.pdftotext(certificate_pdf))
    data = render_data()
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "SỞ NỘI VỤ THÀNH PHỐ HỒ CHÍ MINH",
        "GIẤY CHỨNG NHẬN",
        data["full_name"],
        data["unit_name"],
        data["department_name"],
        data["course_title"],
        "Thời lượng: 16,5 tiết",
        "Kết quả: 92%",
        "Hoàn thành ngày 01/12/2026",
        "có giá trị đến ngày 02/12/2027",
        "TP. Hồ Chí Minh, ngày 02 tháng 12 năm 2026",
        "Số hiệu: ATTT-2026-000123",
        "Số vào sổ: SNV-2026-000123",
        "GIÁM ĐỐC",
        data["signer_name"],
        data["verification_url"],
    ):
        assert expected in text, expected


def test_qr_code_decodes_to_the_verification_url_at_150_dpi(certificate_pdf):
    assert pdf_tools.decode_qr(certificate_pdf, dpi=150) == [render_data()["verification_url"]]


def test_page_is_a4_landscape_and_fonts_are_embedded(certificate_pdf):
    info = pdf_tools.pdfinfo(certificate_pdf)
    assert info["Pages"] == "1"
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == (842, 595)
    fonts = pdf_tools.pdffonts(certificate_pdf)
    assert fonts, "no fonts listed"
    assert all(f["emb"] for f in fonts), [f["line"] for f in fonts]
    assert all("NotoSerif" in f["name"] for f in fonts)


def test_same_input_renders_byte_identical_pdf():
    assert pdf.render_certificate(render_data()) == pdf.render_certificate(render_data())


def test_different_name_changes_the_pdf(certificate_pdf):
    other = pdf.render_certificate(render_data(full_name="Lê Văn Tám"))
    assert other != certificate_pdf
    assert "Lê Văn Tám" in pdf_tools.pdftotext(other)


def test_very_long_name_and_course_stay_on_the_page_whole():
    name = "Tôn Nữ Thị Hoàng Phương Quỳnh Như Ngọc Bảo Trâm Khánh Linh Nguyễn Huỳnh Đức Anh"
    course = (
        "Khóa bồi dưỡng chuyên sâu về an toàn thông tin, an ninh mạng, bảo vệ dữ liệu cá nhân "
        "và ứng phó sự cố cho cán bộ, công chức, viên chức và người lao động cấp xã, phường, "
        "đặc khu trên địa bàn Thành phố Hồ Chí Minh sau sắp xếp đơn vị hành chính"
    )
    out = pdf.render_certificate(render_data(full_name=name, course_title=course))
    assert pdf_tools.pdfinfo(out)["Pages"] == "1"
    text = _flat(pdf_tools.pdftotext(out))
    assert name in text or all(word in text for word in name.split())
    assert all(word in text for word in course.split())
    # The bounding boxes of every word lie inside the page (nothing drawn off the edge).
    tool = pdf_tools.require_tool("pdftotext")
    import subprocess

    boxes = subprocess.run(
        [tool, "-q", "-bbox", "-", "-"], input=out, capture_output=True, check=True
    ).stdout.decode("utf-8")
    xs = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    x_min = [float(x) for x in re.findall(r'xMin="([\d.]+)"', boxes)]
    assert xs and max(xs) < 842 - 25 and min(x_min) > 25
    assert pdf_tools.decode_qr(out) == [render_data()["verification_url"]]


def test_no_score_no_expiry_and_no_seal_still_render():
    out = pdf.render_certificate(render_data(score_percent=None, valid_until=None, seal_image=None))
    text = _flat(pdf_tools.pdftotext(out))
    assert "Kết quả" not in text
    assert "không có thời hạn" in text


def test_background_image_is_drawn_under_the_text():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (420, 297), (250, 244, 225)).save(buffer, "PNG")
    plain = pdf.render_certificate(render_data())
    out = pdf.render_certificate(render_data(background_image=buffer.getvalue()))
    assert out != plain
    assert "Nguyễn Thị Ánh Tuyết" in pdf_tools.pdftotext(out)
    assert pdf_tools.decode_qr(out) == [render_data()["verification_url"]]


def test_formatting_helpers():
    assert pdf.format_tiet(Decimal("16.0")) == "16"
    assert pdf.format_tiet(Decimal("1.50")) == "1,5"
    assert pdf.format_tiet(4) == "4"
    assert pdf.format_date(date(2026, 8, 6)) == "06/08/2026"
    assert (
        pdf.format_place_date("TP. Hồ Chí Minh", date(2026, 12, 2))
        == "TP. Hồ Chí Minh, ngày 02 tháng 12 năm 2026"
    )


def test_confirmation_of_completion_from_the_same_data():
    out = pdf.render_confirmation(render_data())
    text = _flat(pdf_tools.pdftotext(out))
    for expected in (
        "GIẤY XÁC NHẬN HOÀN THÀNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Nguyễn Thị Ánh Tuyết",
        "CB-0001234",
        "An toàn thông tin và bảo vệ dữ liệu cá nhân cho cán bộ, công chức cấp xã",
        "ATTT-2026-000123",
        "SNV-2026-000123",
        "16,5",
        "01/12/2026",
    ):
        assert expected in text, expected
    assert pdf_tools.decode_qr(out) == [render_data()["verification_url"]]


def _rows(count):
    rows = []
    for i in range(count):
        year = 2024 + i % 3
        rows.append(
            {
                "year": year,
                "date": date(year, 1 + i % 12, 1 + i % 27),
                "title": f"Bài học {i}: Nhận diện lừa đảo qua Zalo và ứng dụng giả mạo VNeID",
                "tiet": Decimal("1.5"),
                "source": "Khóa học",
                "serial": f"ATTT-{year}-{i:06d}" if i % 2 else None,
            }
        )
    return rows


def test_transcript_lists_every_row_with_yearly_totals_over_several_pages():
    rows = _rows(90)
    person = {
        "full_name": "Phạm Thị Hồng Nhung",
        "employee_code": "CB-42",
        "unit_name": "Xã Cần Giờ",
    }
    out = pdf.render_transcript(person, rows)
    pages = int(pdf_tools.pdfinfo(out)["Pages"])
    assert pages >= 3
    text = _flat(pdf_tools.pdftotext(out))
    assert "BẢNG KẾT QUẢ BỒI DƯỠNG" in text
    assert "Phạm Thị Hồng Nhung" in text and "Xã Cần Giờ" in text
    for i in range(90):
        assert f"Bài học {i}:" in text
    # 30 rows a year x 1,5 tiết = 45 tiết each year; 135 in all.
    for year in (2024, 2025, 2026):
        assert f"Tổng năm {year}: 45" in text
    assert "Tổng cộng: 135 tiết" in text
    assert f"Trang {pages}/{pages}" in text
    assert "ATTT-2025-000001" in text  # serials are printed whole


def test_empty_transcript_is_one_page():
    out = pdf.render_transcript({"full_name": "A", "employee_code": "", "unit_name": ""}, [])
    assert pdf_tools.pdfinfo(out)["Pages"] == "1"
