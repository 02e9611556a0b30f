from django.urls import path

from accounts import api, views

api_urlpatterns = [
    path("auth/register", api.RegisterView.as_view()),
    path("auth/login", api.LoginView.as_view()),
    path("auth/logout", api.LogoutView.as_view()),
    path("auth/me", api.MeView.as_view()),
]

urlpatterns = [
    path("login", views.login_page, name="login"),
    path("register", views.register_page, name="register"),
    path("logout", views.logout_page, name="logout"),
]
