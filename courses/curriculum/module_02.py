from decimal import Decimal

MODULE = {
    "number": 2,
    "slug": "nhan-dien-lua-dao",
    "title": "Nhận diện lừa đảo và tấn công phi kỹ thuật",
    "tracks": ["A"],
    "tiet": Decimal("2"),
    "minutes": 90,
    "summary": (
        "Nhận diện các hình thức lừa đảo nhắm vào cán bộ, công chức cấp xã qua thư điện tử, tin nhắn, "
        "cuộc gọi, Zalo, Facebook và ứng dụng giả mạo; thực hành xác minh qua kênh thứ hai và báo cáo đúng nơi."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể nhận ra dấu hiệu của thư lừa đảo, tin nhắn lừa đảo và cuộc gọi lừa đảo nhắm vào cán bộ, công chức.",
        "Sau bài này, anh/chị có thể phát hiện tài khoản Zalo, Facebook mạo danh lãnh đạo hoặc đồng nghiệp và các ứng dụng VNeID, Cổng Dịch vụ công giả mạo.",
        "Sau bài này, anh/chị có thể xác minh một yêu cầu bất thường qua kênh liên lạc thứ hai trước khi làm theo.",
        "Sau bài này, anh/chị có thể báo cáo sự việc cho cán bộ đầu mối an toàn thông tin, Công an phường và trang cảnh báo chính thức.",
    ],
    "tags": ["lua-dao", "nhan-thuc-an-toan"],
    "body": [
        ("heading", "Tấn công phi kỹ thuật là gì"),
        (
            "paragraph",
            "<p>Phần lớn các vụ lộ dữ liệu và mất tiền không bắt đầu bằng một đoạn mã phức tạp, mà bằng một tin nhắn "
            "hoặc một cuộc gọi khiến người nhận tin tưởng và tự tay làm theo. Cách tấn công này gọi là tấn công phi kỹ thuật: "
            "kẻ gian khai thác lòng tin, sự vội vàng, nỗi sợ hoặc sự nể nang cấp trên, thay vì khai thác lỗ hổng máy tính.</p>"
            "<p>Cán bộ, công chức phường, xã là mục tiêu hấp dẫn vì nắm dữ liệu dân cư, có tài khoản trên các hệ thống "
            "của Thành phố và thường xuyên nhận chỉ đạo qua nhiều kênh. Sau khi sắp xếp lại đơn vị hành chính từ ngày "
            "01/7/2025, nhiều đầu mối liên lạc, số điện thoại và nhóm Zalo thay đổi, tạo khoảng trống để kẻ gian mạo danh.</p>"
        ),
        ("heading", "Các hình thức thường gặp"),
        (
            "paragraph",
            "<ul>"
            "<li><strong>Thư điện tử lừa đảo (phishing)</strong>: thư giả danh Sở, ngành hoặc bộ phận kỹ thuật, yêu cầu "
            "“xác nhận lại tài khoản thư công vụ”, kèm đường dẫn tới trang đăng nhập giả hoặc tệp đính kèm chứa mã độc.</li>"
            "<li><strong>Tin nhắn lừa đảo (smishing)</strong>: tin nhắn SMS hoặc tin nhắn trên ứng dụng báo “tài khoản định danh "
            "sắp bị khóa”, “hồ sơ của anh/chị bị trả lại”, kèm đường dẫn lạ.</li>"
            "<li><strong>Cuộc gọi lừa đảo (vishing)</strong>: người gọi xưng là công an, cán bộ Sở hoặc nhân viên ngân hàng, "
            "tạo áp lực để nạn nhân đọc mã OTP, cài ứng dụng hoặc chuyển tiền.</li>"
            "<li><strong>Mạo danh trên Zalo, Facebook</strong>: tài khoản dùng ảnh đại diện, tên của Chủ tịch, Phó Chủ tịch "
            "phường hoặc đồng nghiệp, nhắn “em đang họp, chuyển giúp anh khoản này” hoặc “gửi gấp danh sách hộ dân cho anh”.</li>"
            "<li><strong>Ứng dụng giả mạo</strong>: tệp cài đặt gửi qua đường dẫn, mang tên VNeID, Dịch vụ công hay “Cổng Dịch vụ công "
            "Thành phố bản mới”. Sau khi cài, ứng dụng xin quyền đọc tin nhắn, điều khiển màn hình và chiếm tài khoản ngân hàng.</li>"
            "</ul>"
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "Chiêu “cập nhật thông tin sau sáp nhập”",
                "body": "<p>Kẻ gian gọi điện xưng là cán bộ công an hoặc cán bộ phường mới, nói rằng sau sáp nhập “địa chỉ trên căn cước "
                "phải cập nhật lại”, “mức định danh bị hạ xuống”, rồi hướng dẫn cài ứng dụng từ một đường dẫn hoặc đọc mã OTP. "
                "Cơ quan nhà nước không yêu cầu người dân hay cán bộ cài ứng dụng qua đường dẫn gửi trong tin nhắn, "
                "không đề nghị đọc mã OTP qua điện thoại. Người dân cũng có thể hỏi anh/chị về chuyện này; hãy trả lời rõ ràng "
                "và hướng dẫn họ đến trực tiếp Công an phường hoặc bộ phận một cửa.</p>",
            },
        ),
        ("heading", "Dấu hiệu nhận biết chung"),
        (
            "paragraph",
            "<p>Dù đến qua kênh nào, các nội dung lừa đảo thường có một hoặc nhiều dấu hiệu sau:</p>"
            "<ol>"
            "<li>Tạo cảm giác gấp gáp: “trong 30 phút”, “hôm nay là hạn cuối”, “nếu không sẽ bị khóa”.</li>"
            "<li>Yêu cầu bất thường: chuyển tiền, mua thẻ cào, đọc mã OTP, gửi danh sách dữ liệu, cài ứng dụng ngoài kho chính thức.</li>"
            "<li>Kênh lạ: địa chỉ thư không thuộc tên miền công vụ, số điện thoại mới, tài khoản Zalo vừa lập, ít bạn chung.</li>"
            "<li>Yêu cầu giữ bí mật hoặc không gọi lại: “đừng báo ai”, “anh đang họp không nghe máy được”.</li>"
            "<li>Đường dẫn có tên miền gần giống nhưng sai một vài ký tự, hoặc dùng dịch vụ rút gọn đường dẫn.</li>"
            "</ol>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Chị Hoa làm công chức tư pháp – hộ tịch. Trên Zalo, một tài khoản có tên và ảnh của Phó Chủ tịch "
                "phường nhắn: “Chị gửi gấp cho anh danh sách khai sinh tháng này kèm số định danh, anh cần báo cáo Thành phố, "
                "anh đang họp không nghe máy được.”",
                "question": "Chị Hoa nên làm gì?",
                "options": [
                    {
                        "text": "Gửi ngay vì đó là yêu cầu của lãnh đạo, chậm trễ sẽ bị phê bình.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Tên và ảnh đại diện rất dễ làm giả. Việc gửi dữ liệu dân cư qua Zalo cũng không phải kênh chính thức.",
                    },
                    {
                        "text": "Trả lời ngay trong cuộc trò chuyện đó để hỏi “có phải anh không?”.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Kẻ mạo danh sẽ khẳng định là thật. Xác minh trên chính kênh đáng ngờ không có giá trị.",
                    },
                    {
                        "text": "Không gửi, xác minh qua kênh thứ hai như gọi số điện thoại đã lưu từ trước, hỏi văn phòng hoặc gặp trực tiếp; nếu là giả mạo thì báo cán bộ đầu mối.",
                        "is_correct": True,
                        "feedback": "Đúng. Xác minh qua một kênh độc lập mà anh/chị đã biết từ trước. Nếu lãnh đạo thật sự cần dữ liệu, việc chuyển sẽ thực hiện qua hệ thống chính thức.",
                    },
                ],
            },
        ),
        ("heading", "Xác minh qua kênh thứ hai"),
        (
            "paragraph",
            "<p>Nguyên tắc đơn giản và hiệu quả nhất là: <strong>yêu cầu đến qua kênh nào thì không xác minh bằng kênh đó</strong>. "
            "Nếu nhận tin nhắn Zalo, hãy gọi vào số điện thoại đã lưu từ trước hoặc số trong danh bạ của đơn vị. "
            "Nếu nhận cuộc gọi, hãy gác máy và tự gọi lại qua số tổng đài chính thức của cơ quan đó. "
            "Nếu nhận thư điện tử, hãy tự mở trình duyệt và gõ địa chỉ cổng thông tin quen thuộc thay vì bấm vào đường dẫn trong thư.</p>"
            "<p>Với ứng dụng, chỉ cài VNeID và các ứng dụng dịch vụ công từ kho ứng dụng chính thức (App Store, Google Play), "
            "kiểm tra tên nhà phát triển, không cài tệp cài đặt nhận qua tin nhắn. Lãnh đạo phường nên thống nhất trước: "
            "mọi yêu cầu chuyển tiền hoặc dữ liệu đều phải qua hệ thống chính thức, không qua tin nhắn cá nhân. "
            "Khi đã có quy ước này, cán bộ không phải e ngại khi từ chối làm theo một tin nhắn “từ lãnh đạo”.</p>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Anh Tuấn nhận thư điện tử có tiêu đề “Thông báo nâng cấp hộp thư công vụ sau sáp nhập”, "
                "yêu cầu bấm đường dẫn để đăng nhập lại trước 17 giờ, nếu không hộp thư sẽ bị xóa.",
                "question": "Dấu hiệu nào đáng ngờ nhất và anh Tuấn nên làm gì?",
                "options": [
                    {
                        "text": "Không có gì đáng ngờ vì sau sáp nhập hệ thống thay đổi nhiều; nên đăng nhập ngay cho kịp.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Kẻ gian lợi dụng chính bối cảnh sáp nhập. Thời hạn gấp và đe dọa xóa hộp thư là dấu hiệu điển hình.",
                    },
                    {
                        "text": "Thời hạn gấp kèm đe dọa và đường dẫn đăng nhập; không bấm, chuyển thư cho cán bộ đầu mối an toàn thông tin để kiểm tra.",
                        "is_correct": True,
                        "feedback": "Đúng. Không bấm đường dẫn, không nhập mật khẩu. Báo cán bộ đầu mối để cảnh báo cho cả đơn vị.",
                    },
                    {
                        "text": "Bấm đường dẫn để xem thử, nếu trang giống thật thì đăng nhập.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Trang đăng nhập giả có thể giống hệt trang thật. Chỉ mở đường dẫn đã có thể đủ để tải mã độc.",
                    },
                    {
                        "text": "Trả lời thư để hỏi người gửi có phải cán bộ kỹ thuật không.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Trả lời thư xác nhận hộp thư của anh đang hoạt động và kẻ gian sẽ tiếp tục thuyết phục.",
                    },
                ],
            },
        ),
        ("heading", "Báo cáo: không ngại, không chậm"),
        (
            "paragraph",
            "<p>Khi nghi ngờ hoặc lỡ làm theo yêu cầu lừa đảo, anh/chị hãy:</p>"
            "<ul>"
            "<li>Báo ngay cho <strong>cán bộ đầu mối an toàn thông tin</strong> của phường, xã để đổi mật khẩu, kiểm tra máy "
            "và cảnh báo đồng nghiệp.</li>"
            "<li>Nếu có thiệt hại về tiền hoặc có dấu hiệu tội phạm, trình báo <strong>Công an phường</strong> nơi gần nhất.</li>"
            "<li>Phản ánh đường dẫn, trang web lừa đảo tại trang <strong>canhbao.khonggianmang.vn</strong> của Cục An toàn thông tin.</li>"
            "<li>Giữ lại bằng chứng: chụp màn hình tin nhắn, số điện thoại, địa chỉ thư; không xóa trước khi báo cáo.</li>"
            "</ul>"
            "<p>Việc lỡ bấm vào đường dẫn không phải điều đáng xấu hổ. Điều gây hại thật sự là giấu đi, để kẻ gian có thêm thời gian "
            "dùng tài khoản của anh/chị tấn công người khác.</p>"
        ),
        (
            "callout",
            {
                "kind": "legal",
                "title": "Căn cứ pháp lý",
                "body": "<p>Luật An ninh mạng 2018 và Luật An toàn thông tin mạng 2015 hiện hành, được hợp nhất trong Luật An ninh mạng 2025 "
                "(số 116/2025/QH15, hiệu lực từ 01/7/2026), đều liệt kê nhóm hành vi bị nghiêm cấm, trong đó có việc "
                "dùng không gian mạng để lừa đảo, chiếm đoạt tài sản và việc xâm nhập, chiếm quyền trái phép tài khoản, hệ thống thông tin. Nếu việc làm theo kẻ gian dẫn đến lộ dữ liệu cá nhân của người dân, đơn vị còn có nghĩa vụ thông báo vi phạm "
                "theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (hiệu lực từ 01/01/2026) trong thời hạn 72 giờ.</p>",
            },
        ),
        (
            "accordion",
            {
                "title": "Câu hỏi thường gặp",
                "items": [
                    {
                        "question": "Lỡ đọc mã OTP cho người lạ thì phải làm gì?",
                        "answer": "<p>Gọi ngay tổng đài chính thức in trên thẻ hoặc trong ứng dụng ngân hàng để khóa tài khoản, "
                        "đổi mật khẩu các tài khoản liên quan, báo cán bộ đầu mối và trình báo Công an phường. Càng báo sớm, "
                        "khả năng ngăn chặn càng cao.</p>",
                    },
                    {
                        "question": "Làm sao biết ứng dụng VNeID là thật?",
                        "answer": "<p>Chỉ tải từ App Store hoặc Google Play, kiểm tra nhà phát triển là đơn vị thuộc Bộ Công an, "
                        "không cài từ tệp gửi qua Zalo, tin nhắn hay trang web lạ. Khi cần cập nhật, hãy cập nhật trong kho ứng dụng.</p>",
                    },
                    {
                        "question": "Người dân đến hỏi về cuộc gọi “cập nhật sau sáp nhập” thì trả lời thế nào?",
                        "answer": "<p>Giải thích rằng cơ quan nhà nước không yêu cầu cài ứng dụng qua đường dẫn hay đọc mã OTP qua điện thoại. "
                        "Mọi việc điều chỉnh thông tin cư trú, căn cước được thực hiện trực tiếp tại Công an phường hoặc trên ứng dụng "
                        "VNeID chính thức. Nếu họ đã bị thiệt hại, hướng dẫn trình báo Công an phường.</p>",
                    },
                ],
            },
        ),
    ],
}
