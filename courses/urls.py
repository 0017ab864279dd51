from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.my_courses, name="my-courses"),
    path("khoa-hoc/<int:course_id>/ghi-danh/", views.enrol, name="enrol"),
    path("bai-hoc/<int:module_id>/dang-hoc/", views.reading_beat, name="reading-beat"),
    path("bai-hoc/<int:module_id>/hoc-xong/", views.reading_done, name="reading-done"),
]
