from rest_framework import serializers

from interview.models import (
    CATEGORIES,
    DIFFICULTIES,
    Category,
    Difficulty,
    GeneratedQuestion,
    QuestionGeneration,
    SavedQuestion,
)
from resume_analyzer.serializers import TextOnlyCharField


class StrictCharField(TextOnlyCharField):
    """Text only (no numbers or booleans turned into text), optional, and null counts as absent."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        if not kwargs["required"]:
            kwargs.setdefault("default", "")
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def validate_empty_values(self, data):
        is_empty, value = super().validate_empty_values(data)
        return (is_empty, "" if is_empty and value is None else value)


class StrictIntegerField(serializers.IntegerField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictUUIDField(serializers.UUIDField):
    """DRF would read an integer as UUID(int=...); job ids are only ever strings."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid", value=data)
        return super().to_internal_value(data)


MODES = ("candidate", "interviewer")


class GenerateSerializer(serializers.Serializer):
    job_id = StrictUUIDField()
    job_title = StrictCharField(max_length=200)
    company = StrictCharField(max_length=200)
    num_questions = StrictIntegerField(required=False, default=10, min_value=1, max_value=50)
    mode = serializers.ChoiceField(
        choices=MODES, required=False, default="candidate",
        help_text="candidate (default): suggested answers; interviewer: questions to ask, what to listen for, "
                  "follow-ups and flags from the resume",
    )  # fmt: skip
    job_description = StrictCharField(
        max_length=20000, help_text="Optional job description text; its required skills are asked about first"
    )
    opening_id = StrictIntegerField(
        required=False, allow_null=True, min_value=1,
        help_text="Optional: one of your openings (/api/openings); its description and required skills are used "
                  "like job_description, its title as job_title when none is given",
    )  # fmt: skip


class QuestionRefSerializer(serializers.Serializer):
    job_id = StrictUUIDField()
    question_id = serializers.RegexField(
        r"^q[1-9]\d{0,2}$",
        max_length=4,
        error_messages={"invalid": "question_id must look like q1, q2, …"},
    )
    question = StrictCharField(max_length=2000)
    generation_id = StrictIntegerField(required=False, allow_null=True, min_value=1)


class SaveSerializer(QuestionRefSerializer):
    answer = StrictCharField(max_length=10000)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)
    tags = serializers.ListField(
        child=StrictCharField(max_length=40, allow_null=False),
        required=False,
        max_length=20,
        default=list,
    )
    job_title = StrictCharField(max_length=200)
    company = StrictCharField(max_length=200)


class QueryChoiceField(serializers.ChoiceField):
    """A query parameter that is one of its choices when present: DRF reads an empty optional
    form or query value (`?category=`) as absent, which let a value outside the enum through."""

    def get_value(self, dictionary):
        return dictionary.get(self.field_name, serializers.empty)


class LibraryFilterSerializer(serializers.Serializer):
    category = QueryChoiceField(
        choices=Category.choices,
        required=False,
        error_messages={"invalid_choice": f"category must be one of: {', '.join(CATEGORIES)}"},
    )
    difficulty = QueryChoiceField(
        choices=Difficulty.choices,
        required=False,
        error_messages={"invalid_choice": f"difficulty must be one of: {', '.join(DIFFICULTIES)}"},
    )
    tags = serializers.CharField(required=False, allow_blank=True, max_length=1000)


def question_data(question: GeneratedQuestion) -> dict:
    data = {
        "id": question.key,
        "question": question.question,
        "category": question.category,
        "difficulty": question.difficulty,
        "answer": question.answer,
        "answer_kind": question.answer_kind or None,
    }
    if question.mode == "interviewer":
        data.update(listen_for=question.listen_for, follow_ups=question.follow_ups, flags=question.flags,
                    resume_says=question.resume_says or None)  # fmt: skip
    return data


def generation_data(generation: QuestionGeneration) -> dict:
    questions = list(generation.questions.all())
    return {
        "questions": [question_data(q) for q in questions],
        "job_id": str(generation.job_id),
        "generated_at": serializers.DateTimeField().to_representation(generation.generated_at),
        "generation_id": generation.id,
        "mode": generation.mode,
        "flags": list(dict.fromkeys(flag for q in questions for flag in q.flags)),
    }


class SavedQuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = SavedQuestion
        fields = [
            "id",
            "question_id",
            "question",
            "answer",
            "category",
            "difficulty",
            "tags",
            "job_title",
            "company",
            "saved_at",
            "resume_deleted",
        ]


# --- response shapes, for the OpenAPI schema --------------------------------------------------------


class QuestionOut(serializers.Serializer):
    id = serializers.CharField(help_text="q1..qN, stable within a generation")
    question = serializers.CharField()
    category = serializers.ChoiceField(choices=Category.choices)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    answer = serializers.CharField()
    answer_kind = serializers.ChoiceField(
        choices=["grounded", "guide"], allow_null=True,
        help_text="grounded: only facts of the resume; guide: what a strong answer would show (null: generated before this existed)",
    )  # fmt: skip
    listen_for = serializers.ListField(child=serializers.CharField(), required=False, help_text="interviewer mode")
    follow_ups = serializers.ListField(child=serializers.CharField(), required=False, help_text="interviewer mode")
    flags = serializers.ListField(child=serializers.CharField(), required=False, help_text="interviewer mode")
    resume_says = serializers.CharField(required=False, allow_null=True,
                                        help_text="interviewer mode: the resume line to check the answer against")


class GenerationOut(serializers.Serializer):
    questions = QuestionOut(many=True)
    job_id = serializers.UUIDField()
    generated_at = serializers.DateTimeField()
    generation_id = serializers.IntegerField()
    mode = serializers.ChoiceField(choices=MODES)
    flags = serializers.ListField(child=serializers.CharField(), help_text="the set's flags from the resume")


class RegenerateOut(serializers.Serializer):
    question_id = serializers.CharField()
    answer = serializers.CharField()
    regenerated_at = serializers.DateTimeField(allow_null=True)
    generation_id = serializers.IntegerField()
    answer_kind = serializers.ChoiceField(choices=["grounded", "guide"], allow_null=True)
    unchanged = serializers.BooleanField(help_text="true when no other fact of the resume answers the question")
    message = serializers.CharField(required=False)


class SaveOut(serializers.Serializer):
    success = serializers.BooleanField()
    message = serializers.CharField()
    saved_question_id = serializers.IntegerField()


class DeleteOut(serializers.Serializer):
    success = serializers.BooleanField()
    message = serializers.CharField()
