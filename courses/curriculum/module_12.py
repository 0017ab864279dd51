from decimal import Decimal

MODULE = {
    "number": 12,
    "slug": "on-tap-kiem-tra-thuong-nien",
    "title": "Ôn tập và kiểm tra thường niên (dịp Ngày An ninh mạng Việt Nam 6/8)",
    "tracks": ["A"],
    "tiet": Decimal("4"),
    "minutes": 180,
    "summary": (
        "Bài học tổng kết hằng năm vào dịp Ngày An ninh mạng Việt Nam 6/8: hệ thống lại các quy tắc cốt lõi, cập nhật "
        "thủ đoạn lừa đảo và thay đổi pháp luật trong năm, làm bài kiểm tra với yêu cầu đạt từ 80% và ký cam kết thường niên."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể nhắc lại mười quy tắc cốt lõi về an toàn thông tin và bảo vệ dữ liệu cá nhân trong công việc tại phường, xã.",
        "Sau bài này, anh/chị có thể nhận diện các thủ đoạn lừa đảo mới trong năm nhắm vào cán bộ và người dân.",
        "Sau bài này, anh/chị có thể nêu các văn bản pháp luật mới có hiệu lực trong năm và ảnh hưởng của chúng đến công việc.",
        "Sau bài này, anh/chị có thể đạt bài kiểm tra thường niên với kết quả từ 80% trở lên.",
        "Sau bài này, anh/chị có thể hiểu và ký cam kết thường niên về bảo đảm an toàn thông tin.",
    ],
    "tags": ["on-tap-thuong-nien", "cam-ket"],
    "body": [
        ("heading", "Vì sao có đợt ôn tập mỗi năm"),
        ("paragraph",
         "<p>Ngày 6 tháng 8 hằng năm là Ngày An ninh mạng Việt Nam. Thành phố chọn dịp này để mọi cán bộ, công chức phường, xã, đặc khu "
         "cùng ôn lại kiến thức, cập nhật những gì đã thay đổi trong năm và tự kiểm tra mình. Thủ đoạn lừa đảo thay đổi rất nhanh: năm trước là "
         "tin nhắn mạo danh ngân hàng, năm nay là cuộc gọi “cập nhật thông tin sau sáp nhập” và cuộc gọi video giả mạo lãnh đạo. Pháp luật cũng "
         "thay đổi: năm 2026 có Luật Bảo vệ dữ liệu cá nhân và Luật An ninh mạng mới. Kiến thức học một lần rồi để đó sẽ nhanh chóng lạc hậu.</p>"
         "<p>Bài học gồm bốn phần: ôn lại mười quy tắc cốt lõi, cập nhật tình hình trong năm, làm bài kiểm tra và ký cam kết thường niên. Thời lượng "
         "4 tiết được tính vào yêu cầu 40 tiết bồi dưỡng mỗi năm của Thành phố.</p>"),
        ("heading", "Mười quy tắc cốt lõi"),
        ("paragraph",
         "<ol>"
         "<li><strong>Phân loại trước khi chia sẻ.</strong> Xác định thông tin là công khai, nội bộ, có dữ liệu cá nhân hay bí mật nhà nước, rồi mới chọn kênh gửi.</li>"
         "<li><strong>Dùng kênh chính thức.</strong> Email công vụ, hệ thống quản lý văn bản và điều hành, hệ thống một cửa điện tử; không dùng Zalo cá nhân hay ổ lưu trữ đám mây cá nhân cho hồ sơ.</li>"
         "<li><strong>Không đưa dữ liệu người dân vào công cụ AI công cộng.</strong> Chỉ dùng AI cho nội dung có thể công khai.</li>"
         "<li><strong>Mật khẩu mạnh, riêng cho từng tài khoản, bật xác thực hai lớp.</strong> Không cho ai mượn tài khoản, không ký số hộ.</li>"
         "<li><strong>Xác minh mọi yêu cầu bất thường</strong> bằng kênh thứ hai, kể cả khi yêu cầu có vẻ đến từ lãnh đạo.</li>"
         "<li><strong>Chỉ cài ứng dụng từ kho chính thức.</strong> VNeID và ứng dụng dịch vụ công không bao giờ được gửi qua đường liên kết.</li>"
         "<li><strong>Khóa máy khi rời chỗ</strong>, khóa điện thoại, không cắm USB không rõ nguồn gốc.</li>"
         "<li><strong>Không dùng Wi-Fi công cộng cho việc công.</strong> Dùng dữ liệu di động hoặc VPN của đơn vị.</li>"
         "<li><strong>Nhận diện và chuyển ngay yêu cầu của người dân về dữ liệu của họ</strong> cho đầu mối, để trả lời trong thời hạn luật định.</li>"
         "<li><strong>Báo cáo sự cố ngay</strong>, giữ nguyên chứng cứ; nhớ rằng vi phạm dữ liệu cá nhân phải được đơn vị thông báo cho Bộ Công an trong 72 giờ.</li>"
         "</ol>"),
        ("knowledge_check", {
            "situation": (
                "Một cán bộ nhận được cuộc gọi video qua Zalo, hình ảnh và giọng nói giống Phó Chủ tịch phường, nói đang họp ở Thành phố và cần "
                "chị chuyển gấp danh sách hộ nghèo có số CCCD qua Zalo."
            ),
            "question": "Cán bộ nên làm gì?",
            "options": [
                {"text": "Gửi ngay vì đã nhìn thấy mặt lãnh đạo qua video.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Hình ảnh và giọng nói có thể bị giả mạo bằng công nghệ deepfake; nhìn thấy mặt không còn là bằng chứng."},
                {"text": "Kết thúc cuộc gọi, gọi lại lãnh đạo bằng số điện thoại đã biết hoặc hỏi văn phòng, và không gửi dữ liệu qua Zalo trong mọi trường hợp.",
                 "is_correct": True,
                 "feedback": "Đúng. Xác minh qua kênh thứ hai và chỉ gửi dữ liệu cá nhân qua kênh chính thức khi yêu cầu là thật."},
                {"text": "Gửi nhưng đặt mật khẩu cho tệp.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Nếu là kẻ gian, họ sẽ hỏi mật khẩu ngay sau đó; vấn đề là chưa xác minh người yêu cầu."},
            ],
        }),
        ("heading", "Cập nhật trong năm: thủ đoạn lừa đảo"),
        ("paragraph",
         "<p>Sau khi Thành phố hợp nhất với Bình Dương và Bà Rịa – Vũng Tàu và chuyển sang chính quyền hai cấp từ 01/7/2025, nhiều người dân phải "
         "cập nhật địa chỉ trên giấy tờ. Kẻ gian lợi dụng ngay: gọi điện xưng là công an phường hay cán bộ Ủy ban, đề nghị “cập nhật thông tin sau sáp nhập”, "
         "gửi đường liên kết cài ứng dụng VNeID giả hoặc trang Cổng Dịch vụ công giả, sau đó chiếm quyền điều khiển điện thoại và rút tiền. Bên cạnh đó là "
         "tin nhắn “phạt nguội” giả kèm đường liên kết nộp phạt, mã QR dán đè lên mã thanh toán thật, và cuộc gọi video giả mạo lãnh đạo.</p>"
         "<p>Cán bộ phường, xã có hai vai trò: tự bảo vệ mình, và giải thích cho người dân ngay tại bộ phận một cửa rằng cơ quan nhà nước không gọi điện "
         "yêu cầu cài ứng dụng qua đường liên kết, không hướng dẫn thủ tục qua cuộc gọi video, không yêu cầu chuyển tiền vào tài khoản cá nhân. Khóa "
         "bồi dưỡng thường niên đi kèm trình bày chi tiết hơn từng thủ đoạn.</p>"),
        ("heading", "Cập nhật trong năm: pháp luật"),
        ("paragraph",
         "<p>Năm 2026 là năm có nhiều thay đổi pháp luật quan trọng. Anh/chị cần nắm thời điểm có hiệu lực và ý chính, không cần thuộc lòng điều khoản.</p>"),
        ("callout", {
            "kind": "legal",
            "title": "Căn cứ pháp lý",
            "body": (
                "<ul>"
                "<li><strong>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15</strong>, có hiệu lực từ 01/01/2026.</li>"
                "<li><strong>Nghị định 356/2025/NĐ-CP</strong> quy định chi tiết Luật Bảo vệ dữ liệu cá nhân, có hiệu lực từ 01/01/2026, thay thế Nghị định 13/2023/NĐ-CP.</li>"
                "<li><strong>Luật An ninh mạng số 116/2025/QH15</strong>, có hiệu lực từ 01/7/2026, hợp nhất Luật An ninh mạng 2018 và Luật An toàn thông tin mạng 2015.</li>"
                "<li>Tiếp tục áp dụng: <strong>Nghị định 85/2016/NĐ-CP</strong> về bảo đảm an toàn hệ thống thông tin theo cấp độ; <strong>Luật Giao dịch điện tử số 20/2023/QH15</strong> (hiệu lực từ 01/7/2024); <strong>Nghị định 68/2024/NĐ-CP</strong> về chữ ký số chuyên dùng công vụ; <strong>Luật Bảo vệ bí mật nhà nước số 29/2018/QH14</strong>.</li>"
                "</ul>"
            ),
        }),
        ("paragraph",
         "<p>Điểm thay đổi lớn nhất với cán bộ phường, xã là bảo vệ dữ liệu cá nhân nay được quy định ở cấp luật, với trách nhiệm rõ hơn và chế tài nghiêm hơn. "
         "Mỗi thao tác với dữ liệu của người dân, từ chụp CCCD, nhập hồ sơ đến gửi danh sách, đều phải đúng mục đích, trong phạm vi cần thiết và được bảo vệ. "
         "Quyền của người dân đối với dữ liệu của họ, như quyền truy cập, chỉnh sửa, xóa, phản đối xử lý, rút lại sự đồng ý, phải được tôn trọng và đáp ứng "
         "trong thời hạn luật định.</p>"),
        ("knowledge_check", {
            "situation": "Một đồng nghiệp nói: “Luật An ninh mạng mới có hiệu lực từ đầu năm 2026 rồi, Luật An toàn thông tin mạng cũ hết hiệu lực từ lâu.”",
            "question": "Nhận định nào chính xác?",
            "options": [
                {"text": "Đúng, cả hai luật mới đều có hiệu lực từ 01/01/2026.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Chỉ Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ 01/01/2026."},
                {"text": "Luật An ninh mạng số 116/2025/QH15 có hiệu lực từ 01/7/2026; trước thời điểm đó, Luật An ninh mạng 2018 và Luật An toàn thông tin mạng 2015 vẫn được áp dụng.",
                 "is_correct": True,
                 "feedback": "Đúng. Luật An ninh mạng 2025 hợp nhất hai luật cũ và có hiệu lực từ 01/7/2026."},
                {"text": "Luật An ninh mạng mới chỉ áp dụng cho doanh nghiệp viễn thông, không áp dụng cho phường, xã.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Luật áp dụng cho cơ quan, tổ chức, cá nhân, trong đó có cơ quan nhà nước các cấp."},
            ],
        }),
        ("heading", "Bài kiểm tra thường niên"),
        ("paragraph",
         "<p>Bài kiểm tra gồm các câu hỏi tình huống rút ra từ công việc hằng ngày tại phường, xã: tiếp nhận hồ sơ, nhóm Zalo, cuộc gọi lạ, USB, yêu cầu "
         "của người dân về dữ liệu, sự cố trên máy tính. Yêu cầu đạt là <strong>từ 80% số câu trả lời đúng trở lên</strong>.</p>"
         "<p>Một số gợi ý khi làm bài:</p>"
         "<ul>"
         "<li>Đọc kỹ tình huống; chi tiết như “qua Zalo”, “tối thứ Sáu”, “người tự xưng” thường là mấu chốt.</li>"
         "<li>Khi phân vân, chọn phương án có bước xác minh, dùng kênh chính thức và báo cho đầu mối.</li>"
         "<li>Tự làm bài. Mục đích của bài kiểm tra là giúp anh/chị biết mình còn hổng chỗ nào, không phải để lấy điểm.</li>"
         "</ul>"
         "<p>Nếu chưa đạt, anh/chị xem lại phản hồi của những câu sai, ôn lại bài học liên quan và làm lại theo hướng dẫn của đơn vị.</p>"),
        ("heading", "Cam kết thường niên"),
        ("paragraph",
         "<p>Sau khi đạt bài kiểm tra, mỗi cán bộ, công chức ký cam kết thường niên. Cam kết không phải thủ tục hình thức mà là lời xác nhận rằng anh/chị "
         "đã được phổ biến quy định và sẽ thực hiện. Nội dung cam kết gồm:</p>"
         "<ul>"
         "<li>Chỉ sử dụng thông tin, dữ liệu cá nhân của người dân đúng mục đích công vụ, trong phạm vi được giao.</li>"
         "<li>Không chia sẻ tài khoản, mật khẩu, thiết bị ký số cho người khác.</li>"
         "<li>Không đưa tài liệu nội bộ, dữ liệu cá nhân lên mạng xã hội, công cụ AI công cộng hay dịch vụ đám mây cá nhân.</li>"
         "<li>Không soạn thảo, lưu giữ, truyền đưa bí mật nhà nước trái quy định.</li>"
         "<li>Báo cáo ngay sự cố, dấu hiệu lừa đảo cho cán bộ đầu mối an toàn thông tin và phối hợp xử lý.</li>"
         "<li>Hoàn thành chương trình bồi dưỡng hằng năm theo yêu cầu.</li>"
         "</ul>"),
        ("callout", {
            "kind": "note",
            "title": "Báo cáo lừa đảo ở đâu",
            "body": (
                "<p>Khi gặp dấu hiệu lừa đảo, báo ngay cho cán bộ đầu mối an toàn thông tin của đơn vị và Công an phường, xã nơi mình công tác. Trang web, "
                "số điện thoại lừa đảo có thể phản ánh qua trang canhbao.khonggianmang.vn. Hướng dẫn người dân làm tương tự.</p>"
            ),
        }),
        ("accordion", {
            "title": "Câu hỏi thường gặp",
            "items": [
                {"question": "Tôi đã học đủ các bài học trong năm, có phải làm bài kiểm tra thường niên không?",
                 "answer": "<p>Có. Bài kiểm tra thường niên là bắt buộc với mọi cán bộ, công chức, kể cả người đã học đủ, vì nó bao gồm cả nội dung cập nhật trong năm.</p>"},
                {"question": "Tôi mới được tuyển dụng sau ngày 6/8 thì sao?",
                 "answer": "<p>Anh/chị học các bài học bắt buộc theo lộ trình cho người mới, sau đó làm bài kiểm tra và ký cam kết theo hướng dẫn của đơn vị, không cần chờ đến năm sau.</p>"},
                {"question": "Ký cam kết rồi mà vẫn để xảy ra sự cố thì có bị xử lý không?",
                 "answer": "<p>Việc xử lý tùy tính chất, mức độ và có lỗi hay không. Báo cáo kịp thời và hợp tác khắc phục luôn được ghi nhận. Giấu sự cố mới là hành vi bị xem xét nghiêm khắc nhất.</p>"},
            ],
        }),
    ],
}
