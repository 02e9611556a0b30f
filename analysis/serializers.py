import json

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from analysis.models import AnalysisJob


class DocumentWarningSerializer(serializers.Serializer):
    """Something a recruiter should know about the file (analysis/documents/)."""

    kind = serializers.CharField(help_text="`hidden_text`, `prompt_injection` or `ocr`")
    count = serializers.IntegerField(help_text="Pieces of hidden text, lines addressed to an AI, or pages read by OCR")
    sample = serializers.CharField(help_text="What the first of them says (shortened); empty for `ocr`")
    message = serializers.CharField(help_text="The warning in words, as the profile page shows it")


@extend_schema_field(DocumentWarningSerializer(many=True))
class WarningsField(serializers.JSONField):
    """The job's warnings column; the jobs poll's fast path reads it as the database's JSON text."""

    def to_representation(self, value):
        if isinstance(value, str):
            value = json.loads(value)
        return super().to_representation(value or [])


class JobSerializer(serializers.ModelSerializer):
    """The seed's job fields, and the document's warnings (an addition)."""

    job_id = serializers.UUIDField(source="id")
    upload_id = serializers.IntegerField()
    warnings = WarningsField(read_only=True, help_text="Hidden text, instructions to an AI, pages read by OCR; [] when none")

    class Meta:
        model = AnalysisJob
        fields = [
            "job_id",
            "upload_id",
            "status",
            "progress",
            "current_step",
            "error_message",
            "created_at",
            "completed_at",
            "warnings",
        ]


class JobStartedSerializer(serializers.Serializer):
    job_id = serializers.UUIDField()
    status = serializers.CharField()
    message = serializers.CharField()


class JobActionSerializer(serializers.Serializer):
    success = serializers.BooleanField()
    message = serializers.CharField()
    job_id = serializers.UUIDField()
    status = serializers.CharField(required=False)


# --- the profile API (analysis/api.py ProfileViewSet) ---------------------------------------------
# The typed Profile (analysis/profile.py) validates edits; these serializers describe the bodies
# in the OpenAPI schema and shape the version list.


class PersonalInfoSerializer(serializers.Serializer):
    name = serializers.CharField(allow_null=True, required=False)
    email = serializers.CharField(allow_null=True, required=False)
    phone = serializers.CharField(allow_null=True, required=False)
    location = serializers.CharField(allow_null=True, required=False)
    linkedin = serializers.CharField(allow_null=True, required=False)
    github = serializers.CharField(allow_null=True, required=False)


class ExperienceSerializer(serializers.Serializer):
    company = serializers.CharField(allow_null=True, required=False)
    role = serializers.CharField(allow_null=True, required=False)
    start_date = serializers.CharField(allow_null=True, required=False, help_text='"YYYY-MM"')
    end_date = serializers.CharField(allow_null=True, required=False, help_text='"YYYY-MM" or "Present"')
    years = serializers.FloatField(allow_null=True, required=False)
    description = serializers.CharField(required=False)


class EducationSerializer(serializers.Serializer):
    degree = serializers.CharField(allow_null=True, required=False)
    institution = serializers.CharField(allow_null=True, required=False)
    year = serializers.IntegerField(allow_null=True, required=False)
    level = serializers.CharField(allow_null=True, required=False)
    subject = serializers.CharField(allow_null=True, required=False)


class EvidenceSerializer(serializers.Serializer):
    field = serializers.CharField(help_text='The value\'s path, e.g. "experience.0.company"')
    value = serializers.CharField()
    raw = serializers.CharField(help_text="The text as written in the resume")
    start = serializers.IntegerField(allow_null=True, help_text="Offset into the extracted text")
    end = serializers.IntegerField(allow_null=True)
    page = serializers.IntegerField(allow_null=True, help_text="1-based, PDFs only")
    confidence = serializers.FloatField(min_value=0, max_value=1)
    verified = serializers.BooleanField(help_text="Found in the text")


class ProfileFieldsSerializer(serializers.Serializer):
    personal_info = PersonalInfoSerializer(required=False)
    skills = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False,
        help_text='Skills by category, e.g. {"Languages": ["Go"]}',
    )  # fmt: skip
    experience = ExperienceSerializer(many=True, required=False)
    education = EducationSerializer(many=True, required=False)
    summary = serializers.CharField(required=False)
    job_recommendations = serializers.ListField(child=serializers.CharField(), required=False)
    strengths = serializers.ListField(child=serializers.CharField(), required=False)
    weaknesses = serializers.ListField(child=serializers.CharField(), required=False)
    total_years_experience = serializers.FloatField(min_value=0, required=False)


class ProfilePatchSerializer(ProfileFieldsSerializer):
    """A JSON merge patch (RFC 7396): objects merge by key, null removes, lists replace."""


class ProfileSerializer(ProfileFieldsSerializer):
    job_id = serializers.UUIDField()
    evidence = EvidenceSerializer(many=True)
    confidence = serializers.DictField(child=serializers.FloatField(), help_text="Each evidence path's confidence")
    corrected = serializers.ListField(
        child=serializers.CharField(), help_text="Paths people corrected since the last analysis, e.g. personal_info.name"
    )
    version = serializers.IntegerField(help_text="Also the ETag; send it back as If-Match")
    updated_at = serializers.DateTimeField()
    warnings = DocumentWarningSerializer(many=True, help_text="The job's document warnings (hidden text, instructions to an AI, OCR)")


class VersionAuthorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.EmailField()


class ProfileVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(source="number")
    source = serializers.CharField(help_text="`analysis`, `edit`, `restore` or `carried` (corrections kept on a re-analysis)")
    author = VersionAuthorSerializer(allow_null=True, help_text="Who made the change; null for the analysis")
    fields = serializers.ListField(child=serializers.CharField(), help_text="The changed paths; [] for the analysis")
    restored_from = serializers.IntegerField(allow_null=True)
    created_at = serializers.DateTimeField()
