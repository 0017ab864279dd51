from decimal import Decimal

MODULE = {
    "number": 6,
    "slug": "du-lieu-ca-nhan-mot-cua",
    "title": "Bảo vệ dữ liệu cá nhân của người dân tại bộ phận một cửa",
    "tracks": ["B"],
    "tiet": Decimal("2"),
    "minutes": 90,
    "summary": (
        "Áp dụng nguyên tắc đúng mục đích và tối thiểu hóa khi tiếp nhận, xử lý hồ sơ của người dân; không chuyển căn cước, "
        "hồ sơ qua Zalo cá nhân; giữ bàn làm việc, màn hình gọn gàng và hủy tài liệu an toàn."
    ),
    "objectives": [
        "Sau bài này, anh/chị có thể áp dụng nguyên tắc đúng mục đích và tối thiểu hóa khi thu thập, sao chụp giấy tờ của người dân.",
        "Sau bài này, anh/chị có thể chuyển hồ sơ, giấy tờ của người dân qua kênh chính thức thay cho Zalo hay mạng xã hội cá nhân.",
        "Sau bài này, anh/chị có thể giữ bàn làm việc và màn hình không để lộ thông tin khi tiếp dân.",
        "Sau bài này, anh/chị có thể hủy giấy tờ, tệp dữ liệu hết nhu cầu sử dụng theo cách an toàn.",
        "Sau bài này, anh/chị có thể xử lý đúng khi người dân hỏi về dữ liệu của họ hoặc khi phát hiện sự cố lộ dữ liệu.",
    ],
    "tags": ["bao-ve-du-lieu-ca-nhan", "mot-cua"],
    "body": [
        ("heading", "Bộ phận một cửa: nơi tập trung nhiều dữ liệu nhất của phường, xã"),
        (
            "paragraph",
            "<p>Từ khi chính quyền địa phương hai cấp vận hành, Trung tâm Phục vụ hành chính công, bộ phận một cửa của phường, xã, "
            "đặc khu tiếp nhận hầu hết thủ tục mà trước đây người dân phải lên cấp huyện. Mỗi ngày, cán bộ tại đây nhìn thấy căn cước, "
            "giấy khai sinh, giấy chứng nhận quyền sử dụng đất, giấy tờ khám bệnh, thông tin tài khoản nhận trợ cấp của hàng chục, "
            "hàng trăm người.</p>"
            "<p>Người dân giao giấy tờ vì tin cơ quan nhà nước sẽ dùng đúng việc và giữ kín. Bảo vệ dữ liệu cá nhân vì vậy không chỉ là "
            "nghĩa vụ pháp lý mà còn là cách giữ niềm tin của người dân đối với chính quyền cơ sở.</p>"
        ),
        (
            "callout",
            {
                "kind": "legal",
                "title": "Căn cứ pháp lý",
                "body": "<p>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP quy định chi tiết Luật cùng có hiệu lực từ "
                "ngày 01/01/2026, thay thế Nghị định 13/2023/NĐ-CP. Cơ quan, đơn vị xử lý dữ liệu cá nhân phải bảo đảm xử lý đúng mục đích, "
                "giới hạn trong phạm vi cần thiết, bảo mật dữ liệu và thông báo vi phạm cho cơ quan chuyên trách bảo vệ dữ liệu cá nhân thuộc "
                "Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao – A05) trong thời hạn 72 giờ.</p>",
            },
        ),
        ("heading", "Đúng mục đích và tối thiểu hóa"),
        (
            "paragraph",
            "<p><strong>Đúng mục đích</strong> nghĩa là dữ liệu thu thập để giải quyết thủ tục nào thì chỉ dùng cho thủ tục đó. "
            "Số điện thoại người dân ghi để nhận thông báo kết quả không được dùng để mời tham gia hoạt động của tổ chức khác, "
            "không được cung cấp cho doanh nghiệp, kể cả khi “chỉ xin số để giới thiệu dịch vụ tốt cho bà con”.</p>"
            "<p><strong>Tối thiểu hóa</strong> nghĩa là chỉ thu thập những gì thật sự cần cho thủ tục:</p>"
            "<ul>"
            "<li>Thông tin đã khai thác được từ Cơ sở dữ liệu quốc gia về dân cư hoặc qua ứng dụng VNeID thì không yêu cầu người dân "
            "nộp thêm bản photo căn cước.</li>"
            "<li>Không chụp ảnh giấy tờ của người dân bằng điện thoại cá nhân “để lưu cho chắc”.</li>"
            "<li>Không giữ lại bản sao giấy tờ mà quy trình không yêu cầu lưu.</li>"
            "<li>Khi tra cứu dữ liệu dân cư, chỉ tra cứu người đang có hồ sơ cần giải quyết, không tra cứu người quen, hàng xóm vì tò mò.</li>"
            "</ul>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Một công ty bảo hiểm đề nghị bộ phận một cửa cho xin danh sách họ tên, số điện thoại của các gia đình "
                "vừa đăng ký khai sinh để “tặng quà và tư vấn bảo hiểm cho trẻ sơ sinh”.",
                "question": "Bộ phận một cửa nên trả lời thế nào?",
                "options": [
                    {
                        "text": "Cung cấp vì có lợi cho người dân và công ty cam kết giữ bí mật.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Dữ liệu được thu thập để đăng ký khai sinh, không phải để tiếp thị. Cam kết của công ty không tạo ra căn cứ pháp lý để chia sẻ.",
                    },
                    {
                        "text": "Từ chối, vì việc cung cấp dữ liệu cho mục đích tiếp thị là sai mục đích thu thập và không có căn cứ pháp lý.",
                        "is_correct": True,
                        "feedback": "Đúng. Nguyên tắc đúng mục đích không cho phép dùng dữ liệu hộ tịch để phục vụ hoạt động kinh doanh của bên thứ ba.",
                    },
                    {
                        "text": "Chỉ cung cấp số điện thoại, không cung cấp họ tên.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Số điện thoại cũng là dữ liệu cá nhân; cung cấp một phần dữ liệu vẫn là sai mục đích.",
                    },
                ],
            },
        ),
        ("heading", "Không chuyển căn cước, hồ sơ qua Zalo cá nhân"),
        (
            "paragraph",
            "<p>Tình huống phổ biến: hồ sơ cần ý kiến của công chức chuyên môn đang đi vắng, cán bộ một cửa chụp ảnh căn cước và "
            "giấy tờ của người dân rồi gửi qua Zalo cá nhân “cho nhanh”. Ảnh đó sẽ nằm lại trên điện thoại của cả hai người, "
            "được sao lưu tự động lên dịch vụ đám mây, có thể lọt vào nhóm chat nếu chọn nhầm người nhận, và không ai kiểm soát được "
            "khi điện thoại bị mất hay đổi chủ.</p>"
            "<p>Cách làm đúng là chuyển hồ sơ trên hệ thống giải quyết thủ tục hành chính hoặc hệ thống quản lý văn bản, nơi mọi bước "
            "đều được ghi lại và chỉ người có thẩm quyền mới xem được. Nếu cần trao đổi nhanh, có thể nhắn qua Zalo để nhắc "
            "“anh/chị kiểm tra hồ sơ số ... trên hệ thống”, nhưng không gửi kèm ảnh giấy tờ.</p>"
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "Ảnh căn cước là “nguyên liệu” của lừa đảo",
                "body": "<p>Ảnh chụp hai mặt căn cước kèm số điện thoại đủ để kẻ gian mở tài khoản, vay tiền trực tuyến hoặc giả danh người dân. "
                "Một nhóm Zalo công việc bị lộ có thể làm lộ hàng trăm ảnh như vậy cùng lúc.</p>",
            },
        ),
        ("heading", "Bàn làm việc gọn, màn hình kín"),
        (
            "paragraph",
            "<p>Tại quầy tiếp nhận, người dân đứng rất gần bàn làm việc của cán bộ. Hãy tập thói quen:</p>"
            "<ul>"
            "<li>Hồ sơ của người trước được cất vào khay hoặc ngăn kéo trước khi tiếp người sau.</li>"
            "<li>Đặt màn hình sao cho người dân đứng ở quầy không nhìn thấy dữ liệu của người khác; dùng tấm chắn màn hình nếu đơn vị trang bị.</li>"
            "<li>Khóa màn hình mỗi khi rời quầy, dù chỉ vài phút.</li>"
            "<li>Cuối ngày, cất toàn bộ hồ sơ vào tủ có khóa, không để giấy tờ trên bàn qua đêm.</li>"
            "<li>Lấy ngay giấy tờ sau khi in, photo; không để bản in nằm trên máy in dùng chung.</li>"
            "</ul>"
        ),
        ("heading", "Hủy tài liệu an toàn"),
        (
            "paragraph",
            "<p>Giấy tờ có dữ liệu cá nhân hết nhu cầu sử dụng và không thuộc diện phải lưu trữ phải được hủy bằng máy hủy tài liệu hoặc theo "
            "quy trình tiêu hủy của đơn vị. Không dùng mặt sau của bản photo căn cước, đơn từ của người dân làm giấy nháp; không bán giấy vụn "
            "chứa hồ sơ cho người thu mua phế liệu. Với máy tính, ổ cứng, USB thanh lý hoặc bàn giao sau sáp nhập, cần được cán bộ đầu mối "
            "xóa dữ liệu bằng công cụ chuyên dụng hoặc hủy vật lý; việc xóa tệp thông thường vẫn có thể khôi phục lại được.</p>"
        ),
        (
            "knowledge_check",
            {
                "situation": "Cuối năm, phường thanh lý 5 máy tính cũ của bộ phận một cửa. Một đồng nghiệp đề nghị xóa hết tệp trong thư mục "
                "và dọn thùng rác là đủ.",
                "question": "Ý kiến nào đúng?",
                "options": [
                    {
                        "text": "Đồng ý, vì đã xóa và dọn thùng rác thì không còn dữ liệu.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Tệp xóa theo cách thông thường vẫn có thể khôi phục bằng phần mềm phổ biến.",
                    },
                    {
                        "text": "Đề nghị cán bộ đầu mối xóa ổ cứng bằng công cụ chuyên dụng hoặc tháo ổ cứng để hủy vật lý trước khi thanh lý.",
                        "is_correct": True,
                        "feedback": "Đúng. Máy của bộ phận một cửa chứa nhiều dữ liệu cá nhân; ổ cứng phải được xóa an toàn hoặc hủy trước khi rời khỏi cơ quan.",
                    },
                    {
                        "text": "Chỉ cần đặt lại mật khẩu Windows để người mua không đăng nhập được.",
                        "is_correct": False,
                        "feedback": "Chưa đúng. Mật khẩu đăng nhập không bảo vệ dữ liệu khi ổ cứng được tháo ra và gắn vào máy khác.",
                    },
                ],
            },
        ),
        ("heading", "Khi người dân hỏi về dữ liệu của mình hoặc khi có sự cố"),
        (
            "paragraph",
            "<p>Người dân có quyền được biết dữ liệu của mình được dùng vào việc gì, được đề nghị xem và chỉnh sửa khi thông tin sai. "
            "Khi nhận yêu cầu như vậy, hãy tiếp nhận lịch sự, ghi lại nội dung và chuyển đến người có thẩm quyền giải quyết, không tự ý "
            "cung cấp dữ liệu của người khác kể cả cho người thân trong gia đình nếu không có giấy tờ chứng minh quyền theo quy định.</p>"
            "<p>Nếu phát hiện hồ sơ bị thất lạc, gửi nhầm, ảnh giấy tờ bị đăng lên mạng hay máy bị nhiễm mã độc, hãy báo ngay lãnh đạo "
            "và cán bộ đầu mối an toàn thông tin. Thời hạn 72 giờ để thông báo cho cơ quan chức năng bắt đầu tính từ khi phát hiện, "
            "nên mỗi giờ chậm trễ đều làm giảm khả năng khắc phục.</p>"
        ),
        (
            "accordion",
            {
                "title": "Câu hỏi thường gặp",
                "items": [
                    {
                        "question": "Người dân tự gửi ảnh căn cước qua Zalo cho tôi để hỏi thủ tục thì sao?",
                        "answer": "<p>Hướng dẫn họ nộp hồ sơ qua Cổng Dịch vụ công hoặc trực tiếp tại bộ phận một cửa. Sau khi trả lời, "
                        "xóa ảnh trên điện thoại và không chuyển tiếp cho người khác. Nên dùng tài khoản Zalo công việc riêng "
                        "thay vì tài khoản cá nhân khi trao đổi với người dân.</p>",
                    },
                    {
                        "question": "Danh sách niêm yết công khai có được ghi số định danh không?",
                        "answer": "<p>Chỉ niêm yết những thông tin mà quy định về thủ tục đó yêu cầu công khai. Số định danh, số điện thoại, "
                        "số tài khoản, thông tin sức khỏe không nên đưa vào danh sách niêm yết; nếu cần phân biệt người trùng tên, "
                        "có thể dùng năm sinh và khu phố.</p>",
                    },
                    {
                        "question": "Sổ theo dõi tiếp nhận bằng giấy có phải bảo vệ như dữ liệu trên máy không?",
                        "answer": "<p>Có. Luật Bảo vệ dữ liệu cá nhân áp dụng cho cả dữ liệu trên giấy lẫn dữ liệu điện tử. Sổ phải được cất "
                        "trong tủ có khóa, không để trên quầy nơi người dân có thể xem hoặc chụp ảnh.</p>",
                    },
                ],
            },
        ),
    ],
}
