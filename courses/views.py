from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def my_courses(request):
    """"Khóa học của tôi": the learner's dashboard (courses arrive with the courses issue)."""
    person = getattr(request.user, "person", None)
    return render(request, "courses/my_courses.html", {"person": person, "courses": []})
