from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("xac-minh/", views.verify_form, name="verify-form"),
    path("xac-minh/<str:code>.json", views.verify, {"as_json": True}, name="verify-json"),
    path("xac-minh/<str:code>/", views.verify, name="verify"),
    path("hoc-tap/chung-nhan/", views.my_certificates, name="mine"),
    path(
        "hoc-tap/chung-nhan/bang-tong-hop.<str:fmt>",
        views.transcript,
        name="transcript",
    ),
    path("hoc-tap/chung-nhan/<str:serial>/tai-ve/", views.download, name="download"),
    path(
        "hoc-tap/chung-nhan/<str:serial>/giay-xac-nhan/",
        views.confirmation,
        name="confirmation",
    ),
    path("hoc-tap/chung-nhan/<str:serial>/open-badge/", views.open_badge, name="open-badge"),
]
