from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("tai-khoan/", include("lms.accounts.urls")),
    path("hoc-tap/kiem-tra/", include("quizzes.urls")),
    path("", include("certificates.urls")),  # /xac-minh/ (public) and /hoc-tap/chung-nhan/
    path("hoc-tap/", include("courses.urls")),
    path("h5p/", include("content.h5p.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
