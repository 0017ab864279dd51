from decimal import Decimal

MODULE = {
    "number": 11,
    "slug": "vai-tro-nguoi-dung-dau",
    "title": "Vai trò người đứng đầu: chủ quản hệ thống, cấp độ an toàn, kế hoạch ứng phó",
    "tracks": ["C"],
    "tiet": Decimal("4"),
    "minutes": 180,
    "summary": (
        "Bài học dành cho lãnh đạo phường, xã, đặc khu: thực hiện vai trò chủ quản hệ thống thông tin, phê duyệt cấp độ "
        "an toàn và phương án bảo vệ, phân công đầu mối, bố trí kinh phí, tổ chức diễn tập ứng phó sự cố và theo dõi "
        "bảng tổng hợp của đơn vị."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể phân công bằng văn bản cán bộ đầu mối an toàn thông tin, đầu mối bảo vệ dữ liệu cá nhân và người dự phòng.",
        "Sau bài này, anh/chị có thể tổ chức xác định, phê duyệt cấp độ an toàn và phương án bảo vệ cho hệ thống thông tin do đơn vị quản lý theo Nghị định 85/2016/NĐ-CP.",
        "Sau bài này, anh/chị có thể bố trí kinh phí, phê duyệt kế hoạch ứng phó sự cố và chủ trì diễn tập hằng năm.",
        "Sau bài này, anh/chị có thể đọc bảng theo dõi của đơn vị để đôn đốc bồi dưỡng, xử lý tồn tại và báo cáo cấp trên.",
        "Sau bài này, anh/chị có thể chỉ đạo xử lý một vi phạm dữ liệu cá nhân bảo đảm thời hạn thông báo 72 giờ.",
    ],
    "tags": ["trach-nhiem-lanh-dao", "cap-do-an-toan", "ung-pho-su-co"],
    "body": [
        ("heading", "Người đứng đầu chịu trách nhiệm trước tiên"),
        ("paragraph",
         "<p>Từ ngày 01/7/2025, khi Thành phố Hồ Chí Minh vận hành chính quyền địa phương hai cấp sau hợp nhất với Bình Dương và "
         "Bà Rịa – Vũng Tàu, 168 phường, xã và đặc khu Côn Đảo trực tiếp tiếp nhận phần lớn thủ tục hành chính và quản lý khối lượng "
         "dữ liệu dân cư lớn hơn nhiều so với trước. Không còn cấp trung gian giữa phường, xã và Thành phố, nên người đứng đầu Ủy ban "
         "nhân dân cấp xã là người trực tiếp chịu trách nhiệm về an toàn thông tin và bảo vệ dữ liệu cá nhân tại đơn vị mình.</p>"
         "<p>Trách nhiệm này không thể giao hết cho một công chức phụ trách công nghệ thông tin. Công chức đó có thể giỏi chuyên môn, "
         "nhưng không có thẩm quyền phân công nhân sự, phê duyệt kinh phí, ký ban hành quy chế hay quyết định ngừng một hệ thống khi có sự cố. "
         "Những việc đó chỉ người đứng đầu làm được. Bài học này đi qua năm nhóm việc cụ thể của lãnh đạo: phân công, phê duyệt cấp độ, "
         "bố trí nguồn lực, chỉ đạo ứng phó sự cố và theo dõi, đôn đốc.</p>"),
        ("callout", {
            "kind": "legal",
            "title": "Căn cứ pháp lý",
            "body": (
                "<p><strong>Nghị định 85/2016/NĐ-CP</strong> về bảo đảm an toàn hệ thống thông tin theo cấp độ: hệ thống thông tin được phân "
                "thành 5 cấp độ; chủ quản hệ thống thông tin có trách nhiệm tổ chức xác định cấp độ, phê duyệt hồ sơ đề xuất cấp độ và phương án "
                "bảo đảm an toàn theo thẩm quyền.</p>"
                "<p><strong>Luật An ninh mạng số 116/2025/QH15</strong>, có hiệu lực từ 01/7/2026, hợp nhất Luật An ninh mạng 2018 và Luật An toàn "
                "thông tin mạng 2015. <strong>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15</strong> và <strong>Nghị định 356/2025/NĐ-CP</strong> "
                "có hiệu lực từ 01/01/2026, quy định trách nhiệm của cơ quan xử lý dữ liệu cá nhân, trong đó có nghĩa vụ thông báo vi phạm "
                "cho Bộ Công an trong 72 giờ kể từ khi phát hiện. <strong>Luật Bảo vệ bí mật nhà nước số 29/2018/QH14</strong> quy định trách nhiệm "
                "của người đứng đầu trong bảo vệ bí mật nhà nước tại cơ quan.</p>"
            ),
        }),
        ("heading", "Việc thứ nhất: phân công đầu mối rõ ràng"),
        ("paragraph",
         "<p>Sau sắp xếp bộ máy, nhiều phường, xã thiếu công chức chuyên trách công nghệ thông tin; một người thường kiêm nhiệm văn phòng, "
         "văn thư và quản trị mạng. Kiêm nhiệm là thực tế khó tránh, nhưng không được để trách nhiệm mơ hồ. Lãnh đạo cần ban hành văn bản "
         "phân công, tối thiểu gồm:</p>"
         "<ul>"
         "<li><strong>Cán bộ đầu mối an toàn thông tin</strong>: tiếp nhận báo cáo sự cố, theo dõi cảnh báo, phối hợp với cơ quan chuyên trách của Thành phố.</li>"
         "<li><strong>Đầu mối bảo vệ dữ liệu cá nhân</strong>: tiếp nhận yêu cầu của người dân về dữ liệu của họ, theo dõi thời hạn trả lời, đề xuất biện pháp bảo vệ.</li>"
         "<li><strong>Người dự phòng</strong> cho mỗi đầu mối, để khi đầu mối nghỉ phép, đi học hay chuyển công tác thì việc không bị gián đoạn.</li>"
         "<li><strong>Người quản lý tài khoản</strong> trên các hệ thống dùng chung: ai được cấp, ai duyệt, ai thu hồi khi cán bộ nghỉ việc hay điều chuyển.</li>"
         "</ul>"
         "<p>Nguyên tắc quan trọng khi kiêm nhiệm: người cấp quyền không đồng thời là người duy nhất kiểm tra việc sử dụng quyền đó. Ví dụ, người "
         "quản trị tài khoản không tự mình rà soát nhật ký truy cập của chính mình; lãnh đạo hoặc một người khác cần xem lại định kỳ. Danh sách đầu "
         "mối và số liên hệ nội bộ cần được thông báo cho toàn thể cán bộ, dán ở bộ phận một cửa, để khi có sự cố ai cũng biết phải báo cho ai.</p>"),
        ("knowledge_check", {
            "situation": (
                "Phường X. có một công chức duy nhất am hiểu công nghệ thông tin, đang kiêm văn thư và quản trị mạng. Công chức này sắp đi học tập trung "
                "ba tháng. Chủ tịch Ủy ban nhân dân phường cần quyết định."
            ),
            "question": "Cách làm nào phù hợp nhất?",
            "options": [
                {"text": "Để công chức đó tiếp tục giữ mật khẩu quản trị và xử lý từ xa qua Zalo khi cần.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Trao đổi mật khẩu và xử lý sự cố qua Zalo là rủi ro; đơn vị cũng không có ai tại chỗ khi có sự cố."},
                {"text": "Ban hành văn bản phân công người dự phòng, tổ chức bàn giao tài khoản và tài liệu, đổi mật khẩu quản trị, thông báo đầu mối mới cho toàn đơn vị.",
                 "is_correct": True,
                 "feedback": "Đúng. Phân công bằng văn bản, bàn giao có kiểm soát và thông báo rộng rãi giúp công việc không gián đoạn và trách nhiệm rõ ràng."},
                {"text": "Tạm thời không cần đầu mối vì ba tháng là ngắn.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Sự cố không chờ đầu mối đi học về; thời hạn 72 giờ thông báo vi phạm dữ liệu vẫn tính như bình thường."},
            ],
        }),
        ("heading", "Việc thứ hai: phê duyệt cấp độ an toàn hệ thống thông tin"),
        ("paragraph",
         "<p>Theo Nghị định 85/2016/NĐ-CP, mỗi hệ thống thông tin được xác định một trong năm cấp độ, từ cấp độ 1 (thấp nhất) đến cấp độ 5 (cao nhất), "
         "căn cứ vào loại thông tin hệ thống xử lý, phạm vi phục vụ và mức độ thiệt hại nếu hệ thống bị phá hoại. Cấp độ càng cao thì yêu cầu bảo vệ "
         "càng chặt và việc thẩm định càng kỹ.</p>"
         "<p><strong>Chủ quản hệ thống thông tin</strong> là cơ quan có thẩm quyền quản lý trực tiếp hệ thống. Với những hệ thống do phường, xã tự đầu "
         "tư, vận hành như mạng nội bộ tại trụ sở, hệ thống camera, máy chủ lưu trữ nội bộ, Ủy ban nhân dân cấp xã là chủ quản. Với các hệ thống dùng "
         "chung do Thành phố triển khai, như hệ thống một cửa điện tử hay hệ thống quản lý văn bản và điều hành, chủ quản là cơ quan cấp Thành phố; "
         "phường, xã là đơn vị sử dụng và phải tuân thủ quy chế của hệ thống đó.</p>"
         "<p>Trình tự cơ bản mà lãnh đạo cần chỉ đạo:</p>"
         "<ol>"
         "<li>Lập danh mục toàn bộ hệ thống thông tin đơn vị đang quản lý hoặc sử dụng, ghi rõ hệ thống nào đơn vị là chủ quản.</li>"
         "<li>Giao đầu mối lập hồ sơ đề xuất cấp độ cho từng hệ thống đơn vị là chủ quản, kèm phương án bảo đảm an toàn.</li>"
         "<li>Tổ chức thẩm định theo đúng thẩm quyền; với hệ thống cấp độ cao, lấy ý kiến cơ quan chuyên trách theo quy định.</li>"
         "<li>Ký phê duyệt cấp độ và phương án; bố trí nguồn lực để thực hiện phương án đó.</li>"
         "<li>Rà soát lại khi hệ thống thay đổi lớn, chẳng hạn sau khi hợp nhất trụ sở, đổi tên đơn vị hay chuyển máy chủ.</li>"
         "</ol>"
         "<p>Nhiều đơn vị cũ trước sáp nhập đã có hồ sơ cấp độ; khi hợp nhất thành phường, xã mới, các hồ sơ này cần được rà soát vì chủ quản, địa điểm "
         "và quy mô đã thay đổi. Hồ sơ được phê duyệt nhưng không thực hiện thì không có giá trị bảo vệ, lại còn là bằng chứng cho thấy đơn vị biết rủi ro mà không xử lý.</p>"),
        ("callout", {
            "kind": "note",
            "title": "Máy tính cũ cũng là một phần hệ thống",
            "body": (
                "<p>Sau sáp nhập, nhiều trụ sở cũ còn máy tính để bàn không dùng đến. Ổ cứng các máy này có thể chứa hồ sơ một cửa, danh sách hộ dân, "
                "tài liệu nội bộ nhiều năm. Trước khi điều chuyển, thanh lý hay tiêu hủy, lãnh đạo cần chỉ đạo xóa dữ liệu an toàn hoặc tháo và tiêu hủy ổ cứng, "
                "có biên bản ghi nhận.</p>"
            ),
        }),
        ("heading", "Việc thứ ba: bố trí kinh phí và nguồn lực"),
        ("paragraph",
         "<p>An toàn thông tin cần chi phí thường xuyên, không chỉ khi mua sắm thiết bị. Khi lập dự toán hằng năm, lãnh đạo cần bảo đảm có các khoản:</p>"
         "<ul>"
         "<li>Bản quyền phần mềm diệt mã độc, hệ điều hành còn được hỗ trợ cập nhật bảo mật.</li>"
         "<li>Thay thế thiết bị mạng, máy tính quá cũ không còn cập nhật được.</li>"
         "<li>Sao lưu dữ liệu định kỳ, có bản sao lưu tách biệt khỏi mạng.</li>"
         "<li>Tổ chức diễn tập, kiểm tra, đánh giá an toàn thông tin.</li>"
         "<li>Thời gian để cán bộ tham gia bồi dưỡng, trong đó có yêu cầu 40 tiết bồi dưỡng mỗi năm của Thành phố.</li>"
         "</ul>"
         "<p>Khi nguồn lực hạn chế, ưu tiên theo rủi ro: bảo vệ trước các máy và tài khoản xử lý nhiều dữ liệu cá nhân nhất, như máy tại bộ phận một cửa "
         "và tài khoản quản trị.</p>"),
        ("heading", "Việc thứ tư: kế hoạch ứng phó sự cố và diễn tập"),
        ("paragraph",
         "<p>Kế hoạch ứng phó sự cố trả lời trước những câu hỏi mà khi có sự cố không còn thời gian để bàn: ai quyết định ngắt mạng, ai báo cáo lãnh đạo, "
         "ai liên hệ cơ quan chuyên trách của Thành phố, ai soạn thông báo cho Bộ Công an, ai trả lời người dân và báo chí, tiếp nhận hồ sơ bằng cách nào "
         "nếu hệ thống ngừng hoạt động. Kế hoạch cần ngắn gọn, có danh sách liên hệ cập nhật và được in ra giấy, vì khi máy tính bị mã độc thì tệp kế hoạch "
         "trên máy cũng có thể không mở được.</p>"
         "<p>Diễn tập giúp phát hiện chỗ vướng trước khi sự cố thật xảy ra. Đơn vị nên tổ chức diễn tập ít nhất mỗi năm một lần, có thể đơn giản như một buổi "
         "“diễn tập trên bàn” kéo dài một giờ: lãnh đạo đưa ra tình huống, ví dụ “sáng thứ Hai, máy một cửa bị mã hóa dữ liệu” hay “một video giả giọng Chủ tịch "
         "phường yêu cầu chuyển tiền”, và từng người nói mình sẽ làm gì. Sau diễn tập, ghi lại các điểm cần sửa trong kế hoạch và giao người thực hiện.</p>"),
        ("callout", {
            "kind": "warning",
            "title": "Kẻ gian nhắm vào chính lãnh đạo",
            "body": (
                "<p>Các vụ lừa đảo bằng cuộc gọi video, giọng nói giả mạo lãnh đạo bằng công nghệ giả mạo sâu (deepfake) ngày càng phổ biến. Lãnh đạo nên "
                "thông báo rõ với toàn đơn vị: lãnh đạo không bao giờ yêu cầu chuyển tiền, gửi dữ liệu người dân hay cung cấp mật khẩu qua Zalo, tin nhắn hay "
                "cuộc gọi. Mọi yêu cầu như vậy phải được xác minh lại bằng cách gọi số máy đã biết hoặc gặp trực tiếp. Lãnh đạo cũng không giao thiết bị ký số "
                "hay mã PIN cho văn thư “ký hộ”.</p>"
            ),
        }),
        ("heading", "Việc thứ năm: chỉ đạo xử lý vi phạm dữ liệu cá nhân"),
        ("paragraph",
         "<p>Khi đầu mối báo cáo một vi phạm dữ liệu cá nhân, lãnh đạo cần nhớ đồng hồ 72 giờ đã chạy từ lúc đơn vị phát hiện. Các quyết định cần đưa ra nhanh: "
         "khoanh vùng thế nào, có tạm ngừng hệ thống hay tài khoản nào không, ai soạn thông báo gửi Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao "
         "(A05) – Bộ Công an, có cần thông báo cho người dân bị ảnh hưởng theo quy định không. Lãnh đạo không nên chờ có đầy đủ mọi thông tin mới thông báo; có thể "
         "thông báo những gì đã biết và bổ sung sau.</p>"
         "<p>Sau sự cố, cần tổ chức rút kinh nghiệm theo hướng tìm nguyên nhân để sửa quy trình, không chỉ tìm người để kỷ luật. Nếu cán bộ sợ bị phạt vì báo "
         "cáo, lần sau họ sẽ giấu, và đơn vị sẽ mất khả năng phát hiện sớm.</p>"),
        ("knowledge_check", {
            "situation": (
                "Tối thứ Bảy, đầu mối an toàn thông tin gọi cho Chủ tịch phường: một tệp danh sách đối tượng bảo trợ xã hội bị đăng lên một nhóm mạng xã hội. "
                "Đầu mối đề nghị được chuẩn bị thông báo gửi Bộ Công an."
            ),
            "question": "Chỉ đạo nào phù hợp?",
            "options": [
                {"text": "Để đến sáng thứ Hai họp giao ban rồi quyết định.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Đến sáng thứ Hai, gần một nửa thời hạn 72 giờ đã trôi qua, trong khi dữ liệu tiếp tục lan truyền."},
                {"text": "Đồng ý ngay, giao đầu mối khoanh vùng, đề nghị gỡ bài, chuẩn bị thông báo cho A05 trong thời hạn và báo cáo tiến độ liên tục.",
                 "is_correct": True,
                 "feedback": "Đúng. Người đứng đầu quyết định nhanh, giao việc rõ và bảo đảm thời hạn thông báo theo Luật Bảo vệ dữ liệu cá nhân."},
                {"text": "Yêu cầu đầu mối tìm ra người làm lộ trước, khi nào rõ trách nhiệm mới thông báo.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Việc xác định trách nhiệm làm sau; trước hết phải hạn chế thiệt hại và thông báo đúng hạn."},
            ],
        }),
        ("heading", "Theo dõi bảng tổng hợp của đơn vị"),
        ("paragraph",
         "<p>Nền tảng An Toàn Số cung cấp cho lãnh đạo bảng theo dõi của đơn vị. Lãnh đạo nên xem định kỳ, ít nhất mỗi tháng một lần, và chú ý:</p>"
         "<ul>"
         "<li><strong>Tiến độ bồi dưỡng</strong>: bao nhiêu cán bộ đã hoàn thành các bài học bắt buộc, ai còn chậm so với yêu cầu 40 tiết mỗi năm.</li>"
         "<li><strong>Kết quả kiểm tra</strong>: những nội dung nhiều người trả lời sai là chỗ cần nhắc lại trong giao ban.</li>"
         "<li><strong>Cam kết thường niên</strong>: ai chưa ký cam kết bảo đảm an toàn thông tin trong đợt bồi dưỡng quanh ngày 6/8.</li>"
         "<li><strong>Nhóm đối tượng</strong>: cán bộ một cửa, đầu mối công nghệ thông tin và lãnh đạo đã học đủ các bài học dành riêng cho mình chưa.</li>"
         "</ul>"
         "<p>Số liệu chỉ có ý nghĩa khi dẫn đến hành động: phân công người nhắc nhở, bố trí thời gian học trong giờ hành chính cho bộ phận bận nhất, và đưa nội dung "
         "an toàn thông tin vào giao ban định kỳ.</p>"),
        ("knowledge_check", {
            "situation": (
                "Bảng theo dõi cho thấy 90% cán bộ phường đã hoàn thành bài học về lừa đảo, nhưng ở bộ phận một cửa chỉ có 40%, vì bộ phận này luôn đông người dân."
            ),
            "question": "Lãnh đạo nên làm gì?",
            "options": [
                {"text": "Không cần xử lý vì tỉ lệ chung của phường đã cao.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Bộ phận một cửa xử lý nhiều dữ liệu cá nhân nhất nên lại là nơi rủi ro cao nhất."},
                {"text": "Bố trí lịch học luân phiên trong giờ hành chính cho bộ phận một cửa và theo dõi lại sau hai tuần.",
                 "is_correct": True,
                 "feedback": "Đúng. Lãnh đạo tạo điều kiện thực tế để cán bộ học và kiểm tra lại kết quả."},
                {"text": "Nhắc nhở trong nhóm Zalo và yêu cầu tự học ngoài giờ.",
                 "is_correct": False,
                 "feedback": "Chưa đủ. Khi nguyên nhân là khối lượng công việc, nhắc nhở không giải quyết được; cần bố trí thời gian cụ thể."},
            ],
        }),
        ("accordion", {
            "title": "Câu hỏi thường gặp",
            "items": [
                {"question": "Phường, xã có phải làm hồ sơ cấp độ cho hệ thống một cửa điện tử không?",
                 "answer": "<p>Nếu hệ thống do Thành phố triển khai và làm chủ quản thì hồ sơ cấp độ do chủ quản cấp Thành phố thực hiện. Phường, xã lập hồ sơ cho các hệ thống mình là chủ quản, và tuân thủ quy chế sử dụng của các hệ thống dùng chung.</p>"},
                {"question": "Có thể giao toàn bộ việc an toàn thông tin cho một doanh nghiệp bên ngoài không?",
                 "answer": "<p>Có thể thuê dịch vụ kỹ thuật, nhưng không thể chuyển giao trách nhiệm của chủ quản. Hợp đồng phải có điều khoản bảo vệ dữ liệu, và đơn vị vẫn phải có đầu mối nội bộ giám sát.</p>"},
                {"question": "Diễn tập có tốn kém không?",
                 "answer": "<p>Không nhất thiết. Một buổi diễn tập trên bàn với vài tình huống thực tế, có biên bản và danh sách việc cần sửa, đã mang lại nhiều giá trị. Diễn tập kỹ thuật phức tạp hơn có thể phối hợp với cơ quan chuyên trách của Thành phố.</p>"},
                {"question": "Lãnh đạo có phải học đủ các bài học như cán bộ khác không?",
                 "answer": "<p>Có. Lãnh đạo là mục tiêu hàng đầu của lừa đảo giả danh và là người ra quyết định khi có sự cố, nên cần học cả bài học chung lẫn bài học dành cho lãnh đạo.</p>"},
            ],
        }),
    ],
}
