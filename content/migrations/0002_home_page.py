"""Replace Wagtail's welcome page with our Vietnamese home page and point the site at it."""

from django.db import migrations

INTRO = (
    "Nền tảng bồi dưỡng an toàn thông tin và bảo vệ dữ liệu cá nhân cho cán bộ, công chức, "
    "viên chức các phường, xã, đặc khu và cơ quan của Thành phố Hồ Chí Minh."
)
BODY = (
    "<h2>Học gì?</h2><p>Chương trình gồm các học phần ngắn về khung pháp lý, nhận diện lừa đảo, "
    "mật khẩu và xác thực đa yếu tố, an toàn máy trạm, thư điện tử công vụ và chữ ký số, bảo vệ "
    "dữ liệu cá nhân của người dân tại bộ phận một cửa, ứng phó sự cố và vai trò người đứng đầu.</p>"
    "<h2>Vì sao phải học?</h2><p>Mỗi cán bộ, công chức của Thành phố cần hoàn thành ít nhất 40 tiết "
    "bồi dưỡng mỗi năm. Các khóa học ở đây được ghi nhận số tiết vào sổ theo dõi hằng năm của "
    "từng người.</p><h2>Học như thế nào?</h2><p>Đăng nhập bằng tài khoản đơn vị cấp, vào "
    "<b>Khóa học của tôi</b>, học từng bài, làm bài kiểm tra. Đạt yêu cầu, bạn nhận chứng nhận có "
    "chữ ký số và mã QR để tra cứu. Trang web nhẹ, dùng được trên máy tính cũ và điện thoại.</p>"
)


def create_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("content", "HomePage")

    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="content")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="An Toàn Số", draft_title="An Toàn Số", slug="trang-chu", content_type=content_type,
        path=f"{root.path}0001", depth=2, numchild=0, url_path="/trang-chu/", locale_id=root.locale_id,
        intro=INTRO, body=BODY, live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.id, "site_name": "An Toàn Số"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home, migrations.RunPython.noop)]
