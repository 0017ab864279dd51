from decimal import Decimal

MODULE = {
    "number": 5,
    "slug": "thu-cong-vu-chu-ky-so",
    "title": "Thư điện tử công vụ, văn bản điện tử và chữ ký số",
    "tracks": ["A"],
    "tiet": Decimal("1.5"),
    "minutes": 68,
    "summary": (
        "Sử dụng đúng thư điện tử công vụ và hệ thống quản lý văn bản; bảo vệ thiết bị ký số và mã PIN; "
        "kiểm tra chữ ký số trên văn bản điện tử và nhận diện văn bản chỉ đạo giả mạo."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể chỉ dùng thư điện tử công vụ và hệ thống quản lý văn bản và điều hành để trao đổi văn bản, tài liệu công việc.",
        "Sau bài này, anh/chị có thể bảo quản thiết bị ký số, giữ bí mật mã PIN và biết phải làm gì khi mất thiết bị.",
        "Sau bài này, anh/chị có thể kiểm tra chữ ký số trên một văn bản điện tử nhận được.",
        "Sau bài này, anh/chị có thể nhận ra văn bản chỉ đạo giả mạo lan truyền qua Zalo, Facebook hoặc thư điện tử lạ.",
    ],
    "tags": ["van-ban-dien-tu", "chu-ky-so"],
    "body": [
        ("heading", "Kênh chính thức cho văn bản công việc"),
        (
            "paragraph",
            "<p>Văn bản điện tử được ký số hợp lệ và gửi qua hệ thống chính thức có giá trị pháp lý như văn bản giấy. "
            "Ngược lại, một tấm ảnh chụp công văn gửi qua Zalo chỉ là thông tin tham khảo, không thể hiện được ai đã ban hành "
            "và văn bản có bị sửa hay không. Vì vậy, cán bộ, công chức cần phân biệt rõ:</p>"
            "<ul>"
            "<li><strong>Thư điện tử công vụ</strong>: hộp thư do Thành phố cấp, dùng để trao đổi công việc. Không dùng hộp thư cá nhân "
            "miễn phí để gửi, nhận tài liệu công việc, không đặt chế độ tự động chuyển thư công vụ sang hộp thư cá nhân.</li>"
            "<li><strong>Hệ thống quản lý văn bản và điều hành</strong>: nơi tiếp nhận, xử lý, phát hành văn bản đến và văn bản đi. "
            "Văn bản chỉ đạo phải được kiểm tra trên hệ thống này.</li>"
            "<li><strong>Nhóm Zalo công việc</strong>: chỉ nên dùng để nhắc việc, thông báo nhanh. Không gửi văn bản có dữ liệu cá nhân, "
            "văn bản mật, và không coi tin nhắn Zalo là căn cứ thay thế văn bản chính thức.</li>"
            "</ul>"
        ),
        (
            "callout",
            {
                "kind": "legal",
                "title": "Căn cứ pháp lý",
                "body": "<p>Luật Giao dịch điện tử 2023 (số 20/2023/QH15, hiệu lực từ 01/7/2024) công nhận giá trị pháp lý của thông điệp dữ liệu "
                "và chữ ký điện tử, trong đó có chữ ký số. Nghị định 68/2024/NĐ-CP quy định về chữ ký số chuyên dùng công vụ, "
                "loại chữ ký số cấp cho cơ quan, cán bộ, công chức để ký văn bản trong hoạt động công vụ. Luật Bảo vệ bí mật nhà nước 2018 "
                "(số 29/2018/QH14) nghiêm cấm truyền đưa bí mật nhà nước trên phương tiện thông tin, viễn thông trái với quy định của pháp luật về cơ yếu; "
                "vì vậy văn bản mật không được gửi qua thư điện tử thông thường hay mạng xã hội.</p>",
            },
        ),
        ("heading", "Bảo vệ thiết bị ký số và mã PIN"),
        (
            "paragraph",
            "<p>Thiết bị ký số (thường là USB ký số hoặc chứng thư số trên thiết bị di động) cùng mã PIN chính là “con dấu và chữ ký” "
            "của anh/chị trên môi trường điện tử. Ai có cả hai thứ này đều có thể ký văn bản dưới tên anh/chị.</p>"
            "<ul>"
            "<li>Giữ thiết bị ký số bên mình hoặc cất trong ngăn có khóa; không để cắm sẵn trên máy khi rời bàn.</li>"
            "<li>Đổi mã PIN mặc định ngay khi nhận thiết bị; không ghi PIN lên thiết bị, vỏ hộp hay giấy dán cạnh máy.</li>"
            "<li>Không giao thiết bị và mã PIN cho văn thư, chuyên viên hay người thân ký thay. Nếu cần người khác xử lý, dùng cơ chế "
            "ủy quyền, phân công theo quy định.</li>"
            "<li>Khi mất thiết bị, nghi bị lộ PIN hoặc chuyển công tác, báo ngay cho cán bộ đầu mối và đơn vị quản lý chứng thư số "
            "để tạm dừng hoặc thu hồi chứng thư.</li>"
            "</ul>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Chủ tịch phường thường xuyên phải họp ở Thành phố. Để văn bản không bị chậm, văn phòng đề xuất "
                "Chủ tịch để lại USB ký số và mã PIN cho văn thư ký hộ những văn bản “đã duyệt miệng”.",
                "question": "Nhận xét nào đúng?",
                "options": [
                    {
                        "text": "Chấp nhận được vì văn thư là người đáng tin cậy và chỉ ký những văn bản đã duyệt.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Chữ ký số gắn với cá nhân người được cấp; người khác ký thay là sai quy định và làm mất giá trị xác thực của chữ ký.",
                    },
                    {
                        "text": "Không được; Chủ tịch có thể ký số từ xa bằng chứng thư số trên thiết bị di động nếu được cấp, hoặc ủy quyền, giao cấp phó ký thay theo quy định.",
                        "is_correct": True,
                        "feedback": "Đúng. Có nhiều cách hợp lệ để văn bản không bị chậm mà không phải giao thiết bị và mã PIN cho người khác.",
                    },
                    {
                        "text": "Được, miễn là đổi mã PIN sau khi Chủ tịch về.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Đổi PIN sau đó không xóa được những văn bản đã bị ký sai thẩm quyền trong thời gian giao thiết bị.",
                    },
                ],
            },
        ),
        ("heading", "Kiểm tra chữ ký số trên văn bản nhận được"),
        (
            "paragraph",
            "<p>Với văn bản điện tử quan trọng, đặc biệt văn bản yêu cầu cung cấp dữ liệu, chuyển tiền hoặc thay đổi quy trình, "
            "anh/chị nên kiểm tra:</p>"
            "<ol>"
            "<li>Văn bản có <strong>chữ ký số</strong> thật sự hay chỉ có hình ảnh chữ ký và con dấu được chèn vào. Hình ảnh không phải chữ ký số.</li>"
            "<li>Phần mềm đọc văn bản hoặc phần mềm kiểm tra chữ ký do đơn vị cung cấp báo chữ ký <strong>hợp lệ</strong>, "
            "văn bản <strong>không bị thay đổi</strong> sau khi ký.</li>"
            "<li>Chứng thư số do tổ chức cung cấp dịch vụ chứng thực chữ ký số chuyên dùng công vụ cấp, và <strong>tên người, cơ quan ký</strong> "
            "khớp với cơ quan ban hành ghi trên văn bản.</li>"
            "<li>Văn bản có trên hệ thống quản lý văn bản và điều hành, hoặc được gửi từ hộp thư công vụ của cơ quan ban hành.</li>"
            "</ol>"
            "<p>Nếu phần mềm báo chữ ký không hợp lệ hoặc không xác định, đừng xử lý theo văn bản đó; hãy hỏi văn phòng hoặc cán bộ đầu mối.</p>"
        ),
        ("heading", "Nhận diện văn bản chỉ đạo giả mạo"),
        (
            "paragraph",
            "<p>Trong giai đoạn sắp xếp bộ máy, nhiều văn bản được ban hành dồn dập. Kẻ gian lợi dụng điều đó để lan truyền “công văn” "
            "giả dưới dạng ảnh chụp hoặc tệp PDF qua Zalo, Facebook, yêu cầu phường, xã “rà soát, cập nhật danh sách cán bộ kèm số tài khoản”, "
            "“nộp phí đào tạo bắt buộc” hay “cài phần mềm quản lý mới”. Dấu hiệu đáng ngờ gồm: văn bản không có trên hệ thống quản lý văn bản, "
            "số và ký hiệu không theo quy ước của cơ quan ban hành, tên cơ quan cũ đã không còn sau sáp nhập, yêu cầu chuyển tiền hoặc gửi dữ liệu "
            "qua kênh không chính thức, người ký không đúng thẩm quyền. Khi gặp văn bản như vậy, không làm theo, không chia sẻ lại, "
            "hãy báo văn phòng và cán bộ đầu mối để xác minh với cơ quan được cho là đã ban hành.</p>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Nhóm Zalo cán bộ phường lan truyền ảnh chụp một “công văn của Sở” yêu cầu mỗi phường gửi danh sách hộ nghèo "
                "kèm số định danh về một địa chỉ thư điện tử miễn phí trước 16 giờ cùng ngày.",
                "question": "Dấu hiệu nào cho thấy văn bản có khả năng giả mạo?",
                "options": [
                    {
                        "text": "Văn bản có đóng dấu đỏ nên chắc chắn là thật.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Hình ảnh con dấu rất dễ cắt ghép; dấu trên ảnh chụp không chứng minh được nguồn gốc văn bản.",
                    },
                    {
                        "text": "Yêu cầu gửi dữ liệu cá nhân về hộp thư miễn phí, thời hạn gấp và văn bản chỉ lan truyền qua Zalo, không có trên hệ thống quản lý văn bản.",
                        "is_correct": True,
                        "feedback": "Đúng. Cơ quan nhà nước trao đổi dữ liệu qua hệ thống chính thức; hộp thư miễn phí và thời hạn gấp là dấu hiệu điển hình của giả mạo.",
                    },
                    {
                        "text": "Không có dấu hiệu nào, vì Sở thường xuyên yêu cầu báo cáo gấp.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Yêu cầu gấp là bình thường, nhưng gửi dữ liệu dân cư về hộp thư cá nhân thì không.",
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "note",
                "title": "Thói quen nhỏ, hiệu quả lớn",
                "body": "<p>Trước khi bấm gửi thư công vụ, hãy đọc lại địa chỉ người nhận. Nhiều sự cố lộ dữ liệu xảy ra chỉ vì chức năng "
                "tự gợi ý địa chỉ chọn nhầm người có tên gần giống.</p>",
            },
        ),
        (
            "accordion",
            {
                "title": "Câu hỏi thường gặp",
                "items": [
                    {
                        "question": "Tôi có được chuyển tiếp thư công vụ sang Gmail để đọc trên điện thoại không?",
                        "answer": "<p>Không nên. Hãy dùng ứng dụng hoặc trang thư công vụ chính thức trên điện thoại, có khóa màn hình. "
                        "Chuyển thư sang hộp thư cá nhân làm dữ liệu ra khỏi sự quản lý của cơ quan.</p>",
                    },
                    {
                        "question": "Văn bản scan có hình chữ ký và con dấu có phải văn bản điện tử hợp lệ không?",
                        "answer": "<p>Bản scan chỉ là hình ảnh của văn bản giấy. Văn bản điện tử có giá trị pháp lý khi được ký số hợp lệ "
                        "và phát hành qua hệ thống theo quy định.</p>",
                    },
                    {
                        "question": "Quên mã PIN, nhập sai nhiều lần thì sao?",
                        "answer": "<p>Nhiều thiết bị sẽ tự khóa sau một số lần nhập sai. Không thử đoán liên tục; hãy liên hệ cán bộ đầu mối "
                        "để được hướng dẫn thủ tục mở khóa hoặc cấp lại theo quy định.</p>",
                    },
                ],
            },
        ),
    ],
}
