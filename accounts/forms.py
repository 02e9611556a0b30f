from django import forms
from django.contrib.auth.password_validation import validate_password

from accounts.models import User
from resume_analyzer.text import refuse_control_characters


class LoginForm(forms.Form):
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}))
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class RegisterForm(forms.Form):
    name = forms.CharField(max_length=150, validators=[refuse_control_characters],
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    # The column's length: a form EmailField alone accepts up to 320 characters.
    email = forms.EmailField(max_length=User._meta.get_field("email").max_length,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email already exists.")
        return email

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            user = User(email=cleaned.get("email", ""), name=cleaned.get("name", ""))
            try:
                validate_password(password, user=user)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return cleaned
