from django import forms

from resume_analyzer.errors import TooLarge
from resume_analyzer.pages import form_error, page_sentence
from uploads.validation import UploadRejected

ACCEPT = (
    ".pdf,.doc,.docx,.zip,application/pdf,application/msword,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/zip"
)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    """Renders the upload page and carries the service's errors; validation is the service's."""

    file = forms.FileField(
        label="Resume files", required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT, "id": "id_file", "multiple": True}),
    )
    linkedin_url = forms.CharField(
        label="LinkedIn profile URL (optional, for a single resume)",
        required=False,
        max_length=500,
        widget=forms.URLInput(attrs={"placeholder": "https://www.linkedin.com/in/your-name"}),
    )

    @classmethod
    def with_rejection(cls, linkedin_url: object, exc: UploadRejected) -> "UploadForm":
        form = cls(data={"linkedin_url": linkedin_url if isinstance(linkedin_url, str) else ""})
        form.is_valid()
        form_error(form, exc, f"{exc.error}. {rejection_message(exc)}")
        return form


def rejection_message(exc: UploadRejected) -> str:
    if isinstance(exc, TooLarge):
        return f"The maximum size is {exc.extra.get('max_size_mb')} MB."
    return page_sentence(exc)
