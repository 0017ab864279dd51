from decimal import Decimal

MODULE = {
    "number": 9,
    "slug": "lam-viec-tu-xa-di-dong",
    "title": "Làm việc từ xa, Wi-Fi công cộng và thiết bị di động",
    "tracks": ["A"],
    "tiet": Decimal("1"),
    "minutes": 45,
    "summary": (
        "Bài học giúp cán bộ, công chức làm việc ngoài trụ sở một cách an toàn: dùng phương thức truy cập từ xa "
        "chính thức, tránh Wi-Fi công cộng cho việc công, khóa và bảo vệ điện thoại, kiểm soát quyền của ứng dụng."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể chỉ sử dụng phương thức truy cập từ xa do đơn vị cung cấp khi làm việc ngoài trụ sở.",
        "Sau bài này, anh/chị có thể nhận biết rủi ro của Wi-Fi công cộng và chọn cách kết nối an toàn hơn.",
        "Sau bài này, anh/chị có thể cài đặt khóa màn hình, sao lưu và chức năng xóa dữ liệu từ xa cho điện thoại dùng cho công việc.",
        "Sau bài này, anh/chị có thể kiểm tra và thu hồi quyền truy cập không cần thiết của ứng dụng trên điện thoại.",
    ],
    "tags": ["lam-viec-tu-xa", "thiet-bi-di-dong"],
    "body": [
        ("heading", "Công việc đã ra khỏi trụ sở"),
        ("paragraph",
         "<p>Sau khi sắp xếp chính quyền địa phương hai cấp, địa bàn của nhiều phường, xã rộng hơn trước. Cán bộ thường "
         "xuyên đi cơ sở, họp ở Thành phố, làm việc tại điểm tiếp nhận hồ sơ lưu động, có khi xử lý văn bản trên điện thoại "
         "lúc ngồi quán cà phê chờ họp. Lãnh đạo ký số văn bản khi đang công tác. Thiết bị di động và kết nối bên ngoài trở "
         "thành một phần của hệ thống thông tin của đơn vị, và cũng là cửa ngõ dễ bị tấn công nhất.</p>"
         "<p>Nguyên tắc chung: <strong>ở đâu cũng phải bảo vệ dữ liệu công vụ như khi ngồi tại trụ sở</strong>. Bài này đi qua ba "
         "nhóm việc: truy cập từ xa, kết nối mạng, và bảo vệ điện thoại.</p>"),
        ("heading", "Truy cập từ xa: chỉ dùng kênh chính thức"),
        ("paragraph",
         "<p>Khi cần làm việc ngoài trụ sở, anh/chị chỉ dùng các kênh mà đơn vị hoặc Thành phố cung cấp: hệ thống quản lý văn bản "
         "và điều hành, email công vụ, hệ thống một cửa điện tử, và mạng riêng ảo (VPN, tức là kênh kết nối được mã hóa vào mạng "
         "nội bộ) nếu đơn vị đã cấp. Không tự cài phần mềm điều khiển máy tính từ xa lên máy ở cơ quan để “tối về mở máy làm tiếp”. "
         "Những phần mềm này, nếu bị lộ mã truy cập, cho phép người lạ điều khiển toàn bộ máy tính, kể cả khi anh/chị không có mặt.</p>"
         "<p>Mật khẩu tài khoản công vụ không lưu trên máy tính dùng chung hay máy của người thân. Sau khi làm việc xong trên một máy "
         "không phải của mình, phải đăng xuất hoàn toàn, không chọn “ghi nhớ đăng nhập”.</p>"),
        ("callout", {
            "kind": "warning",
            "title": "Không ai được hỏi mã truy cập từ xa của anh/chị",
            "body": (
                "<p>Kẻ gian thường gọi điện xưng là “kỹ thuật viên của Sở” hay “bộ phận hỗ trợ chuyển đổi hệ thống sau sáp nhập”, "
                "đề nghị anh/chị cài một ứng dụng và đọc mã kết nối để “cập nhật phần mềm”. Đây là thủ đoạn chiếm quyền điều khiển máy. "
                "Hãy cúp máy và báo cán bộ đầu mối an toàn thông tin.</p>"
            ),
        }),
        ("heading", "Wi-Fi công cộng: tiện nhưng không dành cho việc công"),
        ("paragraph",
         "<p>Wi-Fi ở quán cà phê, sân bay, khách sạn, trung tâm thương mại thường không được kiểm soát. Kẻ gian có thể phát một mạng "
         "trùng tên với mạng của quán, rồi theo dõi hoặc chuyển hướng kết nối của người dùng sang trang đăng nhập giả. Vì vậy:</p>"
         "<ul>"
         "<li>Không đăng nhập hệ thống công vụ, không ký số, không mở hồ sơ chứa dữ liệu cá nhân khi đang dùng Wi-Fi công cộng.</li>"
         "<li>Khi cần làm việc gấp, ưu tiên dùng dữ liệu di động 4G/5G của chính điện thoại, hoặc phát mạng từ điện thoại của mình cho máy tính xách tay.</li>"
         "<li>Nếu đơn vị có cấp VPN, bật VPN trước khi truy cập bất kỳ hệ thống nào.</li>"
         "<li>Tắt chế độ tự động kết nối Wi-Fi lạ và tắt Bluetooth khi không dùng.</li>"
         "<li>Cảnh giác với mã QR dán ở bàn quán “để kết nối Wi-Fi miễn phí” hoặc “quét để nhận ưu đãi”; mã có thể dẫn đến trang lừa đảo.</li>"
         "</ul>"),
        ("knowledge_check", {
            "situation": (
                "Chị H., công chức văn phòng phường, đang ngồi ở quán cà phê gần trụ sở thì nhận tin nhắn lãnh đạo cần gấp một văn bản "
                "trên hệ thống quản lý văn bản. Quán có Wi-Fi miễn phí không cần mật khẩu."
            ),
            "question": "Chị H. nên làm gì?",
            "options": [
                {"text": "Kết nối Wi-Fi của quán và đăng nhập hệ thống vì chỉ mất vài phút.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Mạng không mật khẩu có thể bị theo dõi hoặc là mạng giả; thông tin đăng nhập có thể bị đánh cắp chỉ trong vài phút đó."},
                {"text": "Tắt Wi-Fi, dùng dữ liệu di động của điện thoại (và VPN nếu đơn vị cấp) để đăng nhập, hoặc về trụ sở xử lý.",
                 "is_correct": True,
                 "feedback": "Đúng. Dữ liệu di động của chính mình an toàn hơn nhiều so với Wi-Fi công cộng; VPN bổ sung thêm lớp mã hóa."},
                {"text": "Nhờ nhân viên quán cho mật khẩu mạng riêng của quán rồi đăng nhập.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Mạng có mật khẩu nhưng vẫn là mạng công cộng, dùng chung với nhiều người lạ và không do cơ quan kiểm soát."},
            ],
        }),
        ("heading", "Bảo vệ điện thoại như bảo vệ con dấu"),
        ("paragraph",
         "<p>Điện thoại của cán bộ thường chứa nhóm Zalo công việc, email công vụ, ứng dụng VNeID, có khi cả chứng thư chữ ký số. "
         "Mất điện thoại không khóa đồng nghĩa với việc trao cho người nhặt được quyền đọc toàn bộ trao đổi công việc. Các việc tối thiểu:</p>"
         "<ol>"
         "<li><strong>Khóa màn hình</strong> bằng mã số ít nhất 6 chữ số, vân tay hoặc khuôn mặt; tự khóa sau tối đa 1 phút không dùng.</li>"
         "<li><strong>Bật chức năng định vị và xóa dữ liệu từ xa</strong> có sẵn trong tài khoản của hệ điều hành điện thoại, và thử một lần để biết cách dùng.</li>"
         "<li><strong>Cập nhật hệ điều hành và ứng dụng</strong> khi có bản mới; không dùng điện thoại đã bẻ khóa hệ thống.</li>"
         "<li><strong>Chỉ cài ứng dụng từ kho chính thức</strong> (App Store, Google Play). VNeID và ứng dụng dịch vụ công không bao giờ được gửi qua đường liên kết trong tin nhắn.</li>"
         "<li><strong>Kiểm tra quyền của ứng dụng</strong>: vào phần cài đặt quyền riêng tư, thu hồi quyền đọc tin nhắn, danh bạ, micro, máy ảnh, vị trí và nhất là quyền “trợ năng” đối với ứng dụng không thật sự cần.</li>"
         "</ol>"
         "<p>Một ứng dụng đèn pin hay ứng dụng chỉnh ảnh mà xin quyền đọc tin nhắn và quyền trợ năng là dấu hiệu rất đáng ngờ: quyền trợ năng "
         "cho phép ứng dụng nhìn thấy và thao tác trên màn hình thay người dùng, kể cả đọc mã OTP.</p>"),
        ("callout", {
            "kind": "legal",
            "title": "Căn cứ pháp lý",
            "body": (
                "<p><strong>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15</strong> (hiệu lực từ 01/01/2026) và "
                "<strong>Nghị định 356/2025/NĐ-CP</strong> yêu cầu cơ quan và người xử lý dữ liệu áp dụng biện pháp bảo vệ dữ liệu cá nhân "
                "ở mọi nơi dữ liệu được xử lý, kể cả trên thiết bị di động.</p>"
                "<p><strong>Luật An ninh mạng số 116/2025/QH15</strong>, có hiệu lực từ 01/7/2026, hợp nhất Luật An ninh mạng 2018 và Luật "
                "An toàn thông tin mạng 2015; đến hết ngày 30/6/2026, hai luật cũ tiếp tục áp dụng. Chữ ký số chuyên dùng công vụ thực hiện "
                "theo <strong>Nghị định 68/2024/NĐ-CP</strong>: người được cấp chịu trách nhiệm giữ bí mật khóa và thiết bị ký, không giao cho người khác sử dụng.</p>"
            ),
        }),
        ("knowledge_check", {
            "situation": (
                "Anh T. phát hiện mất điện thoại trên đường đi cơ sở. Điện thoại có nhóm Zalo công việc của phường, email công vụ và được "
                "dùng để nhận mã OTP ký số."
            ),
            "question": "Việc nào anh T. cần làm trước tiên?",
            "options": [
                {"text": "Chờ một hai ngày xem có ai gọi lại trả máy không.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Thời gian chờ là thời gian kẻ gian có thể truy cập dữ liệu công vụ."},
                {"text": "Khóa hoặc xóa dữ liệu từ xa, báo nhà mạng khóa SIM, đổi mật khẩu tài khoản công vụ và báo ngay cán bộ đầu mối an toàn thông tin.",
                 "is_correct": True,
                 "feedback": "Đúng. Cần chặn truy cập càng sớm càng tốt và báo đầu mối để đánh giá, thu hồi quyền nếu cần."},
                {"text": "Mua điện thoại mới, đăng nhập lại Zalo là đủ.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Đăng nhập trên máy mới không bảo đảm máy cũ đã bị khóa; còn email công vụ và phương tiện ký số chưa được xử lý."},
            ],
        }),
        ("accordion", {
            "title": "Câu hỏi thường gặp",
            "items": [
                {"question": "Tôi dùng điện thoại cá nhân cho công việc, đơn vị có quyền yêu cầu cài đặt gì không?",
                 "answer": "<p>Đơn vị có thể yêu cầu các biện pháp tối thiểu như khóa màn hình, cập nhật phần mềm và không lưu tài liệu công vụ ngoài ứng dụng được phép. Đây là yêu cầu để bảo vệ dữ liệu của người dân, không nhằm kiểm soát đời sống riêng của anh/chị.</p>"},
                {"question": "Mạng Wi-Fi của khách sạn khi đi công tác có an toàn không?",
                 "answer": "<p>Không nên coi là an toàn. Hãy dùng dữ liệu di động hoặc VPN của đơn vị khi truy cập hệ thống công vụ.</p>"},
                {"question": "Trước khi bán hoặc cho lại điện thoại cũ cần làm gì?",
                 "answer": "<p>Đăng xuất mọi tài khoản công vụ, gỡ liên kết Zalo và VNeID, sau đó khôi phục cài đặt gốc. Nếu điện thoại từng lưu tài liệu mật hoặc nhiều dữ liệu người dân, hỏi đầu mối công nghệ thông tin trước khi thanh lý.</p>"},
            ],
        }),
    ],
}
