from decimal import Decimal

MODULE = {
    "number": 10,
    "slug": "ung-pho-su-co",
    "title": "Phát hiện, báo cáo và ứng phó sự cố; vi phạm dữ liệu cá nhân",
    "tracks": ["A", "D"],
    "tiet": Decimal("1.5"),
    "minutes": 70,
    "summary": (
        "Bài học hướng dẫn cán bộ, công chức nhận biết dấu hiệu sự cố, báo cáo ngay, giữ nguyên chứng cứ; "
        "đồng thời giúp cán bộ đầu mối công nghệ thông tin tổ chức ứng phó và thực hiện nghĩa vụ thông báo vi phạm "
        "dữ liệu cá nhân trong 72 giờ."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể nhận biết các dấu hiệu thường gặp của sự cố an toàn thông tin và vi phạm dữ liệu cá nhân.",
        "Sau bài này, anh/chị có thể báo cáo sự cố ngay cho cán bộ đầu mối qua đúng kênh, với đủ thông tin cần thiết.",
        "Sau bài này, anh/chị có thể giữ nguyên chứng cứ và tránh các thao tác làm sự cố nặng thêm.",
        "Sau bài này, anh/chị có thể giải thích nghĩa vụ thông báo vi phạm dữ liệu cá nhân cho cơ quan có thẩm quyền trong 72 giờ.",
    ],
    "tags": ["ung-pho-su-co", "vi-pham-du-lieu", "bao-cao-su-co"],
    "body": [
        ("heading", "Sự cố không chỉ là “máy bị virus”"),
        ("paragraph",
         "<p>Sự cố an toàn thông tin là bất kỳ sự việc nào làm thông tin bị lộ, bị thay đổi trái phép, bị mất, hoặc làm hệ thống "
         "không hoạt động bình thường. Vi phạm dữ liệu cá nhân là sự cố liên quan đến dữ liệu của con người cụ thể. Ở phường, xã, "
         "sự cố thường trông rất bình thường:</p>"
         "<ul>"
         "<li>Gửi nhầm danh sách hộ nhận trợ cấp có số CCCD vào nhóm Zalo đông người.</li>"
         "<li>Làm rơi USB chứa hồ sơ đăng ký hộ tịch, hoặc mất túi hồ sơ giấy trên đường đi cơ sở.</li>"
         "<li>Lỡ bấm vào liên kết “cập nhật thông tin sau sáp nhập” rồi nhập mật khẩu email công vụ.</li>"
         "<li>Tệp trên máy tính bỗng đổi tên, không mở được, xuất hiện thông báo đòi tiền chuộc.</li>"
         "<li>Người dân phản ánh bị gọi điện lừa đảo, kẻ gian đọc đúng số hồ sơ vừa nộp tại phường.</li>"
         "<li>Máy tính để bàn cũ được thanh lý mà ổ cứng vẫn còn dữ liệu.</li>"
         "</ul>"
         "<p>Mọi trường hợp nêu trên đều phải báo cáo. Anh/chị không cần tự kết luận đó có phải sự cố nghiêm trọng hay không; "
         "việc đánh giá thuộc về cán bộ đầu mối và lãnh đạo.</p>"),
        ("heading", "Ba việc phải làm ngay: dừng, giữ, báo"),
        ("paragraph",
         "<p><strong>Dừng</strong> thiệt hại lan rộng: nếu máy tính có dấu hiệu bị mã độc, rút cáp mạng hoặc tắt Wi-Fi của máy đó, nhưng "
         "<strong>không tắt nguồn, không cài lại máy</strong>. Nếu gửi nhầm tin nhắn, thu hồi ngay. Nếu đã nhập mật khẩu vào trang giả, "
         "đổi mật khẩu từ một thiết bị khác an toàn.</p>"
         "<p><strong>Giữ</strong> nguyên chứng cứ: chụp ảnh màn hình thông báo lạ, giữ lại email, tin nhắn, số điện thoại gọi đến, "
         "ghi lại thời điểm phát hiện và những gì mình đã làm. Không xóa tin nhắn lừa đảo, không tự “dọn dẹp” máy tính.</p>"
         "<p><strong>Báo</strong> ngay cho cán bộ đầu mối an toàn thông tin của đơn vị, bằng điện thoại hoặc gặp trực tiếp, sau đó xác nhận "
         "bằng văn bản qua hệ thống quản lý văn bản hoặc email công vụ. Không chờ đến cuối ngày, không chờ “xem có chuyện gì không”.</p>"),
        ("callout", {
            "kind": "warning",
            "title": "Giấu sự cố là vi phạm nặng hơn",
            "body": (
                "<p>Nhiều cán bộ ngại báo vì sợ bị kỷ luật. Thực tế, một sự cố được báo sớm thường xử lý được với thiệt hại nhỏ. "
                "Sự cố bị giấu đi sẽ làm mất thời hạn thông báo theo luật, khiến đơn vị và người đứng đầu phải chịu trách nhiệm lớn hơn nhiều.</p>"
            ),
        }),
        ("knowledge_check", {
            "situation": (
                "Sáng thứ Hai, anh K. ở bộ phận một cửa mở máy và thấy hàng loạt tệp Word, Excel bị đổi đuôi lạ, trên màn hình có thông báo "
                "tiếng Anh yêu cầu trả tiền để lấy lại dữ liệu."
            ),
            "question": "Anh K. nên làm gì trước tiên?",
            "options": [
                {"text": "Tắt máy rồi mang ra tiệm sửa máy tính gần phường để cài lại Windows.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Tắt máy và cài lại làm mất chứng cứ; mang máy ra ngoài còn làm lộ dữ liệu người dân cho bên không có thẩm quyền."},
                {"text": "Rút cáp mạng, để nguyên máy, chụp ảnh màn hình và báo ngay cán bộ đầu mối an toàn thông tin.",
                 "is_correct": True,
                 "feedback": "Đúng. Cách ly khỏi mạng để mã độc không lây sang máy khác, giữ nguyên hiện trạng để phân tích và báo ngay để đơn vị kích hoạt ứng phó."},
                {"text": "Thử trả tiền chuộc cho nhanh để kịp tiếp nhận hồ sơ trong ngày.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Không có gì bảo đảm lấy lại được dữ liệu; việc trả tiền cũng không thuộc thẩm quyền của cá nhân."},
                {"text": "Chuyển sang máy bên cạnh làm việc tiếp, cuối ngày báo sau.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Mã độc có thể đang lây qua mạng nội bộ; báo muộn làm mất thời gian quý giá."},
            ],
        }),
        ("heading", "Nghĩa vụ thông báo vi phạm dữ liệu cá nhân trong 72 giờ"),
        ("paragraph",
         "<p>Khi xảy ra vi phạm dữ liệu cá nhân, cơ quan xử lý dữ liệu phải thông báo cho cơ quan chuyên trách bảo vệ dữ liệu cá nhân là "
         "<strong>Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao – A05)</strong> <strong>trong vòng 72 giờ "
         "kể từ khi phát hiện</strong>. Đồng hồ 72 giờ bắt đầu chạy từ lúc đơn vị biết sự việc, kể cả khi đó là ngày nghỉ. Nếu một cán bộ phát "
         "hiện từ thứ Sáu mà thứ Hai mới báo, phần lớn thời gian đã trôi qua trước khi lãnh đạo kịp biết.</p>"
         "<p>Việc thông báo do đơn vị thực hiện, thường qua cán bộ đầu mối và theo chỉ đạo của người đứng đầu, không do cá nhân cán bộ tự gửi. "
         "Trách nhiệm của mỗi cán bộ là báo nội bộ ngay và cung cấp đủ thông tin: chuyện gì đã xảy ra, lúc nào, loại dữ liệu nào, của khoảng "
         "bao nhiêu người, đã làm gì để hạn chế.</p>"),
        ("callout", {
            "kind": "legal",
            "title": "Căn cứ pháp lý",
            "body": (
                "<p><strong>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15</strong> và <strong>Nghị định 356/2025/NĐ-CP</strong>, cùng có hiệu lực "
                "từ 01/01/2026 (thay thế Nghị định 13/2023/NĐ-CP), quy định nghĩa vụ thông báo vi phạm dữ liệu cá nhân cho cơ quan có thẩm quyền "
                "thuộc Bộ Công an trong 72 giờ kể từ khi phát hiện, cùng nội dung thông báo.</p>"
                "<p><strong>Luật An ninh mạng số 116/2025/QH15</strong>, có hiệu lực từ 01/7/2026, hợp nhất Luật An ninh mạng 2018 và Luật An toàn "
                "thông tin mạng 2015, quy định trách nhiệm phòng ngừa, phát hiện và xử lý sự cố. <strong>Nghị định 85/2016/NĐ-CP</strong> yêu cầu hệ "
                "thống thông tin theo cấp độ phải có phương án ứng phó sự cố.</p>"
            ),
        }),
        ("heading", "Dành cho cán bộ đầu mối công nghệ thông tin"),
        ("paragraph",
         "<p>Khi nhận báo cáo, đầu mối cần tổ chức xử lý theo trình tự:</p>"
         "<ol>"
         "<li><strong>Ghi nhận</strong>: lập phiếu sự cố, ghi thời điểm phát hiện và thời điểm nhận báo, vì đây là mốc tính 72 giờ.</li>"
         "<li><strong>Khoanh vùng</strong>: cách ly thiết bị, khóa hoặc đổi mật khẩu tài khoản bị lộ, thu hồi quyền truy cập, yêu cầu thu hồi tin nhắn đã gửi nhầm.</li>"
         "<li><strong>Đánh giá</strong>: có dữ liệu cá nhân bị ảnh hưởng không, loại nào, có dữ liệu nhạy cảm không, số lượng ước tính.</li>"
         "<li><strong>Báo cáo lãnh đạo</strong> và chuẩn bị thông báo cho A05 trong thời hạn; với sự cố trên hệ thống dùng chung của Thành phố, báo cơ quan quản lý hệ thống theo quy chế.</li>"
         "<li><strong>Khắc phục và rút kinh nghiệm</strong>: khôi phục từ bản sao lưu sạch, vá lỗ hổng, cập nhật quy trình, nhắc nhở toàn đơn vị.</li>"
         "</ol>"
         "<p>Nếu sự cố có dấu hiệu tội phạm như lừa đảo, chiếm đoạt tài khoản, phối hợp với Công an phường. Các trang, số điện thoại lừa đảo "
         "có thể phản ánh qua trang canhbao.khonggianmang.vn.</p>"),
        ("knowledge_check", {
            "situation": (
                "Chiều thứ Sáu, chị M. phát hiện mình đã gửi nhầm tệp danh sách 300 người cao tuổi, có số CCCD và số điện thoại, vào một nhóm Zalo "
                "có cả người ngoài cơ quan. Chị thu hồi tin nhắn nhưng thấy đã có người tải về."
            ),
            "question": "Nhận định nào đúng?",
            "options": [
                {"text": "Đã thu hồi tin nhắn nên không cần báo cáo.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Tệp đã được tải về, dữ liệu đã ra ngoài; đây là vi phạm dữ liệu cá nhân."},
                {"text": "Chị M. báo ngay cho đầu mối ngay trong chiều thứ Sáu, vì thời hạn 72 giờ thông báo cho cơ quan có thẩm quyền tính từ khi phát hiện, kể cả ngày nghỉ.",
                 "is_correct": True,
                 "feedback": "Đúng. Báo ngay giúp đơn vị kịp đánh giá và thông báo cho A05 – Bộ Công an đúng thời hạn."},
                {"text": "Chị M. tự gửi thư cho Bộ Công an rồi thôi, không cần báo lãnh đạo.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Việc thông báo là trách nhiệm của đơn vị; cá nhân phải báo nội bộ để đơn vị đánh giá, khắc phục và thông báo chính thức."},
            ],
        }),
        ("accordion", {
            "title": "Câu hỏi thường gặp",
            "items": [
                {"question": "Làm mất USB có hồ sơ người dân có phải là sự cố không?",
                 "answer": "<p>Có. Mất thiết bị lưu trữ chứa dữ liệu cá nhân là vi phạm dữ liệu cá nhân tiềm ẩn. Hãy báo ngay, nêu rõ USB chứa những hồ sơ gì và có được mã hóa không.</p>"},
                {"question": "Tôi không chắc đó có phải là sự cố, có nên báo không?",
                 "answer": "<p>Nên báo. Một báo cáo nhầm không gây hại gì, còn một sự cố không được báo có thể làm đơn vị lỡ thời hạn 72 giờ.</p>"},
                {"question": "Có cần thông báo cho người dân bị ảnh hưởng không?",
                 "answer": "<p>Trong những trường hợp pháp luật quy định, đơn vị phải thông báo cho chủ thể dữ liệu. Việc này do đầu mối và lãnh đạo quyết định theo Nghị định 356/2025/NĐ-CP; cán bộ không tự liên hệ người dân khi chưa có chỉ đạo.</p>"},
            ],
        }),
    ],
}
