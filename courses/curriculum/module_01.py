from decimal import Decimal

MODULE = {
    "number": 1,
    "slug": "khung-phap-ly",
    "title": "Khung pháp lý và trách nhiệm công vụ về an ninh mạng, dữ liệu cá nhân",
    "tracks": ["A"],
    "tiet": Decimal("2"),
    "minutes": 90,
    "summary": (
        "Giới thiệu các luật, nghị định hiện hành về an ninh mạng, bảo vệ dữ liệu cá nhân, "
        "giao dịch điện tử và bí mật nhà nước; làm rõ trách nhiệm của từng cán bộ, công chức "
        "cấp xã và cách phân biệt thông tin công khai, dữ liệu cá nhân cơ bản, dữ liệu cá nhân "
        "nhạy cảm và bí mật nhà nước."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể kể tên các văn bản pháp luật chính về an ninh mạng và bảo vệ dữ liệu cá nhân đang có hiệu lực, cùng thời điểm có hiệu lực của chúng.",
        "Sau bài này, anh/chị có thể nêu được nghĩa vụ của bản thân khi tiếp nhận, sử dụng và lưu trữ thông tin trong công việc hằng ngày tại phường, xã.",
        "Sau bài này, anh/chị có thể phân biệt thông tin công khai, dữ liệu cá nhân cơ bản, dữ liệu cá nhân nhạy cảm và bí mật nhà nước qua các tình huống cụ thể.",
        "Sau bài này, anh/chị có thể biết phải báo cáo cho ai và trong thời hạn nào khi phát hiện sự cố lộ, mất dữ liệu.",
    ],
    "tags": ["phap-ly", "bao-ve-du-lieu-ca-nhan"],
    "body": [
        ("heading", "Vì sao cán bộ phường, xã cần nắm khung pháp lý"),
        (
            "paragraph",
            "<p>Từ ngày 01/7/2025, Thành phố Hồ Chí Minh hợp nhất với tỉnh Bình Dương và tỉnh Bà Rịa – Vũng Tàu, "
            "đồng thời vận hành chính quyền địa phương hai cấp: cấp Thành phố và cấp xã (phường, xã, đặc khu Côn Đảo). "
            "Cấp huyện không còn, nên phần lớn thủ tục hành chính, hồ sơ của người dân và dữ liệu về dân cư "
            "nay được tiếp nhận, xử lý trực tiếp tại 168 phường, xã, đặc khu.</p>"
            "<p>Điều đó có nghĩa là mỗi cán bộ, công chức cấp xã đang nắm giữ một khối lượng lớn thông tin của người dân: "
            "số định danh cá nhân, ảnh căn cước công dân, hồ sơ hộ tịch, hồ sơ đất đai, thông tin bảo trợ xã hội. "
            "Pháp luật không coi đây là việc riêng của bộ phận công nghệ thông tin. Người trực tiếp cầm hồ sơ, "
            "gõ dữ liệu vào máy hay chuyển tệp qua mạng chính là người phải chịu trách nhiệm trước tiên.</p>"
        ),
        ("heading", "Các văn bản pháp luật chính anh/chị cần biết"),
        (
            "paragraph",
            "<p>Anh/chị không cần thuộc lòng từng điều khoản, nhưng cần biết tên, phạm vi và thời điểm có hiệu lực "
            "của các văn bản sau:</p>"
            "<ul>"
            "<li><strong>Luật An ninh mạng 2025</strong> (số 116/2025/QH15), có hiệu lực từ ngày 01/7/2026. "
            "Luật này hợp nhất Luật An ninh mạng 2018 và Luật An toàn thông tin mạng 2015 thành một đạo luật thống nhất. "
            "Trước thời điểm đó, hai luật cũ tiếp tục được áp dụng.</li>"
            "<li><strong>Luật Bảo vệ dữ liệu cá nhân</strong> (số 91/2025/QH15), có hiệu lực từ ngày 01/01/2026, "
            "cùng <strong>Nghị định 356/2025/NĐ-CP</strong> quy định chi tiết Luật, có hiệu lực cùng ngày và thay thế "
            "Nghị định 13/2023/NĐ-CP.</li>"
            "<li><strong>Nghị định 85/2016/NĐ-CP</strong> về bảo đảm an toàn hệ thống thông tin theo cấp độ, "
            "chia hệ thống thông tin thành 5 cấp độ tùy mức độ ảnh hưởng khi bị tấn công.</li>"
            "<li><strong>Luật Giao dịch điện tử 2023</strong> (số 20/2023/QH15, hiệu lực từ 01/7/2024) và "
            "<strong>Nghị định 68/2024/NĐ-CP</strong> về chữ ký số chuyên dùng công vụ.</li>"
            "<li><strong>Luật Bảo vệ bí mật nhà nước 2018</strong> (số 29/2018/QH14).</li>"
            "</ul>"
        ),
        (
            "callout",
            {
                "kind": "legal",
                "title": "Căn cứ pháp lý về dữ liệu cá nhân",
                "body": "<p>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP cùng có hiệu lực "
                "từ ngày 01/01/2026. Nghị định 13/2023/NĐ-CP hết hiệu lực kể từ ngày này. Khi xảy ra vi phạm dữ liệu "
                "cá nhân, cơ quan, đơn vị phải thông báo cho cơ quan chuyên trách bảo vệ dữ liệu cá nhân thuộc Bộ Công an "
                "(Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao – A05) trong thời hạn 72 giờ.</p>",
            },
        ),
        ("heading", "Bốn loại thông tin: phân biệt để xử lý đúng"),
        (
            "paragraph",
            "<p>Trong một ngày làm việc, anh/chị tiếp xúc với nhiều loại thông tin khác nhau. Mỗi loại có cách xử lý riêng:</p>"
            "<ol>"
            "<li><strong>Thông tin công khai</strong>: quy trình, thành phần hồ sơ, phí, lệ phí của thủ tục hành chính; "
            "lịch tiếp công dân; văn bản đã được ban hành để công bố rộng rãi. Loại này được phép niêm yết, đăng tải.</li>"
            "<li><strong>Dữ liệu cá nhân cơ bản</strong>: họ tên, ngày sinh, giới tính, số điện thoại, số định danh cá nhân, "
            "địa chỉ thường trú, tình trạng hôn nhân. Chỉ được dùng đúng mục đích giải quyết công việc, không chia sẻ tùy tiện.</li>"
            "<li><strong>Dữ liệu cá nhân nhạy cảm</strong>: thông tin sức khỏe, dữ liệu sinh trắc học (vân tay, khuôn mặt), "
            "tôn giáo, quan điểm chính trị, tiền án, tiền sự, tài khoản ngân hàng và dữ liệu tài chính, vị trí chính xác, "
            "đời sống tình dục, xu hướng tính dục, dân tộc. Loại này đòi hỏi mức bảo vệ cao hơn vì khi bị lộ có thể gây hại "
            "nghiêm trọng cho người dân.</li>"
            "<li><strong>Bí mật nhà nước</strong>: tài liệu được xác định và đóng dấu độ mật (Tuyệt mật, Tối mật, Mật). "
            "Tuyệt đối không soạn thảo, lưu giữ trên máy tính hoặc thiết bị đã hoặc đang kết nối Internet, không chụp ảnh, "
            "không gửi qua mạng xã hội.</li>"
            "</ol>"
            "<p>Ví dụ: danh sách hộ nghèo kèm số định danh và số tài khoản nhận trợ cấp không phải thông tin công khai, "
            "dù đã được bình xét công khai tại khu phố. Phần danh sách niêm yết chỉ nên có những nội dung mà quy định "
            "về bình xét yêu cầu, còn số tài khoản, số định danh phải được giữ kín.</p>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Anh Minh, công chức văn hóa – xã hội của phường, nhận được bảng tổng hợp người có công gồm họ tên, "
                "ngày sinh, tình trạng thương tật và số tài khoản ngân hàng để chi trả trợ cấp.",
                "question": "Bảng này chứa loại thông tin nào cần được bảo vệ ở mức cao nhất trong các lựa chọn dưới đây?",
                "options": [
                    {
                        "text": "Thông tin công khai, vì chế độ người có công đã được niêm yết.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Việc công khai chế độ chính sách không biến toàn bộ dữ liệu của từng người thành thông tin công khai.",
                    },
                    {
                        "text": "Dữ liệu cá nhân nhạy cảm, vì có thông tin sức khỏe (thương tật) và dữ liệu tài khoản ngân hàng.",
                        "is_correct": True,
                        "feedback": "Đúng. Tình trạng sức khỏe và dữ liệu tài chính thuộc nhóm dữ liệu cá nhân nhạy cảm, cần hạn chế người tiếp cận và không gửi qua kênh không chính thức.",
                    },
                    {
                        "text": "Bí mật nhà nước, vì liên quan đến chính sách của Nhà nước.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Bí mật nhà nước phải được xác định độ mật theo Luật Bảo vệ bí mật nhà nước; bảng chi trả này không tự động là bí mật nhà nước.",
                    },
                    {
                        "text": "Chỉ là dữ liệu cá nhân cơ bản, vì chỉ có họ tên và ngày sinh là quan trọng.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Họ tên, ngày sinh là dữ liệu cơ bản, nhưng bảng còn có thông tin thương tật và số tài khoản thuộc nhóm nhạy cảm.",
                    },
                ],
            },
        ),
        ("heading", "Trách nhiệm của từng cán bộ, công chức"),
        (
            "paragraph",
            "<p>Dù ở vị trí nào, mỗi cán bộ, công chức cấp xã đều có những nghĩa vụ tối thiểu sau:</p>"
            "<ul>"
            "<li>Chỉ thu thập, sử dụng dữ liệu cá nhân của người dân trong phạm vi nhiệm vụ được giao và đúng mục đích "
            "giải quyết hồ sơ.</li>"
            "<li>Chỉ dùng các kênh chính thức: thư điện tử công vụ, hệ thống quản lý văn bản và điều hành, Cổng Dịch vụ công "
            "quốc gia, Cổng Dịch vụ công của Thành phố, ứng dụng VNeID tải từ kho ứng dụng chính thức.</li>"
            "<li>Bảo vệ tài khoản, mật khẩu, thiết bị ký số được giao; không cho người khác dùng chung.</li>"
            "<li>Báo ngay cho cán bộ đầu mối an toàn thông tin của đơn vị khi nghi ngờ có sự cố, không tự xử lý rồi im lặng.</li>"
            "<li>Hoàn thành chương trình bồi dưỡng theo yêu cầu của Thành phố, hiện là 40 tiết mỗi năm.</li>"
            "</ul>"
            "<p>Người đứng đầu phường, xã chịu trách nhiệm chung về việc tổ chức thực hiện; tuy nhiên, nếu vi phạm xuất phát "
            "từ hành vi của cá nhân, người đó có thể bị xử lý kỷ luật, xử phạt vi phạm hành chính hoặc bị truy cứu trách nhiệm "
            "hình sự tùy tính chất, mức độ.</p>"
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "Không có ngoại lệ cho việc gấp",
                "body": "<p>Lý do “cần gấp”, “lãnh đạo đang chờ” hay “mạng nội bộ chậm” không làm thay đổi nghĩa vụ bảo vệ dữ liệu. "
                "Gửi ảnh căn cước của người dân qua tài khoản Zalo cá nhân để xử lý cho nhanh vẫn là hành vi có nguy cơ vi phạm "
                "và có thể dẫn tới trách nhiệm cá nhân.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "situation": "Chiều thứ Sáu, chị Lan phát hiện một tệp danh sách cử tri có số định danh cá nhân bị đăng nhầm "
                "vào nhóm Zalo khu phố có hơn 300 thành viên.",
                "question": "Việc làm nào sau đây đúng nhất?",
                "options": [
                    {
                        "text": "Thu hồi tin nhắn, coi như đã xử lý xong, không cần báo ai để tránh ảnh hưởng thi đua.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Tệp có thể đã bị tải về; che giấu sự cố khiến đơn vị không kịp thông báo trong thời hạn 72 giờ theo quy định.",
                    },
                    {
                        "text": "Thu hồi ngay tin nhắn, báo cán bộ đầu mối an toàn thông tin và lãnh đạo phường để đơn vị đánh giá và thông báo theo quy định.",
                        "is_correct": True,
                        "feedback": "Đúng. Hạn chế thiệt hại trước, rồi báo cáo ngay để đơn vị có đủ thời gian đánh giá và thông báo cho cơ quan chức năng trong 72 giờ.",
                    },
                    {
                        "text": "Chờ đến thứ Hai mới báo cáo vì cuối tuần không ai xử lý.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Thời hạn 72 giờ tính cả ngày nghỉ; chờ qua cuối tuần có thể làm lỡ thời hạn thông báo.",
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "note",
                "title": "Ngày An ninh mạng Việt Nam",
                "body": "<p>Ngày 6 tháng 8 hằng năm là Ngày An ninh mạng Việt Nam. Nhiều đơn vị dùng dịp này để rà soát tài khoản, "
                "kiểm tra sao lưu và ôn lại quy trình báo cáo sự cố. Anh/chị có thể đề xuất đơn vị mình làm tương tự.</p>",
            },
        ),
        (
            "accordion",
            {
                "title": "Câu hỏi thường gặp",
                "items": [
                    {
                        "question": "Luật An ninh mạng 2025 chưa có hiệu lực thì bây giờ áp dụng luật nào?",
                        "answer": "<p>Cho đến khi Luật An ninh mạng 2025 có hiệu lực vào ngày 01/7/2026, Luật An ninh mạng 2018 "
                        "và Luật An toàn thông tin mạng 2015 vẫn được áp dụng. Các nghĩa vụ cơ bản như bảo vệ tài khoản, "
                        "báo cáo sự cố, bảo đảm an toàn hệ thống theo cấp độ không thay đổi về bản chất.</p>",
                    },
                    {
                        "question": "Số căn cước công dân có phải dữ liệu nhạy cảm không?",
                        "answer": "<p>Số định danh cá nhân thuộc nhóm dữ liệu cá nhân cơ bản. Tuy vậy, ảnh chụp thẻ căn cước "
                        "thường kèm ảnh khuôn mặt, và khi bị gom lại thành danh sách lớn sẽ bị kẻ gian dùng để mở tài khoản, "
                        "vay tiền giả danh. Vì vậy cần bảo vệ cẩn thận, không được xem nhẹ.</p>",
                    },
                    {
                        "question": "Phường có cần xin đồng ý của người dân khi nhận hồ sơ không?",
                        "answer": "<p>Khi xử lý dữ liệu để thực hiện nhiệm vụ theo quy định của pháp luật, cơ quan nhà nước "
                        "có căn cứ xử lý riêng. Tuy nhiên, việc sử dụng dữ liệu cho mục đích khác, chẳng hạn gửi tin quảng bá "
                        "hay chuyển cho doanh nghiệp, thì không được phép nếu không có căn cứ pháp lý. Khi chưa rõ, hãy hỏi "
                        "bộ phận pháp chế hoặc cán bộ đầu mối trước khi làm.</p>",
                    },
                ],
            },
        ),
    ],
}
