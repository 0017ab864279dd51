"""The curriculum of DESIGN.md as data: module_01..12 (main course) and refresher (annual course).

`COMPETENCY_NAMES` gives the Vietnamese name of each topic tag used by the modules; tags not
listed here get a name derived from the slug."""

from importlib import import_module

MAIN_COURSE = {
    "slug": "an-toan-thong-tin-bao-ve-du-lieu-ca-nhan",
    "title": "An toàn thông tin và bảo vệ dữ liệu cá nhân cho cán bộ, công chức cấp xã",
    "summary": (
        "Chương trình bồi dưỡng cốt lõi cho cán bộ, công chức, người lao động của phường, xã, đặc khu: "
        "khung pháp lý mới, nhận diện lừa đảo, bảo vệ tài khoản và máy trạm, bảo vệ dữ liệu cá nhân "
        "của người dân tại bộ phận một cửa, ứng phó sự cố và vai trò người đứng đầu."
    ),
    "objectives": [
        "Sau khóa học, anh/chị có thể nêu các văn bản pháp luật hiện hành về an ninh mạng và bảo vệ dữ liệu cá nhân và trách nhiệm của bản thân.",
        "Sau khóa học, anh/chị có thể nhận diện và xử lý đúng các thủ đoạn lừa đảo, tấn công phi kỹ thuật thường gặp.",
        "Sau khóa học, anh/chị có thể bảo vệ tài khoản công vụ, máy trạm và dữ liệu cá nhân của người dân trong công việc hằng ngày.",
        "Sau khóa học, anh/chị có thể phát hiện, báo cáo sự cố kịp thời và biết nghĩa vụ thông báo vi phạm trong 72 giờ.",
    ],
}

COMPETENCY_NAMES = {
    "phap-ly": "Khung pháp lý",
    "bao-ve-du-lieu-ca-nhan": "Bảo vệ dữ liệu cá nhân",
    "lua-dao": "Nhận diện lừa đảo",
    "nhan-thuc-an-toan": "Nhận thức an toàn thông tin",
    "tai-khoan-xac-thuc": "Tài khoản và xác thực",
    "may-tram": "An toàn máy trạm",
    "ung-pho-su-co": "Ứng phó sự cố",
    "van-ban-dien-tu": "Văn bản điện tử",
    "chu-ky-so": "Chữ ký số",
    "mot-cua": "Bộ phận một cửa",
    "quyen-chu-the": "Quyền của chủ thể dữ liệu",
    "phan-loai-thong-tin": "Phân loại thông tin",
    "chia-se-an-toan": "Chia sẻ thông tin an toàn",
    "ai-va-dam-may": "AI và dịch vụ đám mây",
    "lam-viec-tu-xa": "Làm việc từ xa",
    "thiet-bi-di-dong": "Thiết bị di động",
    "vi-pham-du-lieu": "Vi phạm dữ liệu cá nhân",
    "bao-cao-su-co": "Báo cáo sự cố",
    "trach-nhiem-lanh-dao": "Trách nhiệm người đứng đầu",
    "cap-do-an-toan": "Cấp độ an toàn hệ thống thông tin",
    "on-tap-thuong-nien": "Ôn tập thường niên",
    "cam-ket": "Cam kết an toàn thông tin",
    "canh-bao-2026": "Cảnh báo thủ đoạn mới",
}


def main_modules():
    return [import_module(f"courses.curriculum.module_{number:02d}").MODULE for number in range(1, 13)]


def refresher_course():
    return import_module("courses.curriculum.refresher").COURSE
