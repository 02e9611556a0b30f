"""Shapes of the matching API: search results, openings, fits (for the OpenAPI schema and output)."""

from rest_framework import serializers

from analysis.matching.candidates import DEGREE_ORDER, Card
from analysis.matching.fit import Fit
from analysis.matching.models import Opening
from analysis.matching.search import SearchResult


class CandidateSerializer(serializers.Serializer):
    upload_id = serializers.IntegerField(help_text="The candidate's upload (its latest completed analysis is used)")
    job_id = serializers.UUIDField(help_text="That analysis job")
    name = serializers.CharField()
    current_role = serializers.CharField(allow_blank=True)
    current_company = serializers.CharField(allow_blank=True)
    location = serializers.CharField(allow_blank=True)
    years_experience = serializers.FloatField()
    top_skills = serializers.ListField(child=serializers.CharField())
    filename = serializers.CharField()


def card_body(card: Card) -> dict:
    return {
        "upload_id": card.upload_id,
        "job_id": str(card.job_id),
        "name": card.name,
        "current_role": card.role,
        "current_company": card.company,
        "location": card.location,
        "years_experience": card.years,
        "top_skills": card.skills[:8],
        "filename": card.filename,
    }


class SearchHitSerializer(CandidateSerializer):
    score = serializers.FloatField(help_text="The reciprocal-rank-fusion score (docs/matching.md)")
    ranks = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text="The candidate's rank in each fused ranking: semantic, text, skills (null: not in it)",
    )
    similarity = serializers.FloatField(allow_null=True, help_text="Best chunk's cosine similarity to the query")
    matched_skills = serializers.ListField(child=serializers.CharField())
    snippet = serializers.CharField(allow_blank=True, help_text="The best matching passage, plain text")
    snippet_section = serializers.CharField(allow_blank=True)
    highlights = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(), min_length=2, max_length=2),
        help_text="[start, end) character ranges of the snippet that matched",
    )


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField(allow_blank=True)
    total_candidates = serializers.IntegerField(help_text="Candidates passing the filters")
    vector_strategy = serializers.CharField(help_text="exact, hnsw, hnsw+exact (fell back) or none")
    results = SearchHitSerializer(many=True)


def hit_body(result: SearchResult, card: Card) -> dict:
    return {
        **card_body(card),
        "score": result.score,
        "ranks": result.ranks,
        "similarity": None if result.similarity is None else round(result.similarity, 4),
        "matched_skills": result.matched_skills,
        "snippet": result.snippet,
        "snippet_section": result.section,
        "highlights": [list(pair) for pair in result.highlights],
    }


class RequirementsSerializer(serializers.Serializer):
    required_skills = serializers.ListField(child=serializers.CharField(), required=False)
    preferred_skills = serializers.ListField(child=serializers.CharField(), required=False)
    min_years = serializers.FloatField(allow_null=True, required=False, min_value=0, max_value=60)
    degree_level = serializers.ChoiceField(choices=list(DEGREE_ORDER), allow_null=True, required=False)
    location = serializers.CharField(allow_null=True, required=False)


class OpeningSerializer(serializers.ModelSerializer):
    requirements = RequirementsSerializer()

    class Meta:
        model = Opening
        fields = ["id", "title", "description", "source", "filename", "requirements", "parsed_by", "edited",
                  "created_at", "updated_at"]  # fmt: skip


class OpeningCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, help_text="The pasted job description (or send `file`)")
    file = serializers.FileField(required=False, help_text="A PDF or DOCX job description (multipart)")


class OpeningPatchSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    requirements = RequirementsSerializer(required=False, help_text="Keys given replace the parsed ones")


class PartSerializer(serializers.Serializer):
    name = serializers.CharField()
    points = serializers.FloatField()
    out_of = serializers.IntegerField()
    line = serializers.CharField(help_text="How the points were computed, in words")


class SkillMatchSerializer(serializers.Serializer):
    skill = serializers.CharField()
    evidence = serializers.CharField(allow_blank=True, help_text="The resume passage naming it")
    section = serializers.CharField(allow_blank=True)


class FitSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    candidate = CandidateSerializer()
    score = serializers.FloatField(help_text="0-100, the sum of the parts")
    parts = PartSerializer(many=True)
    required_matched = SkillMatchSerializer(many=True)
    required_missing = serializers.ListField(child=serializers.CharField())
    preferred_matched = SkillMatchSerializer(many=True)
    preferred_missing = serializers.ListField(child=serializers.CharField())
    years = serializers.FloatField()
    degree_level = serializers.CharField(allow_null=True)
    similarity = serializers.FloatField(allow_null=True)


def fit_body(fit: Fit, card: Card, rank: int) -> dict:
    data = fit.as_dict()
    data.pop("upload_id")
    data.pop("job_id")
    return {"rank": rank, "candidate": card_body(card), **data}
