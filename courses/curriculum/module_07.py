from decimal import Decimal

MODULE = {
    "number": 7,
    "slug": "quyen-chu-the-du-lieu",
    "title": "Quyền của chủ thể dữ liệu và xử lý yêu cầu của người dân",
    "tracks": ["B", "C"],
    "tiet": Decimal("1"),
    "minutes": 45,
    "summary": (
        "Bài học giúp cán bộ bộ phận một cửa và lãnh đạo phường, xã nhận diện các yêu cầu "
        "của người dân về dữ liệu cá nhân của chính họ, tiếp nhận đúng cách và chuyển ngay "
        "cho đầu mối để xử lý trong thời hạn luật định."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể kể tên các quyền chính của chủ thể dữ liệu theo Luật Bảo vệ dữ liệu cá nhân.",
        "Sau bài này, anh/chị có thể nhận diện một yêu cầu truy cập, chỉnh sửa, xóa, phản đối xử lý hoặc rút lại sự đồng ý, kể cả khi người dân không dùng đúng thuật ngữ.",
        "Sau bài này, anh/chị có thể xác minh người yêu cầu trước khi cung cấp hay thay đổi dữ liệu.",
        "Sau bài này, anh/chị có thể ghi nhận yêu cầu và chuyển ngay cho cán bộ đầu mối để bảo đảm thời hạn luật định.",
    ],
    "tags": ["quyen-chu-the", "bao-ve-du-lieu-ca-nhan", "mot-cua"],
    "body": [
        ("heading", "Vì sao cán bộ một cửa cần hiểu quyền của chủ thể dữ liệu"),
        ("paragraph",
         "<p>Mỗi ngày, bộ phận một cửa của phường, xã và đặc khu tiếp nhận rất nhiều hồ sơ chứa "
         "dữ liệu cá nhân: số định danh cá nhân, ảnh chụp căn cước công dân (CCCD), địa chỉ thường trú, "
         "thông tin hộ tịch, tình trạng hôn nhân, có khi cả thông tin sức khỏe hay hoàn cảnh khó khăn "
         "của gia đình. Người dân đưa những thông tin đó cho chính quyền vì tin rằng chúng được dùng "
         "đúng mục đích và được giữ gìn cẩn thận.</p>"
         "<p>Pháp luật hiện hành gọi người có dữ liệu là <strong>chủ thể dữ liệu</strong> và trao cho họ "
         "những quyền cụ thể đối với dữ liệu của mình. Khi người dân đến quầy và nói “tôi muốn xem "
         "phường đang lưu gì về tôi” hay “sửa giúp tôi số điện thoại, số cũ không dùng nữa”, đó không "
         "chỉ là một câu hỏi thông thường mà có thể là một yêu cầu thực hiện quyền của chủ thể dữ liệu. "
         "Cơ quan phải trả lời trong thời hạn luật định. Nếu cán bộ tiếp nhận không nhận ra, yêu cầu dễ bị "
         "bỏ quên, quá hạn và đơn vị có thể bị khiếu nại.</p>"),
        ("callout", {
            "kind": "legal",
            "title": "Căn cứ pháp lý",
            "body": (
                "<p><strong>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15</strong>, có hiệu lực từ ngày "
                "01/01/2026, và <strong>Nghị định 356/2025/NĐ-CP</strong> quy định chi tiết Luật này, "
                "cũng có hiệu lực từ ngày 01/01/2026 và thay thế Nghị định 13/2023/NĐ-CP.</p>"
                "<p>Các văn bản này quy định quyền của chủ thể dữ liệu, trách nhiệm của cơ quan xử lý dữ liệu "
                "và thời hạn cụ thể để đáp ứng từng loại yêu cầu. Cán bộ thực hiện theo quy trình nội bộ của "
                "đơn vị và thời hạn quy định tại Nghị định 356/2025/NĐ-CP; khi chưa rõ, hỏi ngay cán bộ đầu mối.</p>"
            ),
        }),
        ("heading", "Các quyền chính của chủ thể dữ liệu"),
        ("paragraph",
         "<p>Anh/chị không cần thuộc lòng từng điều luật, nhưng cần nhớ các nhóm quyền sau để nhận ra yêu cầu "
         "của người dân:</p>"
         "<ul>"
         "<li><strong>Quyền được biết</strong>: biết dữ liệu của mình được thu thập để làm gì, ai xử lý, lưu trong bao lâu.</li>"
         "<li><strong>Quyền đồng ý và rút lại sự đồng ý</strong>: với những việc cần sự đồng ý, người dân có thể không đồng ý hoặc rút lại sự đồng ý đã cho.</li>"
         "<li><strong>Quyền truy cập</strong>: xem hoặc được cung cấp bản sao dữ liệu của chính mình.</li>"
         "<li><strong>Quyền chỉnh sửa</strong>: yêu cầu sửa thông tin sai hoặc đã cũ.</li>"
         "<li><strong>Quyền xóa dữ liệu và hạn chế xử lý</strong>: yêu cầu xóa, hoặc tạm dừng một phần việc xử lý.</li>"
         "<li><strong>Quyền phản đối xử lý</strong>: phản đối việc dùng dữ liệu cho một mục đích nhất định, ví dụ gửi tin nhắn quảng bá.</li>"
         "<li><strong>Quyền được cung cấp dữ liệu</strong>, <strong>quyền khiếu nại, tố cáo, khởi kiện</strong> và <strong>quyền yêu cầu bồi thường</strong> khi bị xâm phạm.</li>"
         "</ul>"
         "<p>Cần lưu ý: cơ quan nhà nước xử lý nhiều loại dữ liệu để thực hiện nhiệm vụ theo quy định của pháp luật, "
         "chẳng hạn hồ sơ hộ tịch hay hồ sơ lưu trữ. Trong những trường hợp này, một số yêu cầu, nhất là yêu cầu xóa, "
         "có thể không được đáp ứng hoặc chỉ đáp ứng một phần. Tuy vậy, quyết định đó thuộc về đầu mối và lãnh đạo "
         "đơn vị, có căn cứ và được trả lời bằng văn bản, chứ không phải lời từ chối ngay tại quầy.</p>"),
        ("heading", "Nhận diện yêu cầu qua lời nói của người dân"),
        ("paragraph",
         "<p>Người dân hiếm khi nói “tôi thực hiện quyền truy cập dữ liệu”. Họ dùng lời nói đời thường. Một số ví dụ:</p>"
         "<ul>"
         "<li>“Cho tôi xem hồ sơ của tôi trên hệ thống có những gì” — yêu cầu <strong>truy cập</strong>.</li>"
         "<li>“Sau sáp nhập, địa chỉ nhà tôi ghi sai tên phường, sửa giúp tôi” — yêu cầu <strong>chỉnh sửa</strong>.</li>"
         "<li>“Tôi rút đơn rồi, phường hủy giùm bản chụp CCCD của tôi” — có thể là yêu cầu <strong>xóa</strong>.</li>"
         "<li>“Đừng thêm số tôi vào nhóm Zalo của khu phố nữa” — có thể là <strong>phản đối xử lý</strong> hoặc <strong>rút lại sự đồng ý</strong>.</li>"
         "<li>“Ai đã lấy số điện thoại của tôi từ phường mà gọi mời mua bảo hiểm?” — có thể là dấu hiệu <strong>lộ lọt dữ liệu</strong>, cần báo đầu mối ngay.</li>"
         "</ul>"),
        ("knowledge_check", {
            "situation": (
                "Một bà cụ đến quầy một cửa phường và nói: “Hồi năm ngoái tôi làm hồ sơ trợ cấp, có nộp bản chụp "
                "CCCD. Giờ tôi không nhận trợ cấp nữa, cô bỏ giùm tôi mấy giấy tờ đó đi, tôi sợ người ta lấy dùng bậy.”"
            ),
            "question": "Cán bộ tiếp nhận nên làm gì?",
            "options": [
                {"text": "Giải thích rằng hồ sơ đã nộp là của phường, không thể xóa, rồi mời bà về.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Đây là một yêu cầu xóa dữ liệu. Có thể hồ sơ phải lưu theo quy định, nhưng việc đánh giá phải do đầu mối thực hiện và trả lời người dân có căn cứ, không từ chối miệng tại quầy."},
                {"text": "Ghi nhận yêu cầu, xác minh danh tính, hướng dẫn bà làm phiếu yêu cầu và chuyển ngay cho cán bộ đầu mối bảo vệ dữ liệu cá nhân.",
                 "is_correct": True,
                 "feedback": "Đúng. Anh/chị nhận ra đây là yêu cầu xóa, ghi nhận đầy đủ, chuyển đầu mối để đánh giá và trả lời trong thời hạn luật định."},
                {"text": "Tìm ngay hồ sơ trong tủ và hủy bản chụp CCCD cho bà yên tâm.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Tự ý hủy hồ sơ có thể vi phạm quy định về lưu trữ. Cần đánh giá xem dữ liệu có phải lưu giữ theo luật hay không trước khi xóa."},
                {"text": "Hẹn bà khi nào rảnh sẽ xem lại, không cần ghi chép.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Yêu cầu không được ghi nhận rất dễ bị quên và quá thời hạn luật định."},
            ],
        }),
        ("heading", "Quy trình năm bước khi tiếp nhận yêu cầu"),
        ("paragraph",
         "<ol>"
         "<li><strong>Lắng nghe và xác định loại yêu cầu.</strong> Hỏi lại cho rõ người dân muốn xem, sửa, xóa hay ngừng việc gì.</li>"
         "<li><strong>Xác minh danh tính.</strong> Đối chiếu CCCD hoặc tài khoản định danh điện tử VNeID. Nếu là người thân đi thay, phải có giấy ủy quyền hợp lệ hoặc là người đại diện theo pháp luật.</li>"
         "<li><strong>Ghi nhận bằng văn bản.</strong> Dùng mẫu phiếu của đơn vị hoặc ghi vào sổ theo dõi: ngày giờ tiếp nhận, họ tên, nội dung yêu cầu, cán bộ tiếp nhận.</li>"
         "<li><strong>Chuyển ngay cho cán bộ đầu mối</strong> trong ngày, qua hệ thống quản lý văn bản và điều hành hoặc email công vụ, không qua Zalo cá nhân.</li>"
         "<li><strong>Thông báo cho người dân</strong> rằng yêu cầu đã được tiếp nhận và sẽ được trả lời trong thời hạn luật định, kèm đầu mối liên hệ.</li>"
         "</ol>"),
        ("callout", {
            "kind": "warning",
            "title": "Không cung cấp dữ liệu cho người không đúng chủ thể",
            "body": (
                "<p>Thường gặp nhất là người gọi điện tự xưng là con, vợ, chồng hoặc “người quen của lãnh đạo” "
                "nhờ đọc giúp số CCCD, địa chỉ hay tình trạng hồ sơ của người khác. Không cung cấp qua điện thoại "
                "hay tin nhắn. Thời hạn luật định tính từ khi tiếp nhận, nên việc xác minh kỹ không làm chậm quy "
                "trình; cung cấp nhầm người mới là sự cố dữ liệu.</p>"
            ),
        }),
        ("heading", "Trách nhiệm của lãnh đạo và cán bộ kiêm nhiệm"),
        ("paragraph",
         "<p>Sau khi sắp xếp chính quyền địa phương hai cấp từ ngày 01/7/2025, nhiều phường, xã có cán bộ kiêm "
         "nhiệm nhiều việc. Lãnh đạo phường, xã cần phân công rõ bằng văn bản một người làm đầu mối tiếp nhận và "
         "theo dõi yêu cầu của chủ thể dữ liệu, có người dự phòng khi đầu mối đi vắng. Sổ theo dõi cần được rà soát "
         "định kỳ để không yêu cầu nào bị quá hạn.</p>"
         "<p>Khi yêu cầu liên quan đến dữ liệu nằm trên hệ thống dùng chung của Thành phố hoặc cơ sở dữ liệu quốc gia, "
         "phường, xã không tự sửa được. Đầu mối cần chuyển đến đơn vị quản lý hệ thống theo đúng quy trình và báo lại "
         "cho người dân tiến độ xử lý.</p>"),
        ("knowledge_check", {
            "situation": (
                "Một người đàn ông gọi điện đến phường, xưng là con trai của ông N., đề nghị cán bộ đọc giúp địa chỉ "
                "thường trú và số CCCD của cha mình “để làm thủ tục ngân hàng gấp”."
            ),
            "question": "Cách xử lý nào đúng?",
            "options": [
                {"text": "Đọc thông tin vì người gọi biết rõ họ tên ông N.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Biết họ tên không chứng minh được quan hệ hay quyền đại diện. Đây là thủ đoạn thường gặp để thu thập dữ liệu."},
                {"text": "Từ chối cung cấp qua điện thoại, hướng dẫn chính ông N. hoặc người được ủy quyền hợp lệ đến làm thủ tục.",
                 "is_correct": True,
                 "feedback": "Đúng. Dữ liệu chỉ cung cấp cho đúng chủ thể hoặc người đại diện hợp pháp sau khi xác minh."},
                {"text": "Gửi ảnh chụp hồ sơ qua Zalo cho nhanh.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Vừa cung cấp cho người chưa xác minh, vừa dùng kênh không chính thức."},
            ],
        }),
        ("accordion", {
            "title": "Câu hỏi thường gặp",
            "items": [
                {"question": "Thời hạn trả lời yêu cầu của người dân là bao lâu?",
                 "answer": "<p>Luật Bảo vệ dữ liệu cá nhân và Nghị định 356/2025/NĐ-CP quy định thời hạn cụ thể cho từng loại yêu cầu. Anh/chị không tự hứa một số ngày với người dân; hãy ghi nhận, chuyển ngay cho đầu mối và báo người dân rằng yêu cầu sẽ được trả lời trong thời hạn luật định.</p>"},
                {"question": "Người dân yêu cầu qua Zalo của cán bộ thì có tính không?",
                 "answer": "<p>Có, vẫn cần ghi nhận. Anh/chị hướng dẫn người dân gửi yêu cầu qua kênh chính thức của phường, xã, đồng thời tự ghi vào sổ theo dõi và báo đầu mối, không để yêu cầu nằm trong tin nhắn cá nhân.</p>"},
                {"question": "Nếu yêu cầu xóa không thể đáp ứng thì sao?",
                 "answer": "<p>Đầu mối và lãnh đạo đơn vị trả lời bằng văn bản, nêu rõ căn cứ, ví dụ dữ liệu phải lưu trữ theo quy định. Người dân vẫn có quyền khiếu nại theo quy định.</p>"},
            ],
        }),
    ],
}
