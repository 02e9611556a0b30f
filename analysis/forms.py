"""Forms of the analysis app."""

from django import forms

from analysis.profile import PersonalInfo, Profile
from analysis.profile_edits import profile_patched
from resume_analyzer.errors import Rejected


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class ProfileCorrectionForm(forms.Form):
    """The typed way to correct a profile, for its owner's page and the admin alike: each contact
    detail, the summary, the years, the skills (one category a line) and the lists (one item a
    line). `changes` is the merge patch it makes, for analysis.profile_edits.profile_edit, so a
    correction is a version and refreshes the Q&A bank and the exports. Experience and education
    entries are the formsets below (the owner's page) or the profile API."""

    name = forms.CharField(required=False, max_length=500)
    email = forms.CharField(required=False, max_length=500)
    phone = forms.CharField(required=False, max_length=500)
    location = forms.CharField(required=False, max_length=500)
    linkedin = forms.CharField(required=False, max_length=500)
    github = forms.CharField(required=False, max_length=500)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    total_years_experience = forms.FloatField(label="Total years of experience", required=False, min_value=0)
    skills_text = forms.CharField(
        label="Skills", required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One category a line: <code>Languages: Python, Go</code>",
    )  # fmt: skip
    recommendations_text = forms.CharField(label="Job recommendations", required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="One a line")
    strengths_text = forms.CharField(label="Strengths", required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="One a line")
    weaknesses_text = forms.CharField(label="Weaknesses", required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="One a line")

    LISTS = {"recommendations_text": "job_recommendations", "strengths_text": "strengths", "weaknesses_text": "weaknesses"}

    def __init__(self, *args, profile: Profile | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.changes: dict = {}
        instance = getattr(self, "instance", None)  # the admin's ModelForm passes the row
        self.profile = profile if profile is not None else (instance.data if instance is not None else Profile())
        data = self.profile
        if data != Profile():
            self.initial.setdefault("summary", data.summary)
            self.initial.setdefault("total_years_experience", data.total_years_experience)
            for key in PersonalInfo.model_fields:
                self.initial[key] = getattr(data.personal_info, key) or ""
            self.initial["skills_text"] = "\n".join(f"{category}: {', '.join(names)}" for category, names in data.skills.items())
            for field, name in self.LISTS.items():
                self.initial[field] = "\n".join(getattr(data, name))

    def _skills(self) -> dict[str, list[str]]:
        skills: dict[str, list[str]] = {}
        for line in _lines(self.cleaned_data.get("skills_text") or ""):
            category, sep, names = line.partition(":")
            if not sep or not category.strip():
                raise forms.ValidationError({"skills_text": f"Write each line as 'Category: a, b' (got {line[:60]!r})"})
            skills[category.strip()] = [name.strip() for name in names.split(",") if name.strip()]
        return skills

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        info = {key: (cleaned.get(key) or "").strip() or None for key in PersonalInfo.model_fields}
        changes = {
            "personal_info": info,
            "skills": self._skills(),
            "summary": cleaned.get("summary") or "",
            "total_years_experience": float(cleaned.get("total_years_experience") or 0),
            **{name: _lines(cleaned.get(field) or "") for field, name in self.LISTS.items()},
        }
        current = self.profile
        # Replace the skills wholesale: a merge would keep a category the form no longer lists.
        changes["skills"] = {**{category: None for category in current.skills}, **changes["skills"]}
        try:
            profile_patched(profile=current, changes=changes)
        except Rejected as exc:
            raise forms.ValidationError(exc.message or exc.error) from exc
        self.changes = changes
        return cleaned


# --- the entries of a profile, as formsets: added (the empty form), removed (delete), reordered ---

ENTRY_TEXT = {"required": False, "max_length": 500}


class ExperienceForm(forms.Form):
    company = forms.CharField(**ENTRY_TEXT)
    role = forms.CharField(**ENTRY_TEXT)
    start_date = forms.CharField(required=False, max_length=20, help_text="YYYY-MM")
    end_date = forms.CharField(required=False, max_length=20, help_text="YYYY-MM or Present")
    years = forms.FloatField(required=False, min_value=0)
    description = forms.CharField(required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 3}))


class EducationForm(forms.Form):
    degree = forms.CharField(**ENTRY_TEXT)
    institution = forms.CharField(**ENTRY_TEXT)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    level = forms.CharField(**ENTRY_TEXT)
    subject = forms.CharField(**ENTRY_TEXT)


ENTRIES = {"extra": 1, "can_delete": True, "can_order": True, "max_num": 100, "validate_max": True}
ExperienceFormSet = forms.formset_factory(ExperienceForm, **ENTRIES)
EducationFormSet = forms.formset_factory(EducationForm, **ENTRIES)


def _entry(cleaned: dict, names: tuple[str, ...]) -> dict:
    entry = {}
    for name in names:
        value = cleaned.get(name)
        entry[name] = value.strip() or None if isinstance(value, str) else value
    return entry


def entry_formsets(data=None, *, profile: Profile) -> dict[str, forms.BaseFormSet]:
    """The experience and education formsets, filled from the profile."""
    return {
        "experience": ExperienceFormSet(data, prefix="experience", initial=[e.model_dump() for e in profile.experience]),
        "education": EducationFormSet(data, prefix="education", initial=[
            {name: value for name, value in e.model_dump().items() if name in EducationForm.base_fields}
            for e in profile.education
        ]),
    }  # fmt: skip


def entry_changes(formsets: dict[str, forms.BaseFormSet]) -> dict:
    """The merge patch of valid formsets: each list as the forms now order it, deleted ones out."""
    experience = [_entry(form.cleaned_data, tuple(ExperienceForm.base_fields)) for form in formsets["experience"].ordered_forms]
    for entry in experience:
        entry["description"] = entry["description"] or ""
    education = [_entry(form.cleaned_data, tuple(EducationForm.base_fields)) for form in formsets["education"].ordered_forms]
    return {"experience": experience, "education": education}
