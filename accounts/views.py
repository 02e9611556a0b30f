from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from accounts.forms import LoginForm, RegisterForm
from accounts.services import user_authenticate, user_register
from accounts.throttling import auth_attempt_check
from resume_analyzer.errors import ApplicationError
from resume_analyzer.pages import form_error


def _next_url(request: HttpRequest) -> str:
    """A local path to go on to after login, else the dashboard. Only paths: redirect() would
    read a bare word as a URL name (and fail on unknown ones)."""
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@require_http_methods(["GET", "HEAD", "POST"])
def login_page(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST":
        auth_attempt_check(request, email=request.POST.get("email"))
    if request.method == "POST" and form.is_valid():
        user = user_authenticate(**form.cleaned_data)
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return HttpResponseRedirect(_next_url(request))
        form.add_error(None, "Invalid email or password.")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def register_page(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method == "POST":
        auth_attempt_check(request, email=request.POST.get("email"))
    if request.method == "POST" and form.is_valid():
        try:
            user = user_register(**form.cleaned_data)
        except ApplicationError as exc:  # an email registered since the form's check, a weak password
            form_error(form, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("/")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/register.html", {"form": form}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def logout_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        logout(request)
        return redirect("/login")
    return render(request, "accounts/logout.html")

