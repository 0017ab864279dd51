from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.my_courses, name="my-courses"),
    path("khoa-hoc/<int:course_id>/ghi-danh/", views.enrol, name="enrol"),
]
