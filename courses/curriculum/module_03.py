from decimal import Decimal

MODULE = {
    "number": 3,
    "slug": "mat-khau-tai-khoan",
    "title": "Mật khẩu, xác thực đa yếu tố và quản lý tài khoản công vụ",
    "tracks": ["A"],
    "tiet": Decimal("1.5"),
    "minutes": 68,
    "summary": (
        "Hướng dẫn đặt cụm mật khẩu dễ nhớ mà khó đoán, bật xác thực đa yếu tố, không dùng chung tài khoản kể cả khi "
        "kiêm nhiệm nhiều vị trí, và bàn giao tài khoản đúng cách khi thay đổi nhiệm vụ."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể tạo cụm mật khẩu đủ mạnh, dễ nhớ và dùng riêng cho từng hệ thống công vụ.",
        "Sau bài này, anh/chị có thể bật và sử dụng xác thực đa yếu tố cho tài khoản thư công vụ và các hệ thống được giao.",
        "Sau bài này, anh/chị có thể dùng chức năng ủy quyền, phân quyền thay cho việc dùng chung tài khoản, kể cả khi kiêm nhiệm nhiều vị trí.",
        "Sau bài này, anh/chị có thể thực hiện đúng việc bàn giao, khóa, thu hồi tài khoản khi chuyển công tác hoặc thay đổi nhiệm vụ.",
    ],
    "tags": ["tai-khoan-xac-thuc"],
    "body": [
        ("heading", "Tài khoản công vụ là chữ ký của anh/chị trên hệ thống"),
        (
            "paragraph",
            "<p>Mỗi thao tác trên hệ thống quản lý văn bản và điều hành, hệ thống giải quyết thủ tục hành chính hay "
            "Cổng Dịch vụ công đều được ghi lại gắn với một tài khoản. Khi hồ sơ bị duyệt sai, dữ liệu bị tải xuống "
            "hàng loạt hoặc văn bản bị gửi nhầm, nhật ký hệ thống sẽ chỉ ra tài khoản nào đã làm. Nếu anh/chị để người khác "
            "dùng tài khoản của mình, anh/chị đang để người khác “ký thay” mà không có giấy ủy quyền.</p>"
            "<p>Sau khi chính quyền hai cấp vận hành, khối lượng hồ sơ tại phường, xã tăng đáng kể, nhiều cán bộ phải kiêm nhiệm. "
            "Đây là lúc dễ nảy sinh thói quen “đưa mật khẩu cho nhau cho nhanh”. Bài này giúp anh/chị làm nhanh mà vẫn đúng.</p>"
        ),
        ("heading", "Cụm mật khẩu: dài, dễ nhớ, khó đoán"),
        (
            "paragraph",
            "<p>Độ dài quan trọng hơn các ký tự rắc rối. Thay vì một mật khẩu ngắn như <em>Phuong@2025</em>, hãy dùng "
            "<strong>cụm mật khẩu</strong> gồm bốn, năm từ không liên quan nhau, có thể thêm số hoặc ký tự, ví dụ ghép "
            "tên một món ăn, một con vật, một màu sắc và một con số chỉ anh/chị biết ý nghĩa. Cụm như vậy dài trên 15 ký tự, "
            "dễ nhớ với chính mình nhưng rất khó đoán.</p>"
            "<ul>"
            "<li>Không dùng họ tên, ngày sinh, số điện thoại, tên phường, năm hiện tại hay chuỗi “123456”.</li>"
            "<li>Mỗi hệ thống một mật khẩu riêng; tuyệt đối không dùng lại mật khẩu thư công vụ cho Facebook, Zalo hay tài khoản mua sắm.</li>"
            "<li>Không dán mật khẩu dưới bàn phím, trên màn hình hay trong sổ tay để mở trên bàn.</li>"
            "<li>Nếu đơn vị cung cấp phần mềm quản lý mật khẩu đã được phê duyệt, hãy dùng nó thay vì lưu trong tệp văn bản trên máy.</li>"
            "<li>Đổi mật khẩu ngay khi nghi ngờ bị lộ, và khi cán bộ đầu mối yêu cầu.</li>"
            "</ul>"
        ),
        ("heading", "Xác thực đa yếu tố (MFA)"),
        (
            "paragraph",
            "<p>Xác thực đa yếu tố, thường viết tắt là MFA, nghĩa là khi đăng nhập, ngoài mật khẩu anh/chị còn phải đưa ra "
            "thêm một bằng chứng khác: mã dùng một lần trên ứng dụng xác thực, mã gửi qua tin nhắn, thiết bị ký số hoặc xác nhận "
            "trên điện thoại. Khi bật MFA, kẻ gian có lấy được mật khẩu qua thư lừa đảo cũng chưa thể đăng nhập.</p>"
            "<p>Ứng dụng xác thực trên điện thoại an toàn hơn mã qua tin nhắn. Dù dùng cách nào, <strong>mã xác thực chỉ dành cho "
            "chính anh/chị</strong>: không ai có thẩm quyền, kể cả cán bộ kỹ thuật, được hỏi mã này qua điện thoại hay Zalo. "
            "Nếu điện thoại liên tục hiện yêu cầu xác nhận đăng nhập mà anh/chị không thực hiện, hãy từ chối và báo ngay cán bộ đầu mối: "
            "đó là dấu hiệu mật khẩu đã bị lộ.</p>"
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "Đừng bấm “Đồng ý” cho xong",
                "body": "<p>Một số kẻ tấn công gửi liên tục yêu cầu xác nhận đăng nhập, chờ đến khi người dùng mệt mỏi bấm đồng ý. "
                "Chỉ chấp nhận yêu cầu khi chính anh/chị vừa đăng nhập.</p>",
            },
        ),
        ("heading", "Kiêm nhiệm nhiều vị trí vẫn không dùng chung tài khoản"),
        (
            "paragraph",
            "<p>Ví dụ thường gặp: chị Thảo vừa làm công chức văn phòng – thống kê, vừa tạm kiêm nhiệm tiếp nhận hồ sơ tại "
            "bộ phận một cửa khi đồng nghiệp nghỉ sinh. Cách làm sai là dùng tài khoản của đồng nghiệp đang nghỉ. Cách làm đúng là:</p>"
            "<ol>"
            "<li>Lãnh đạo phường ban hành quyết định hoặc văn bản phân công kiêm nhiệm.</li>"
            "<li>Cán bộ quản trị hệ thống bổ sung vai trò, quyền tương ứng vào <strong>chính tài khoản của chị Thảo</strong>, "
            "hoặc dùng chức năng ủy quyền, chuyển xử lý có sẵn trên hệ thống.</li>"
            "<li>Khi hết thời gian kiêm nhiệm, quyền bổ sung được thu hồi.</li>"
            "</ol>"
            "<p>Làm như vậy, mọi thao tác đều mang đúng tên người thực hiện, người nghỉ không phải chịu trách nhiệm cho việc "
            "mình không làm, và đơn vị chứng minh được quy trình khi thanh tra, kiểm tra.</p>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Anh Phúc là Phó Chủ tịch phường, đi công tác ba ngày. Anh nhắn cho chuyên viên văn phòng mật khẩu "
                "hệ thống quản lý văn bản để “xử lý giúp văn bản đến cho kịp”.",
                "question": "Cách xử lý nào phù hợp nhất?",
                "options": [
                    {
                        "text": "Chuyên viên dùng tài khoản của anh Phúc vì đã được chính anh đồng ý.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Sự đồng ý qua tin nhắn không thay thế ủy quyền hợp lệ; mọi thao tác vẫn mang tên anh Phúc và không thể phân biệt ai đã làm.",
                    },
                    {
                        "text": "Anh Phúc dùng chức năng ủy quyền trên hệ thống hoặc đề nghị lãnh đạo phân công người xử lý thay, người đó dùng tài khoản của chính mình.",
                        "is_correct": True,
                        "feedback": "Đúng. Ủy quyền, phân công trên hệ thống giữ được trách nhiệm rõ ràng và vẫn bảo đảm công việc không bị gián đoạn.",
                    },
                    {
                        "text": "Chuyên viên dùng tài khoản nhưng ghi lại vào sổ tay những gì đã làm.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Sổ tay không phải nhật ký hệ thống và không có giá trị chứng minh; mật khẩu đã bị chia sẻ vẫn là rủi ro.",
                    },
                ],
            },
        ),
        ("heading", "Bàn giao tài khoản khi thay đổi nhiệm vụ"),
        (
            "paragraph",
            "<p>Khi cán bộ chuyển công tác, nghỉ hưu, thôi việc hoặc chuyển sang vị trí khác, tài khoản cũ không được để “treo”. "
            "Quy trình tối thiểu gồm:</p>"
            "<ul>"
            "<li>Người chuyển đi bàn giao hồ sơ, văn bản đang xử lý qua chức năng chuyển xử lý của hệ thống, không bàn giao mật khẩu.</li>"
            "<li>Cán bộ đầu mối hoặc quản trị hệ thống khóa tài khoản hoặc thu hồi quyền ngay trong ngày có hiệu lực của quyết định.</li>"
            "<li>Thu hồi thiết bị ký số, thẻ ra vào và gỡ người đó khỏi các nhóm trao đổi công việc.</li>"
            "<li>Người mới được cấp tài khoản riêng, đặt mật khẩu mới và bật xác thực đa yếu tố trước khi làm việc.</li>"
            "</ul>"
        ),
        (
            "callout",
            {
                "kind": "legal",
                "title": "Căn cứ pháp lý",
                "body": "<p>Nghị định 85/2016/NĐ-CP về bảo đảm an toàn hệ thống thông tin theo cấp độ yêu cầu chủ quản hệ thống "
                "xây dựng và thực hiện phương án bảo đảm an toàn tương ứng với cấp độ, trong đó có quản lý truy cập và tài khoản người dùng. Luật Bảo vệ dữ liệu cá nhân "
                "số 91/2025/QH15 (hiệu lực từ 01/01/2026) đòi hỏi chỉ người có thẩm quyền mới được truy cập dữ liệu cá nhân; "
                "dùng chung tài khoản làm mất khả năng xác định ai đã truy cập. Luật An ninh mạng 2025 (số 116/2025/QH15, "
                "hiệu lực từ 01/7/2026) hợp nhất Luật An toàn thông tin mạng 2015 vào một đạo luật chung; nghĩa vụ bảo đảm an toàn hệ thống thông tin tiếp tục được quy định trong luật mới.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "situation": "Chị Ngọc nhận được cuộc gọi tự xưng là cán bộ kỹ thuật của Thành phố, đề nghị chị đọc mã xác thực "
                "vừa gửi về điện thoại để “đồng bộ tài khoản sau sáp nhập”.",
                "question": "Chị Ngọc nên làm gì?",
                "options": [
                    {
                        "text": "Đọc mã vì cán bộ kỹ thuật cần mã để hỗ trợ.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Cán bộ kỹ thuật thật không bao giờ cần mã xác thực của người dùng. Đọc mã là trao tài khoản cho kẻ gian.",
                    },
                    {
                        "text": "Từ chối, gác máy, đổi mật khẩu và báo cán bộ đầu mối an toàn thông tin.",
                        "is_correct": True,
                        "feedback": "Đúng. Việc có mã gửi về nghĩa là ai đó đã biết mật khẩu của chị; cần đổi mật khẩu và báo cáo ngay.",
                    },
                    {
                        "text": "Chỉ đọc nửa mã đầu để thử xem người gọi có phải thật không.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Không có cách “thử” an toàn với mã xác thực; mọi phần của mã đều không được tiết lộ.",
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
                        "question": "Có nên để trình duyệt ghi nhớ mật khẩu công vụ không?",
                        "answer": "<p>Chỉ nên làm trên máy tính được cấp riêng cho anh/chị, có mật khẩu đăng nhập Windows và khóa màn hình "
                        "khi rời bàn. Không bao giờ lưu mật khẩu trên máy dùng chung ở bộ phận một cửa hay máy ở quán, nhà người quen.</p>",
                    },
                    {
                        "question": "Quên mật khẩu thì làm sao?",
                        "answer": "<p>Dùng chức năng khôi phục của hệ thống hoặc liên hệ cán bộ quản trị qua kênh chính thức. "
                        "Không nhờ đồng nghiệp đăng nhập hộ và không dùng tạm tài khoản của người khác.</p>",
                    },
                    {
                        "question": "Tài khoản Zalo dùng cho công việc có cần bảo vệ không?",
                        "answer": "<p>Có. Hãy bật xác thực hai lớp, đặt mã khóa ứng dụng và kiểm tra danh sách thiết bị đăng nhập định kỳ. "
                        "Nếu tài khoản Zalo bị chiếm, kẻ gian sẽ dùng chính nó để lừa đồng nghiệp và người dân.</p>",
                    },
                ],
            },
        ),
    ],
}
