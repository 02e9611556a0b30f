from django import forms

from interview.models import Category, Difficulty


class GenerateForm(forms.Form):
    job_title = forms.CharField(max_length=200, required=False, label="Target job title")
    company = forms.CharField(max_length=200, required=False, label="Target company")
    num_questions = forms.IntegerField(
        min_value=1, max_value=50, initial=10, label="Number of questions"
    )


class SaveForm(forms.Form):
    tags = forms.CharField(max_length=400, required=False, help_text="Comma-separated")


class LibraryFilterForm(forms.Form):
    category = forms.ChoiceField(choices=[("", "Any category"), *Category.choices], required=False)
    difficulty = forms.ChoiceField(
        choices=[("", "Any difficulty"), *Difficulty.choices], required=False
    )
    tags = forms.CharField(
        max_length=400, required=False, label="Tags", help_text="Comma-separated; any match"
    )
