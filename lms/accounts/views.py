from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from lms.org.roles import STAFF_ROLES, has_role

from .forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def after_login(request):
    """Learners land on their courses; staff on the Wagtail admin."""
    user = request.user
    if user.is_superuser or has_role(user, *STAFF_ROLES):
        return redirect("wagtailadmin_home")
    return redirect("courses:my-courses")
