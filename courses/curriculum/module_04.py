from decimal import Decimal

MODULE = {
    "number": 4,
    "slug": "may-tram-ma-doc",
    "title": "An toàn máy trạm, thiết bị cũ, USB và mã độc tống tiền",
    "tracks": ["A", "D"],
    "tiet": Decimal("1.5"),
    "minutes": 68,
    "summary": (
        "Giữ máy tính làm việc, kể cả máy cũ, được cập nhật và bảo vệ; sử dụng USB an toàn; nhận biết mã độc tống tiền, "
        "xử lý ban đầu đúng cách và duy trì sao lưu theo nguyên tắc 3-2-1."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể kiểm tra và duy trì việc cập nhật hệ điều hành, phần mềm và phần mềm phòng chống mã độc trên máy trạm.",
        "Sau bài này, anh/chị có thể sử dụng USB và thiết bị lưu trữ ngoài theo đúng quy tắc an toàn của đơn vị.",
        "Sau bài này, anh/chị có thể nhận biết dấu hiệu mã độc tống tiền và thực hiện các bước xử lý ban đầu: ngắt kết nối, báo cán bộ đầu mối.",
        "Sau bài này, anh/chị có thể giải thích và áp dụng nguyên tắc sao lưu 3-2-1 cho dữ liệu công việc.",
    ],
    "tags": ["may-tram", "ung-pho-su-co"],
    "body": [
        ("heading", "Máy trạm là cửa ngõ của cả mạng nội bộ"),
        (
            "paragraph",
            "<p>Sau khi sắp xếp đơn vị hành chính, nhiều phường, xã tiếp nhận thêm trụ sở, máy tính và thiết bị từ các đơn vị cũ. "
            "Có máy đã dùng trên mười năm, có máy còn chạy hệ điều hành không còn được hỗ trợ, có máy không rõ ai đang quản lý. "
            "Chỉ cần một máy như vậy nhiễm mã độc, mã độc có thể lan sang máy khác trong cùng mạng, kể cả máy đang kết nối "
            "với các hệ thống của Thành phố.</p>"
            "<p>Vì vậy, an toàn máy trạm không chỉ là việc của cán bộ công nghệ thông tin. Người ngồi trước máy mỗi ngày là người "
            "nhận ra sớm nhất khi có điều bất thường.</p>"
        ),
        ("heading", "Giữ máy được cập nhật, kể cả máy cũ"),
        (
            "paragraph",
            "<ul>"
            "<li><strong>Không tắt cập nhật</strong>. Khi máy thông báo cập nhật, hãy để máy cài đặt vào cuối giờ làm việc thay vì hoãn mãi.</li>"
            "<li><strong>Kiểm tra phiên bản hệ điều hành</strong>. Windows 7 đã ngừng được hỗ trợ từ năm 2020, Windows 10 ngừng được hỗ trợ "
            "từ tháng 10/2025. Máy còn dùng các phiên bản này không còn nhận bản vá bảo mật thường xuyên; hãy báo cán bộ đầu mối để có "
            "phương án nâng cấp, thay thế hoặc hạn chế chỉ dùng cho việc không kết nối mạng.</li>"
            "<li><strong>Phần mềm phòng chống mã độc</strong> phải đang chạy và được cập nhật. Không tự gỡ vì “máy chậm”.</li>"
            "<li><strong>Không tự cài phần mềm</strong> bẻ khóa, phần mềm không rõ nguồn gốc, tiện ích tải từ trang lạ, kể cả bộ gõ tiếng Việt "
            "hay phần mềm đọc PDF. Khi cần, đề nghị cán bộ đầu mối cài bản chính thức.</li>"
            "<li><strong>Khóa màn hình</strong> mỗi khi rời chỗ ngồi bằng tổ hợp phím Windows + L.</li>"
            "</ul>"
        ),
        ("heading", "USB và thiết bị lưu trữ ngoài"),
        (
            "paragraph",
            "<p>USB là cách tiện lợi để chép dữ liệu, nhưng cũng là đường lây mã độc phổ biến giữa máy cơ quan, máy ở nhà và máy "
            "của dịch vụ in ấn, photo. Hãy áp dụng các quy tắc sau:</p>"
            "<ol>"
            "<li>Chỉ dùng USB do đơn vị cấp hoặc đã được đăng ký với cán bộ đầu mối cho dữ liệu công việc.</li>"
            "<li>Không cắm USB nhặt được, USB quà tặng hội nghị hoặc USB người dân đưa vào máy đang xử lý hồ sơ. Nếu người dân cần nộp tệp, "
            "hướng dẫn nộp qua Cổng Dịch vụ công.</li>"
            "<li>Quét bằng phần mềm phòng chống mã độc trước khi mở tệp trong USB.</li>"
            "<li>Không lưu dữ liệu cá nhân của người dân trên USB lâu dài; nếu buộc phải chép, dùng USB có mã hóa và xóa ngay sau khi dùng xong.</li>"
            "<li>Tài liệu có đóng dấu độ mật chỉ được chép vào thiết bị lưu trữ dành riêng cho bí mật nhà nước theo quy định, "
            "không dùng chung USB với tài liệu thường.</li>"
            "</ol>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Một người dân đến bộ phận một cửa, đưa USB và nhờ cán bộ in giúp bản scan giấy tờ vì “ở nhà không có máy in”.",
                "question": "Cán bộ nên xử lý thế nào?",
                "options": [
                    {
                        "text": "Cắm USB vào máy tiếp nhận hồ sơ để in cho nhanh, vì người dân đang chờ.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. USB không rõ nguồn gốc có thể chứa mã độc và lây sang máy đang kết nối các hệ thống giải quyết thủ tục.",
                    },
                    {
                        "text": "Lịch sự từ chối cắm USB vào máy làm việc, hướng dẫn người dân nộp hồ sơ trực tuyến hoặc dùng máy phục vụ người dân tách biệt nếu đơn vị có bố trí.",
                        "is_correct": True,
                        "feedback": "Đúng. Máy xử lý hồ sơ phải được bảo vệ; nhu cầu của người dân vẫn được đáp ứng qua kênh an toàn hơn.",
                    },
                    {
                        "text": "Cắm USB, nếu phần mềm phòng chống mã độc không báo gì thì mở tệp.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Phần mềm phòng chống mã độc không phát hiện được mọi loại mã độc mới; máy tiếp nhận hồ sơ không nên nhận thiết bị lạ.",
                    },
                ],
            },
        ),
        ("heading", "Mã độc tống tiền (ransomware): nhận biết và xử lý ban đầu"),
        (
            "paragraph",
            "<p>Mã độc tống tiền, tiếng Anh là ransomware, là loại mã độc mã hóa toàn bộ tệp trên máy và ổ mạng, rồi đòi tiền chuộc "
            "để giải mã. Nhiều nhóm tấn công còn lấy cắp dữ liệu trước khi mã hóa và dọa công bố. Dấu hiệu thường gặp:</p>"
            "<ul>"
            "<li>Tệp Word, Excel, PDF không mở được, tên tệp bị đổi đuôi lạ.</li>"
            "<li>Xuất hiện tệp văn bản hoặc hình nền thông báo đòi tiền, thường bằng tiếng Anh, kèm địa chỉ liên lạc.</li>"
            "<li>Máy chạy chậm bất thường, ổ cứng hoạt động liên tục dù không mở chương trình nào.</li>"
            "</ul>"
            "<p>Khi thấy các dấu hiệu trên, hãy làm ngay theo thứ tự:</p>"
            "<ol>"
            "<li><strong>Ngắt kết nối mạng</strong>: rút cáp mạng, tắt Wi-Fi. Không tắt nguồn đột ngột trừ khi cán bộ đầu mối yêu cầu, "
            "vì thông tin trong máy có thể giúp điều tra.</li>"
            "<li><strong>Gọi cán bộ đầu mối an toàn thông tin</strong> của đơn vị và báo lãnh đạo.</li>"
            "<li><strong>Không cắm USB hay ổ sao lưu</strong> vào máy bị nhiễm.</li>"
            "<li>Dùng điện thoại chụp lại màn hình thông báo, ghi lại thời điểm phát hiện.</li>"
            "<li><strong>Không tự liên hệ, không trả tiền chuộc</strong>. Việc trả tiền không bảo đảm lấy lại dữ liệu.</li>"
            "</ol>"
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "Mã độc tống tiền cũng có thể là sự cố dữ liệu cá nhân",
                "body": "<p>Nếu máy bị nhiễm có chứa hồ sơ, danh sách của người dân, đơn vị phải đánh giá khả năng dữ liệu đã bị lấy cắp. "
                "Khi có vi phạm dữ liệu cá nhân, việc thông báo cho cơ quan chức năng phải thực hiện trong 72 giờ, vì vậy báo cáo sớm là bắt buộc.</p>",
            },
        ),
        ("heading", "Sao lưu theo nguyên tắc 3-2-1"),
        (
            "paragraph",
            "<p>Sao lưu là cách duy nhất bảo đảm lấy lại được dữ liệu khi bị mã độc tống tiền, hỏng ổ cứng hay mất máy. "
            "Nguyên tắc 3-2-1 nghĩa là:</p>"
            "<ul>"
            "<li><strong>3</strong> bản dữ liệu: bản đang dùng và hai bản sao lưu.</li>"
            "<li><strong>2</strong> loại phương tiện lưu trữ khác nhau, ví dụ máy chủ lưu trữ của đơn vị và ổ cứng rời.</li>"
            "<li><strong>1</strong> bản để tách rời khỏi mạng hoặc ở nơi khác, để mã độc không thể mã hóa cùng lúc.</li>"
            "</ul>"
            "<p>Sao lưu chỉ có ý nghĩa khi khôi phục được. Định kỳ, cán bộ đầu mối nên thử khôi phục một số tệp để kiểm tra.</p>"
        ),
        (
            "callout",
            {
                "kind": "note",
                "title": "Dành cho cán bộ đầu mối công nghệ thông tin (nhóm D)",
                "body": "<ul><li>Lập danh sách toàn bộ máy trạm, kể cả máy tiếp nhận từ đơn vị cũ sau sáp nhập; ghi rõ người sử dụng, hệ điều hành, tình trạng cập nhật.</li>"
                "<li>Tắt chế độ tự chạy khi cắm USB, quản lý tập trung phần mềm phòng chống mã độc nếu có điều kiện.</li>"
                "<li>Tách máy dùng cho người dân tra cứu khỏi mạng làm việc.</li>"
                "<li>Kiểm tra lịch sao lưu, thử khôi phục định kỳ và lưu một bản ngoại tuyến.</li>"
                "<li>Chuẩn bị sẵn danh bạ liên hệ và quy trình báo cáo sự cố lên cơ quan chuyên trách của Thành phố.</li></ul>",
            },
        ),
        (
            "callout",
            {
                "kind": "legal",
                "title": "Căn cứ pháp lý",
                "body": "<p>Nghị định 85/2016/NĐ-CP quy định việc bảo đảm an toàn hệ thống thông tin theo 5 cấp độ; máy trạm kết nối vào hệ thống "
                "phải được bảo vệ tương ứng. Luật An toàn thông tin mạng 2015 hiện hành, được hợp nhất vào Luật An ninh mạng 2025 "
                "(số 116/2025/QH15, hiệu lực từ 01/7/2026), yêu cầu cơ quan, tổ chức phòng ngừa mã độc và ứng cứu sự cố. "
                "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (hiệu lực từ 01/01/2026) yêu cầu thông báo vi phạm dữ liệu cá nhân trong 72 giờ.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "situation": "Sáng thứ Hai, anh Đức mở máy thấy các tệp Excel báo cáo có đuôi lạ và trên màn hình có thông báo đòi tiền chuộc.",
                "question": "Việc đầu tiên anh Đức nên làm là gì?",
                "options": [
                    {
                        "text": "Cắm ổ cứng sao lưu vào để chép ngay dữ liệu còn lại ra ngoài.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Ổ sao lưu cắm vào máy bị nhiễm có thể bị mã hóa luôn, mất bản sao lưu cuối cùng.",
                    },
                    {
                        "text": "Rút cáp mạng, tắt Wi-Fi và gọi ngay cán bộ đầu mối an toàn thông tin.",
                        "is_correct": True,
                        "feedback": "Đúng. Cô lập máy để ngăn lây lan sang máy khác, sau đó để cán bộ đầu mối đánh giá và xử lý.",
                    },
                    {
                        "text": "Liên hệ địa chỉ trong thông báo để thương lượng giảm tiền chuộc.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Cán bộ không được tự liên hệ kẻ tấn công; trả tiền không bảo đảm lấy lại dữ liệu.",
                    },
                ],
            },
        ),
        (
            "accordion",
            {
                "title": "Câu hỏi thường gặp",
                "items": [
                    {
                        "question": "Máy cũ chạy chậm, tôi có thể tắt phần mềm phòng chống mã độc không?",
                        "answer": "<p>Không. Hãy báo cán bộ đầu mối để kiểm tra cấu hình, dọn dẹp hoặc đề xuất thay thế máy. "
                        "Máy không có bảo vệ là điểm yếu của cả mạng.</p>",
                    },
                    {
                        "question": "Có được lưu tài liệu công việc lên dịch vụ lưu trữ đám mây cá nhân để làm ở nhà không?",
                        "answer": "<p>Không nên, đặc biệt với tài liệu có dữ liệu cá nhân của người dân. Chỉ dùng kho lưu trữ, hệ thống do đơn vị "
                        "hoặc Thành phố cung cấp. Tài liệu mật tuyệt đối không đưa lên Internet.</p>",
                    },
                    {
                        "question": "Sao lưu bao lâu một lần là đủ?",
                        "answer": "<p>Tùy mức độ thay đổi dữ liệu. Dữ liệu thay đổi hằng ngày nên được sao lưu hằng ngày; ít nhất một bản sao lưu "
                        "ngoại tuyến nên được cập nhật hằng tuần. Cán bộ đầu mối sẽ quy định lịch cụ thể cho đơn vị.</p>",
                    },
                ],
            },
        ),
    ],
}
