"""A certificate's render data (the contract's keys) for tests that need no database."""

import io
from datetime import date
from decimal import Decimal


def seal_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((8, 8, 232, 232), outline=(190, 20, 20, 255), width=12)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def render_data(**overrides) -> dict:
    data = {
        "full_name": "Nguyễn Thị Ánh Tuyết",
        "employee_code": "CB-0001234",
        "unit_name": "Phường Bến Thành",
        "department_name": "Bộ phận tiếp nhận và trả kết quả",
        "position_name": "Công chức Văn phòng - Thống kê",
        "course_title": "An toàn thông tin và bảo vệ dữ liệu cá nhân cho cán bộ, công chức cấp xã",
        "tiet": Decimal("16.5"),
        "score_percent": 92,
        "completed_on": date(2026, 12, 1),
        "issued_on": date(2026, 12, 2),
        "valid_until": date(2027, 12, 2),
        "serial": "ATTT-2026-000123",
        "register_number": "SNV-2026-000123",
        "verification_url": "http://127.0.0.1:8000/xac-minh/Ab3dEfGh1jKlMnOpQrStUvWx/",
        "verification_code": "Ab3dEfGh1jKlMnOpQrStUvWx",
        "issuing_body": "Sở Nội vụ Thành phố Hồ Chí Minh",
        "issuing_place": "TP. Hồ Chí Minh",
        "signer_name": "Trần Văn Bình",
        "signer_title": "Giám đốc",
        "heading": "GIẤY CHỨNG NHẬN",
        "wording": "Đã hoàn thành khóa bồi dưỡng",
        "template_version": 1,
        "seal_image": seal_png(),
        "background_image": None,
    }
    data.update(overrides)
    return data
