from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/", views.quiz_detail, name="quiz"),
    path("<int:quiz_id>/bat-dau/", views.start, name="start"),
    path("lam-bai/<int:attempt_id>/", views.take, name="attempt"),
    path("lam-bai/<int:attempt_id>/luu/", views.save, name="save"),
    path("lam-bai/<int:attempt_id>/xem-lai/", views.summary, name="summary"),
    path("lam-bai/<int:attempt_id>/nop-bai/", views.submit, name="submit"),
    path("ket-qua/<int:attempt_id>/", views.result, name="result"),
]
