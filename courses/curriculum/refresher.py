from decimal import Decimal

COURSE = {
    "slug": "boi-duong-thuong-nien-2026",
    "title": "Bồi dưỡng an toàn thông tin thường niên 2026 (Ngày An ninh mạng Việt Nam 6/8)",
    "summary": (
        "Khóa bồi dưỡng thường niên dành cho mọi cán bộ, công chức phường, xã, đặc khu nhân Ngày An ninh mạng Việt Nam 6/8/2026: "
        "cập nhật các thủ đoạn lừa đảo mới trong năm và những thay đổi pháp luật có hiệu lực năm 2026, kết thúc bằng cam kết thường niên."
    ),
    "tiet": Decimal("4"),
    "minutes": 180,
    "objectives": [
        "Sau khóa này, anh/chị có thể nhận diện các thủ đoạn lừa đảo mới trong năm: giả danh cập nhật dữ liệu sau sáp nhập, VNeID và Cổng Dịch vụ công giả, cuộc gọi giả mạo lãnh đạo, mã QR lừa đảo, tin nhắn “phạt nguội” giả.",
        "Sau khóa này, anh/chị có thể hướng dẫn người dân tự bảo vệ và biết báo cáo lừa đảo qua đúng kênh.",
        "Sau khóa này, anh/chị có thể nêu thời điểm có hiệu lực và ý chính của Luật Bảo vệ dữ liệu cá nhân, Nghị định 356/2025/NĐ-CP và Luật An ninh mạng 2025.",
        "Sau khóa này, anh/chị có thể hiểu và ký cam kết thường niên về bảo đảm an toàn thông tin và bảo vệ dữ liệu cá nhân.",
    ],
    "modules": [
        {
            "number": 1,
            "slug": "lua-dao-moi-2026",
            "title": "Những thủ đoạn lừa đảo mới trong năm",
            "tracks": ["A"],
            "tiet": Decimal("2"),
            "minutes": 90,
            "summary": (
                "Nhận diện và phòng tránh các thủ đoạn lừa đảo nổi bật trong năm nhắm vào cán bộ và người dân Thành phố, "
                "và cách báo cáo khi gặp dấu hiệu lừa đảo."
            ),
            "objectives": [
                "Sau bài này, anh/chị có thể nhận diện cuộc gọi, tin nhắn giả danh “cập nhật thông tin sau sáp nhập”.",
                "Sau bài này, anh/chị có thể phân biệt ứng dụng VNeID, Cổng Dịch vụ công thật với bản giả.",
                "Sau bài này, anh/chị có thể xác minh cuộc gọi video hoặc giọng nói có dấu hiệu giả mạo lãnh đạo.",
                "Sau bài này, anh/chị có thể cảnh giác với mã QR và tin nhắn “phạt nguội” lừa đảo, và hướng dẫn người dân tại bộ phận một cửa.",
            ],
            "tags": ["lua-dao", "canh-bao-2026"],
            "body": [
                ("heading", "Kẻ gian luôn bám theo tin thời sự"),
                ("paragraph",
                 "<p>Mỗi khi có một thay đổi lớn trong đời sống, kẻ gian lập tức có kịch bản lừa đảo mới. Việc Thành phố Hồ Chí Minh hợp nhất với "
                 "Bình Dương và Bà Rịa – Vũng Tàu, chuyển sang chính quyền địa phương hai cấp từ ngày 01/7/2025 và không còn cấp huyện, đã tạo ra nhiều "
                 "băn khoăn chính đáng của người dân về địa chỉ, giấy tờ, nơi làm thủ tục. Kẻ gian biết điều đó và lợi dụng triệt để.</p>"
                 "<p>Trong năm, các thủ đoạn nổi bật gồm năm nhóm: giả danh cập nhật dữ liệu sau sáp nhập; ứng dụng VNeID và Cổng Dịch vụ công giả; cuộc gọi "
                 "giả mạo giọng nói, hình ảnh lãnh đạo; mã QR lừa đảo; tin nhắn “phạt nguội” giả. Điểm chung của cả năm nhóm là <strong>tạo cảm giác gấp gáp</strong> "
                 "và <strong>đưa nạn nhân ra khỏi kênh chính thức</strong>.</p>"),
                ("heading", "Giả danh “cập nhật thông tin sau sáp nhập”"),
                ("paragraph",
                 "<p>Kịch bản thường gặp: một người gọi điện, xưng là công an phường hoặc cán bộ Ủy ban, đọc đúng họ tên và địa chỉ cũ của người nghe, nói rằng "
                 "sau sáp nhập phải “cập nhật dữ liệu dân cư” hoặc “đồng bộ căn cước”, nếu không sẽ bị khóa tài khoản định danh hay không nhận được lương hưu, trợ cấp. "
                 "Sau đó họ gửi một đường liên kết qua Zalo hoặc tin nhắn để “cài ứng dụng cập nhật”. Khi cài, ứng dụng xin quyền trợ năng, đọc tin nhắn, rồi chiếm "
                 "quyền điều khiển điện thoại và chuyển tiền khỏi tài khoản ngân hàng.</p>"
                 "<p>Cán bộ cần nhớ và nói rõ với người dân: giấy tờ đã cấp trước khi sắp xếp đơn vị hành chính vẫn tiếp tục có giá trị sử dụng; khi thực sự cần điều chỉnh "
                 "thông tin, người dân làm tại cơ quan có thẩm quyền hoặc qua ứng dụng chính thức, <strong>không bao giờ qua một cuộc gọi kèm đường liên kết</strong>. "
                 "Chính cán bộ cũng là mục tiêu: có trường hợp kẻ gian xưng là “cán bộ Sở hỗ trợ chuyển đổi hệ thống sau sáp nhập” để xin tài khoản hệ thống một cửa.</p>"),
                ("heading", "VNeID và Cổng Dịch vụ công giả"),
                ("paragraph",
                 "<p>Ứng dụng VNeID thật chỉ tải từ kho ứng dụng chính thức App Store hoặc Google Play. Bất kỳ tệp cài đặt nào gửi qua tin nhắn, Zalo hay trang web, "
                 "đặc biệt là tệp có đuôi .apk trên điện thoại Android, đều phải coi là giả. Trang Cổng Dịch vụ công giả thường có địa chỉ gần giống địa chỉ thật, "
                 "chỉ khác một chữ cái hoặc thêm dấu gạch ngang, giao diện sao chép y hệt. Các trang của cơ quan nhà nước có tên miền kết thúc bằng .gov.vn, nhưng "
                 "anh/chị vẫn phải đọc kỹ toàn bộ địa chỉ, và tốt nhất là tự gõ địa chỉ hoặc dùng đường dẫn đã lưu thay vì bấm vào liên kết được gửi đến.</p>"),
                ("knowledge_check", {
                    "situation": (
                        "Một cụ ông đến bộ phận một cửa, đưa điện thoại cho cán bộ xem: có người xưng là công an phường gửi đường liên kết, bảo cụ cài “VNeID bản mới "
                        "sau sáp nhập” để được nhận lương hưu tháng tới. Cụ đã bấm vào nhưng chưa cài."
                    ),
                    "question": "Cán bộ nên hướng dẫn thế nào?",
                    "options": [
                        {"text": "Giúp cụ cài cho xong để kịp nhận lương hưu.",
                         "is_correct": False,
                         "feedback": "Chưa đúng. Đây là ứng dụng giả; cài vào có thể bị chiếm quyền điều khiển điện thoại và mất tiền."},
                        {"text": "Giải thích đây là lừa đảo, không cài, xóa tệp đã tải, chặn số gọi đến, hướng dẫn cụ báo Công an phường và chỉ cài VNeID từ kho ứng dụng chính thức.",
                         "is_correct": True,
                         "feedback": "Đúng. Cán bộ vừa ngăn thiệt hại vừa hướng dẫn người dân báo cáo qua kênh chính thức."},
                        {"text": "Bảo cụ gọi lại số đó để hỏi cho chắc.",
                         "is_correct": False,
                         "feedback": "Chưa đúng. Gọi lại số của kẻ gian chỉ tạo cơ hội để chúng thuyết phục tiếp."},
                    ],
                }),
                ("heading", "Cuộc gọi giả mạo lãnh đạo bằng công nghệ giả mạo sâu"),
                ("paragraph",
                 "<p>Công nghệ giả mạo sâu (deepfake) dùng trí tuệ nhân tạo để tạo hình ảnh, giọng nói giống người thật từ vài đoạn video, ghi âm có sẵn trên mạng. "
                 "Kẻ gian gọi video qua Zalo, hình ảnh giống lãnh đạo phường, cuộc gọi ngắn, hình mờ, giật, kèm lời giải thích “đang họp, mạng yếu”, rồi yêu cầu chuyển "
                 "tiền tạm ứng, gửi danh sách người dân hoặc đọc mã OTP. Dấu hiệu nhận biết: yêu cầu bất thường, thúc ép thời gian, đề nghị giữ bí mật, không cho gọi lại.</p>"
                 "<p>Cách phòng tránh đơn giản và hiệu quả nhất là <strong>xác minh bằng kênh thứ hai</strong>: kết thúc cuộc gọi, tự gọi lại bằng số điện thoại đã lưu "
                 "từ trước, hoặc hỏi văn phòng, hỏi trực tiếp. Lãnh đạo nên thông báo công khai trong đơn vị rằng mình không bao giờ giao việc chuyển tiền hay gửi dữ liệu qua "
                 "cuộc gọi video.</p>"),
                ("heading", "Mã QR lừa đảo và tin nhắn “phạt nguội” giả"),
                ("paragraph",
                 "<p>Mã QR tiện lợi nên cũng bị lợi dụng: dán đè mã giả lên mã thanh toán thật ở nơi thu phí, in trên tờ rơi “quét để nhận hỗ trợ”, gửi kèm tin nhắn yêu cầu "
                 "quét để xác thực. Tại bộ phận một cửa, cán bộ nên định kỳ kiểm tra mã QR thanh toán phí, lệ phí có bị dán đè không, và nhắc người dân kiểm tra tên đơn vị "
                 "thụ hưởng hiện trên ứng dụng ngân hàng trước khi xác nhận chuyển tiền.</p>"
                 "<p>Tin nhắn “phạt nguội” giả thông báo phương tiện vi phạm giao thông, kèm đường liên kết để tra cứu và nộp phạt ngay “để được giảm mức phạt”. Người dân "
                 "chỉ nên tra cứu vi phạm qua kênh chính thức của lực lượng Cảnh sát giao thông, Cổng Dịch vụ công hoặc ứng dụng chính thức, không bấm vào đường liên kết trong tin nhắn.</p>"),
                ("callout", {
                    "kind": "legal",
                    "title": "Căn cứ pháp lý",
                    "body": (
                        "<p><strong>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15</strong> và <strong>Nghị định 356/2025/NĐ-CP</strong> (cùng hiệu lực từ 01/01/2026) nghiêm cấm "
                        "việc thu thập, mua bán, chiếm đoạt dữ liệu cá nhân trái phép, vốn là nguồn gốc của nhiều vụ lừa đảo. <strong>Luật An ninh mạng số 116/2025/QH15</strong>, "
                        "có hiệu lực từ 01/7/2026, quy định trách nhiệm phòng, chống hành vi sử dụng không gian mạng để lừa đảo. Hành vi lừa đảo chiếm đoạt tài sản bị xử lý "
                        "theo pháp luật hình sự.</p>"
                    ),
                }),
                ("callout", {
                    "kind": "note",
                    "title": "Báo cáo ở đâu",
                    "body": (
                        "<p>Cán bộ gặp dấu hiệu lừa đảo báo ngay cho cán bộ đầu mối an toàn thông tin của đơn vị. Người dân bị lừa đảo hoặc nghi bị lừa đảo báo Công an phường, xã "
                        "nơi cư trú. Trang web, số điện thoại, tài khoản lừa đảo có thể phản ánh qua trang canhbao.khonggianmang.vn.</p>"
                    ),
                }),
                ("knowledge_check", {
                    "situation": "Anh P. nhận tin nhắn: “Xe biển số của bạn vi phạm tốc độ, nộp phạt trong 24 giờ qua đường liên kết sau để được giảm 50%.”",
                    "question": "Anh P. nên làm gì?",
                    "options": [
                        {"text": "Bấm liên kết để kiểm tra xem có đúng biển số của mình không.",
                         "is_correct": False,
                         "feedback": "Chưa đúng. Chỉ riêng việc bấm và nhập thông tin vào trang giả đã có thể làm lộ dữ liệu, tài khoản ngân hàng."},
                        {"text": "Không bấm liên kết; tự tra cứu vi phạm qua kênh chính thức và báo tin nhắn lừa đảo qua canhbao.khonggianmang.vn.",
                         "is_correct": True,
                         "feedback": "Đúng. Tra cứu qua kênh chính thức và phản ánh để cảnh báo người khác."},
                        {"text": "Chuyển tiếp tin nhắn vào nhóm Zalo cơ quan hỏi mọi người.",
                         "is_correct": False,
                         "feedback": "Chưa đúng. Chuyển tiếp đường liên kết độc hại làm tăng nguy cơ người khác bấm nhầm; nếu cần cảnh báo, chỉ mô tả, không gửi kèm liên kết."},
                    ],
                }),
            ],
        },
        {
            "number": 2,
            "slug": "thay-doi-phap-luat-2026",
            "title": "Thay đổi pháp luật năm 2026 và cam kết thường niên",
            "tracks": ["A"],
            "tiet": Decimal("2"),
            "minutes": 90,
            "summary": (
                "Cập nhật Luật Bảo vệ dữ liệu cá nhân và Nghị định 356/2025/NĐ-CP có hiệu lực từ 01/01/2026, Luật An ninh mạng 2025 có hiệu lực từ 01/7/2026, "
                "và nội dung cam kết thường niên của cán bộ, công chức."
            ),
            "objectives": [
                "Sau bài này, anh/chị có thể nêu số hiệu và thời điểm có hiệu lực của các văn bản pháp luật mới năm 2026.",
                "Sau bài này, anh/chị có thể giải thích những thay đổi thực tế trong công việc hằng ngày do các văn bản này đặt ra.",
                "Sau bài này, anh/chị có thể nhắc lại nghĩa vụ thông báo vi phạm dữ liệu cá nhân trong 72 giờ và quyền của chủ thể dữ liệu.",
                "Sau bài này, anh/chị có thể hiểu từng nội dung của cam kết thường niên trước khi ký.",
            ],
            "tags": ["phap-ly", "cam-ket"],
            "body": [
                ("heading", "Năm 2026: năm của hai đạo luật mới"),
                ("paragraph",
                 "<p>Năm 2026, hai đạo luật quan trọng bắt đầu có hiệu lực, tác động trực tiếp đến công việc của mọi cán bộ, công chức phường, xã. Trước đây, bảo vệ dữ liệu "
                 "cá nhân chủ yếu được quy định ở cấp nghị định; nay đã có một đạo luật riêng. Hai luật về an ninh mạng và an toàn thông tin mạng cũng được hợp nhất thành một. "
                 "Anh/chị không cần thuộc lòng điều khoản, nhưng cần biết tên văn bản, thời điểm có hiệu lực và những việc mình phải làm khác đi.</p>"),
                ("callout", {
                    "kind": "legal",
                    "title": "Căn cứ pháp lý",
                    "body": (
                        "<ul>"
                        "<li><strong>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15</strong>: hiệu lực từ 01/01/2026.</li>"
                        "<li><strong>Nghị định 356/2025/NĐ-CP</strong> quy định chi tiết Luật Bảo vệ dữ liệu cá nhân: hiệu lực từ 01/01/2026, thay thế Nghị định 13/2023/NĐ-CP.</li>"
                        "<li><strong>Luật An ninh mạng số 116/2025/QH15</strong>: hiệu lực từ 01/7/2026, hợp nhất Luật An ninh mạng 2018 và Luật An toàn thông tin mạng 2015.</li>"
                        "</ul>"
                    ),
                }),
                ("heading", "Luật Bảo vệ dữ liệu cá nhân và Nghị định 356/2025/NĐ-CP"),
                ("paragraph",
                 "<p>Từ ngày 01/01/2026, mọi hoạt động xử lý dữ liệu cá nhân tại phường, xã đều chịu sự điều chỉnh của Luật Bảo vệ dữ liệu cá nhân và Nghị định 356/2025/NĐ-CP. "
                 "Những điểm cán bộ cần nắm:</p>"
                 "<ul>"
                 "<li><strong>Đúng mục đích, đủ cần thiết</strong>: chỉ thu thập, sử dụng dữ liệu cần cho thủ tục đang giải quyết. Không chụp thêm giấy tờ “để dành”, không dùng số điện thoại "
                 "trong hồ sơ để lập nhóm Zalo cho việc khác khi người dân chưa đồng ý.</li>"
                 "<li><strong>Dữ liệu nhạy cảm được bảo vệ chặt hơn</strong>: thông tin sức khỏe, tài chính, tiền án, đời sống riêng cần được hạn chế người truy cập và không đưa vào danh sách gửi rộng.</li>"
                 "<li><strong>Quyền của chủ thể dữ liệu</strong>: người dân có quyền được biết, đồng ý, truy cập, chỉnh sửa, rút lại sự đồng ý, xóa dữ liệu, hạn chế xử lý, được cung cấp dữ liệu, phản đối xử lý, "
                 "khiếu nại, tố cáo, khởi kiện và yêu cầu bồi thường. Yêu cầu phải được ghi nhận và chuyển ngay cho đầu mối để trả lời trong thời hạn luật định.</li>"
                 "<li><strong>Thông báo vi phạm trong 72 giờ</strong>: khi dữ liệu cá nhân bị lộ, mất, truy cập trái phép, đơn vị phải thông báo cho Cục An ninh mạng và phòng, chống tội phạm sử dụng "
                 "công nghệ cao (A05) – Bộ Công an trong vòng 72 giờ kể từ khi phát hiện. Vì vậy cán bộ phải báo nội bộ ngay lập tức.</li>"
                 "</ul>"),
                ("heading", "Luật An ninh mạng 2025"),
                ("paragraph",
                 "<p>Luật An ninh mạng số 116/2025/QH15 có hiệu lực từ ngày 01/7/2026. Luật hợp nhất Luật An ninh mạng 2018 và Luật An toàn thông tin mạng 2015 thành một văn bản thống nhất, "
                 "giúp cơ quan, tổ chức không phải đối chiếu hai luật có phạm vi chồng lấn. Trước ngày 01/7/2026, hai luật cũ vẫn được áp dụng.</p>"
                 "<p>Với cán bộ phường, xã, tinh thần chung không đổi nhưng trách nhiệm được nhấn mạnh hơn: bảo vệ hệ thống thông tin của cơ quan, phòng ngừa và báo cáo sự cố, phòng chống việc "
                 "lợi dụng không gian mạng để lừa đảo, phát tán thông tin sai sự thật. Các quy định về bảo đảm an toàn hệ thống thông tin theo cấp độ tại Nghị định 85/2016/NĐ-CP, về chữ ký số "
                 "chuyên dùng công vụ tại Nghị định 68/2024/NĐ-CP, về giao dịch điện tử tại Luật Giao dịch điện tử số 20/2023/QH15 và về bảo vệ bí mật nhà nước tại Luật số 29/2018/QH14 tiếp tục "
                 "được thực hiện theo hướng dẫn của cơ quan có thẩm quyền.</p>"),
                ("knowledge_check", {
                    "situation": "Trong buổi giao ban tháng 3/2026, một cán bộ hỏi: “Nghị định 13/2023 về bảo vệ dữ liệu cá nhân còn áp dụng không?”",
                    "question": "Câu trả lời nào đúng?",
                    "options": [
                        {"text": "Còn, vì Luật Bảo vệ dữ liệu cá nhân chưa có hiệu lực.",
                         "is_correct": False,
                         "feedback": "Chưa đúng. Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 đã có hiệu lực từ 01/01/2026."},
                        {"text": "Không. Từ 01/01/2026, Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP được áp dụng; Nghị định 356 thay thế Nghị định 13/2023.",
                         "is_correct": True,
                         "feedback": "Đúng. Nghị định 356/2025/NĐ-CP quy định chi tiết Luật và thay thế Nghị định 13/2023/NĐ-CP."},
                        {"text": "Không, nó được thay bằng Luật An ninh mạng 2025.",
                         "is_correct": False,
                         "feedback": "Chưa đúng. Luật An ninh mạng 2025 hợp nhất hai luật về an ninh mạng và an toàn thông tin mạng, có hiệu lực từ 01/7/2026; văn bản thay thế Nghị định 13 là Nghị định 356/2025/NĐ-CP."},
                    ],
                }),
                ("knowledge_check", {
                    "situation": (
                        "Tối Chủ nhật, chị L. phát hiện máy tính xách tay công vụ có lưu danh sách người nhận hỗ trợ bị mất trên xe buýt. "
                        "Chị định sáng thứ Hai lên cơ quan mới báo."
                    ),
                    "question": "Theo quy định mới, nhận định nào đúng?",
                    "options": [
                        {"text": "Chờ đến giờ hành chính mới báo cũng không sao, vì thời hạn 72 giờ chỉ tính ngày làm việc.",
                         "is_correct": False,
                         "feedback": "Chưa đúng. Thời hạn 72 giờ tính từ khi phát hiện, không loại trừ ngày nghỉ."},
                        {"text": "Chị L. báo ngay cho cán bộ đầu mối qua điện thoại trong tối Chủ nhật để đơn vị kịp đánh giá và thông báo cho A05 – Bộ Công an trong 72 giờ.",
                         "is_correct": True,
                         "feedback": "Đúng. Báo nội bộ ngay là điều kiện để đơn vị thực hiện nghĩa vụ thông báo đúng hạn theo Luật Bảo vệ dữ liệu cá nhân."},
                        {"text": "Không cần báo vì máy tính có mật khẩu đăng nhập.",
                         "is_correct": False,
                         "feedback": "Chưa đúng. Mật khẩu đăng nhập không bảo đảm dữ liệu trên ổ cứng an toàn; việc đánh giá thuộc về đầu mối, không tự kết luận."},
                    ],
                }),
                ("heading", "Cam kết thường niên năm 2026"),
                ("paragraph",
                 "<p>Kết thúc khóa bồi dưỡng, mỗi cán bộ, công chức ký cam kết thường niên. Thành phố yêu cầu cán bộ, công chức hoàn thành 40 tiết bồi dưỡng mỗi năm; khóa này và cam kết là phần "
                 "bắt buộc của đợt bồi dưỡng quanh Ngày An ninh mạng Việt Nam 6/8. Trước khi ký, anh/chị đọc kỹ từng nội dung:</p>"
                 "<ol>"
                 "<li>Tôi chỉ sử dụng dữ liệu cá nhân của người dân đúng mục đích công vụ, trong phạm vi nhiệm vụ được giao.</li>"
                 "<li>Tôi không cho người khác sử dụng tài khoản, mật khẩu, thiết bị chữ ký số của mình.</li>"
                 "<li>Tôi không đưa tài liệu nội bộ, dữ liệu cá nhân lên mạng xã hội, công cụ AI công cộng hay dịch vụ lưu trữ đám mây cá nhân.</li>"
                 "<li>Tôi không soạn thảo, lưu giữ, truyền đưa thông tin bí mật nhà nước trái quy định.</li>"
                 "<li>Tôi xác minh mọi yêu cầu bất thường qua kênh thứ hai, kể cả khi yêu cầu có vẻ đến từ lãnh đạo.</li>"
                 "<li>Tôi báo cáo ngay sự cố, dấu hiệu lừa đảo cho cán bộ đầu mối an toàn thông tin và phối hợp xử lý.</li>"
                 "</ol>"
                 "<p>Cam kết có giá trị trong một năm và được ký lại vào đợt bồi dưỡng năm sau, có cập nhật theo tình hình mới.</p>"),
                ("accordion", {
                    "title": "Câu hỏi thường gặp",
                    "items": [
                        {"question": "Luật mới có làm thay đổi thủ tục hành chính tôi đang giải quyết không?",
                         "answer": "<p>Thủ tục hành chính vẫn thực hiện theo quy định chuyên ngành. Điều thay đổi là cách anh/chị thu thập, lưu giữ, chia sẻ dữ liệu cá nhân trong quá trình giải quyết: đúng mục đích, đủ cần thiết và được bảo vệ.</p>"},
                        {"question": "Người dân yêu cầu xem phường lưu gì về họ, tôi có được trả lời ngay không?",
                         "answer": "<p>Anh/chị xác minh danh tính, ghi nhận yêu cầu và chuyển ngay cho đầu mối theo quy trình của đơn vị. Thời hạn trả lời thực hiện theo Nghị định 356/2025/NĐ-CP.</p>"},
                        {"question": "Nếu tôi không ký cam kết thì sao?",
                         "answer": "<p>Khóa bồi dưỡng sẽ chưa được ghi nhận hoàn thành. Nếu có nội dung chưa rõ, anh/chị trao đổi với cán bộ đầu mối hoặc lãnh đạo trước khi ký.</p>"},
                    ],
                }),
            ],
        },
    ],
}
