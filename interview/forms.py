from django import forms

from interview.models import Category, Difficulty


class GenerateForm(forms.Form):
    job_title = forms.CharField(max_length=200, required=False, label="Target job title")
    company = forms.CharField(max_length=200, required=False, label="Target company")
    num_questions = forms.IntegerField(
        min_value=1, max_value=50, initial=10, label="Number of questions"
    )
    mode = forms.ChoiceField(
        choices=[("candidate", "Prepare the candidate (suggested answers)"),
                 ("interviewer", "Interview the candidate (what to listen for)")],
        initial="candidate", required=False, label="For",
    )  # fmt: skip
    job_description = forms.CharField(
        max_length=20000, required=False, label="Job description (optional)",
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "Paste the job description to focus on its required skills"}),
    )  # fmt: skip

    def clean_mode(self) -> str:
        return self.cleaned_data.get("mode") or "candidate"


class SaveForm(forms.Form):
    tags = forms.CharField(max_length=400, required=False, help_text="Comma-separated")


class LibraryFilterForm(forms.Form):
    # Labelled by value ("Problem-Solving", as the cards say; TextChoices' label is "Problem Solving").
    category = forms.ChoiceField(choices=[("", "Any category"), *((c, c) for c in Category.values)], required=False)
    difficulty = forms.ChoiceField(
        choices=[("", "Any difficulty"), *Difficulty.choices], required=False
    )
    tags = forms.CharField(
        max_length=400, required=False, label="Tags", help_text="Comma-separated; any match"
    )
