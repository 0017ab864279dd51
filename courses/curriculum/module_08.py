from decimal import Decimal

MODULE = {
    "number": 8,
    "slug": "phan-loai-chia-se-ai-cloud",
    "title": "Phân loại, chia sẻ thông tin; mạng xã hội; AI và dịch vụ đám mây",
    "tracks": ["A"],
    "tiet": Decimal("1.5"),
    "minutes": 70,
    "summary": (
        "Bài học hướng dẫn cán bộ, công chức phân loại thông tin trước khi chia sẻ, dùng nhóm Zalo công việc "
        "và mạng xã hội đúng mực, và không đưa dữ liệu cá nhân hay tài liệu nội bộ lên công cụ AI công cộng "
        "hoặc dịch vụ lưu trữ đám mây cá nhân."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể phân loại một tài liệu thành công khai, nội bộ, chứa dữ liệu cá nhân hoặc bí mật nhà nước trước khi chia sẻ.",
        "Sau bài này, anh/chị có thể chọn kênh chia sẻ phù hợp với từng loại thông tin.",
        "Sau bài này, anh/chị có thể nhận ra các rủi ro khi đăng bài, chụp ảnh màn hình hoặc chuyển tiếp tin trong nhóm Zalo và trên mạng xã hội.",
        "Sau bài này, anh/chị có thể sử dụng công cụ AI và dịch vụ đám mây mà không đưa dữ liệu cá nhân hay tài liệu nội bộ ra ngoài.",
    ],
    "tags": ["phan-loai-thong-tin", "chia-se-an-toan", "ai-va-dam-may"],
    "body": [
        ("heading", "Phân loại trước, chia sẻ sau"),
        ("paragraph",
         "<p>Phần lớn các vụ lộ lọt thông tin ở cơ quan nhà nước không do tin tặc tấn công mà do một thao tác vội: "
         "gửi nhầm nhóm Zalo, chụp màn hình có cả danh sách người dân, đăng ảnh buổi làm việc có tài liệu trên bàn. "
         "Thói quen quan trọng nhất là <strong>dừng lại vài giây để phân loại</strong> trước khi bấm gửi.</p>"
         "<p>Ở phường, xã, anh/chị có thể dùng bốn nhóm đơn giản sau:</p>"
         "<ul>"
         "<li><strong>Công khai</strong>: thông tin đã hoặc được phép công bố, như thủ tục hành chính, lịch tiếp dân, thông báo trên cổng thông tin.</li>"
         "<li><strong>Nội bộ</strong>: văn bản dự thảo, báo cáo chưa ban hành, kế hoạch công tác, biên bản họp, danh bạ cán bộ.</li>"
         "<li><strong>Chứa dữ liệu cá nhân</strong>: hồ sơ một cửa, danh sách hộ nghèo, danh sách đối tượng bảo trợ xã hội, ảnh chụp CCCD. Trong đó có dữ liệu nhạy cảm như sức khỏe, tiền án, tình trạng tài chính cần được bảo vệ chặt hơn.</li>"
         "<li><strong>Bí mật nhà nước</strong>: tài liệu có đóng dấu độ mật (Mật, Tối mật, Tuyệt mật), chỉ xử lý theo quy chế bảo vệ bí mật nhà nước.</li>"
         "</ul>"
         "<p>Khi một tài liệu thuộc nhiều nhóm, áp dụng mức bảo vệ của nhóm cao nhất. Khi không chắc, coi là nội bộ và hỏi người ký hoặc lãnh đạo phụ trách.</p>"),
        ("callout", {
            "kind": "legal",
            "title": "Căn cứ pháp lý",
            "body": (
                "<p><strong>Luật Bảo vệ bí mật nhà nước số 29/2018/QH14</strong> nghiêm cấm soạn thảo, lưu giữ tài liệu "
                "chứa bí mật nhà nước trên máy tính, thiết bị đã hoặc đang kết nối Internet, và cấm truyền đưa bí mật nhà nước "
                "trái quy định về cơ yếu.</p>"
                "<p><strong>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15</strong> và <strong>Nghị định 356/2025/NĐ-CP</strong>, "
                "cùng có hiệu lực từ 01/01/2026, yêu cầu chỉ xử lý dữ liệu cá nhân đúng mục đích, trong phạm vi cần thiết, và "
                "không chuyển dữ liệu cho bên không có thẩm quyền.</p>"
            ),
        }),
        ("heading", "Chọn đúng kênh chia sẻ"),
        ("paragraph",
         "<p>Mỗi loại thông tin có kênh phù hợp. Văn bản nội bộ và hồ sơ chứa dữ liệu cá nhân gửi qua <strong>hệ thống quản lý "
         "văn bản và điều hành</strong> hoặc <strong>email công vụ</strong>; hồ sơ thủ tục hành chính xử lý trên hệ thống "
         "một cửa điện tử gắn với Cổng Dịch vụ công. Tài liệu mật chỉ chuyển bằng phương thức đúng quy chế bảo vệ bí mật "
         "nhà nước, tuyệt đối không qua email, Zalo hay mạng xã hội.</p>"
         "<p>Nhóm Zalo công việc rất tiện để nhắc lịch, phối hợp nhanh. Nhưng Zalo là dịch vụ thương mại, tin nhắn có thể bị "
         "chuyển tiếp, chụp màn hình, và thành viên nhóm có thể đã nghỉ việc hay chuyển công tác sau sắp xếp bộ máy. "
         "Vì vậy, trên nhóm Zalo chỉ trao đổi thông tin công khai hoặc nội dung điều hành chung; không gửi danh sách người dân, "
         "ảnh CCCD, tệp Excel số liệu chi tiết hay dự thảo văn bản nhạy cảm.</p>"),
        ("callout", {
            "kind": "note",
            "title": "Dọn nhóm Zalo sau sắp xếp bộ máy",
            "body": (
                "<p>Sau ngày 01/7/2025, nhiều nhóm Zalo cũ của phường, xã trước sáp nhập vẫn còn hoạt động với thành viên đã "
                "chuyển công tác. Quản trị nhóm nên rà soát danh sách thành viên, xóa người không còn nhiệm vụ và ghim quy tắc "
                "nhóm: không gửi dữ liệu cá nhân, không gửi tài liệu mật.</p>"
            ),
        }),
        ("knowledge_check", {
            "situation": (
                "Chiều thứ Sáu, trưởng khu phố nhắn trong nhóm Zalo chung của phường: “Gửi giúp tôi danh sách hộ nhận trợ cấp "
                "tháng này, có số CCCD và số điện thoại, để tôi đi phát cho nhanh.” Nhóm có hơn 80 thành viên."
            ),
            "question": "Anh/chị nên làm gì?",
            "options": [
                {"text": "Gửi tệp Excel vào nhóm vì trưởng khu phố cần gấp.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Danh sách chứa dữ liệu cá nhân sẽ đến tay hơn 80 người không cần biết, và có thể bị chuyển tiếp ra ngoài."},
                {"text": "Gửi riêng cho trưởng khu phố bản danh sách chỉ gồm thông tin cần thiết để phát trợ cấp, qua kênh được đơn vị cho phép.",
                 "is_correct": True,
                 "feedback": "Đúng. Chỉ cung cấp cho đúng người cần, đúng phạm vi cần thiết, và không gửi dữ liệu cá nhân vào nhóm đông người."},
                {"text": "Chụp màn hình danh sách rồi gửi vào nhóm, như vậy không phải tệp gốc nên an toàn hơn.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Ảnh chụp màn hình vẫn chứa đầy đủ dữ liệu cá nhân và còn khó kiểm soát hơn."},
            ],
        }),
        ("heading", "Mạng xã hội: tài khoản cá nhân, trách nhiệm công vụ"),
        ("paragraph",
         "<p>Cán bộ, công chức có quyền dùng mạng xã hội như mọi công dân, nhưng cần nhớ rằng người đọc luôn gắn lời nói của "
         "anh/chị với cơ quan. Một số nguyên tắc:</p>"
         "<ul>"
         "<li>Không đăng ảnh có tài liệu, màn hình máy tính, bảng theo dõi hồ sơ hay khuôn mặt người dân đang làm thủ tục.</li>"
         "<li>Không tiết lộ thông tin chưa được công bố chính thức như kết quả xét duyệt, nhân sự, kế hoạch kiểm tra.</li>"
         "<li>Không trả lời hồ sơ cụ thể của người dân trong phần bình luận; hướng dẫn họ đến kênh chính thức.</li>"
         "<li>Hạn chế công khai chức vụ, số điện thoại, lịch công tác trên trang cá nhân, vì kẻ gian dùng chính các thông tin này để giả danh lãnh đạo lừa đảo.</li>"
         "</ul>"),
        ("heading", "AI và dịch vụ đám mây: tiện nhưng phải có giới hạn"),
        ("paragraph",
         "<p>Các công cụ trí tuệ nhân tạo (AI) tạo sinh có thể giúp tóm tắt văn bản, soạn thư mời hay sửa lỗi chính tả. Tuy nhiên, "
         "khi dán nội dung vào một công cụ AI công cộng, dữ liệu đó được gửi đến máy chủ của nhà cung cấp, thường ở nước ngoài, "
         "có thể được lưu lại hoặc dùng để huấn luyện mô hình. Anh/chị không còn kiểm soát được dữ liệu đó nữa.</p>"
         "<p>Tương tự, dịch vụ lưu trữ đám mây (cloud) cá nhân như ổ lưu trữ trực tuyến gắn với tài khoản email riêng không thuộc "
         "quản lý của cơ quan. Khi anh/chị nghỉ việc, quên mật khẩu hoặc bị chiếm tài khoản, tài liệu công vụ nằm ở đó sẽ bị lộ hoặc mất.</p>"
         "<p><strong>Quy tắc ghi nhớ:</strong> chỉ đưa vào AI công cộng những nội dung mà anh/chị sẵn sàng đăng lên cổng thông tin công khai. "
         "Không bao giờ dán họ tên kèm số CCCD, địa chỉ, nội dung đơn thư khiếu nại, tố cáo, hồ sơ nhân sự hay dự thảo văn bản nội bộ. "
         "Nếu cần dùng AI cho nội dung công việc, hãy xóa hoặc thay thế mọi thông tin định danh, và ưu tiên công cụ được cơ quan cấp phép.</p>"),
        ("callout", {
            "kind": "warning",
            "title": "Không dùng cloud cá nhân để “mang việc về nhà”",
            "body": (
                "<p>Tải hồ sơ một cửa lên ổ lưu trữ cá nhân để tối về làm tiếp là vi phạm phổ biến. Hãy dùng hình thức truy cập từ xa "
                "chính thức do đơn vị cung cấp, hoặc xin ý kiến lãnh đạo trước khi mang bất kỳ tài liệu nào ra khỏi cơ quan.</p>"
            ),
        }),
        ("knowledge_check", {
            "situation": (
                "Một công chức cần tóm tắt 30 đơn kiến nghị của người dân để báo cáo. Đồng nghiệp gợi ý dán toàn bộ nội dung các đơn, "
                "có họ tên và địa chỉ người gửi, vào một ứng dụng AI miễn phí trên điện thoại."
            ),
            "question": "Cách làm nào phù hợp nhất?",
            "options": [
                {"text": "Làm theo gợi ý, vì ứng dụng AI có chính sách bảo mật.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Chính sách của nhà cung cấp không thay thế trách nhiệm bảo vệ dữ liệu của cơ quan; dữ liệu người dân đã rời khỏi sự kiểm soát của phường."},
                {"text": "Tự tổng hợp, hoặc chỉ dùng công cụ được cơ quan cho phép sau khi đã xóa hết họ tên, địa chỉ và chi tiết định danh.",
                 "is_correct": True,
                 "feedback": "Đúng. Đơn kiến nghị chứa dữ liệu cá nhân; chỉ dùng công cụ được phép và sau khi loại bỏ thông tin định danh."},
                {"text": "Chụp ảnh các đơn rồi gửi cho ứng dụng AI thay vì dán chữ.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Ảnh chụp vẫn chứa nguyên dữ liệu cá nhân, thậm chí cả chữ ký."},
                {"text": "Dán vào AI nhưng xóa lịch sử trò chuyện ngay sau đó.",
                 "is_correct": False,
                 "feedback": "Chưa đúng. Xóa lịch sử trên ứng dụng không bảo đảm dữ liệu đã bị xóa trên máy chủ của nhà cung cấp."},
            ],
        }),
        ("accordion", {
            "title": "Câu hỏi thường gặp",
            "items": [
                {"question": "Tài liệu không đóng dấu mật thì có được gửi thoải mái không?",
                 "answer": "<p>Không. Không có dấu mật không có nghĩa là công khai. Dự thảo, báo cáo nội bộ và hồ sơ có dữ liệu cá nhân vẫn phải gửi qua kênh chính thức và chỉ cho người có nhiệm vụ.</p>"},
                {"question": "Tôi có được dùng AI để sửa lỗi chính tả thông báo gửi người dân không?",
                 "answer": "<p>Được, nếu thông báo đó là nội dung công khai và không kèm thông tin cá nhân. Anh/chị vẫn phải tự đọc lại và chịu trách nhiệm về nội dung cuối cùng.</p>"},
                {"question": "Lỡ gửi nhầm tài liệu vào nhóm Zalo thì làm gì?",
                 "answer": "<p>Thu hồi tin nhắn ngay, đề nghị thành viên xóa nếu đã tải về, và báo cán bộ đầu mối an toàn thông tin. Nếu tài liệu có dữ liệu cá nhân, đây có thể là sự cố cần đánh giá và thông báo theo quy định.</p>"},
            ],
        }),
    ],
}
