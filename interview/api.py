"""Interview API (the seed's "Interview Question Endpoints") plus DELETE of a saved question.

Additions to the seed, all additive: generate and regenerate-answer also return `generation_id`;
regenerate-answer and save-question accept an optional `generation_id`. A question is addressed by
(job_id, question_id): the job's latest generation unless `generation_id` names another, or, when
`question` text is sent, the newest generation whose qN has that text. save-question stores the
generated question's own text, category and difficulty (sent values are validated, not trusted),
with the caller's `answer` when given, else the question's current answer. AI backend failures answer
502 (permanent) or 503 with `retryable: true` (transient), never 500 (resume_analyzer/api_errors.py).
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import DateTimeField
from rest_framework.views import APIView

from accounts.throttling import ScopedRateThrottle, UserRateThrottle
from interview import services
from interview.generators.local import NONE_DIFFERS
from interview.serializers import (
    DeleteOut,
    GenerateSerializer,
    GenerationOut,
    LibraryFilterSerializer,
    QuestionRefSerializer,
    RegenerateOut,
    SavedQuestionSerializer,
    SaveOut,
    SaveSerializer,
    generation_data,
)
from resume_analyzer.openapi import ErrorSerializer

AI_ERRORS = {502: ErrorSerializer, 503: ErrorSerializer}


def valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ExpensiveView(APIView):
    throttle_classes = [UserRateThrottle, ScopedRateThrottle]
    throttle_scope = "expensive"


class GenerateView(ExpensiveView):
    """Generate and store a set (q1..qN) for one of the caller's completed analyses, for the
    candidate's occupation family. mode "candidate" (default) gives suggested answers, each
    `answer_kind` "grounded" (only the resume's facts) or "guide"; mode "interviewer" gives the
    questions to ask with listen_for, follow_ups and flags (gaps over six months, short stays,
    required skills of `job_description` the resume does not show)."""

    @extend_schema(
        summary="Generate interview questions for an analysis",
        request=GenerateSerializer,
        responses={
            200: GenerationOut,
            400: ErrorSerializer,
            404: ErrorSerializer,
            429: ErrorSerializer,
            **AI_ERRORS,
        },
    )
    def post(self, request: Request) -> Response:
        data = valid(GenerateSerializer, request.data)
        generation = services.generation_create(user=request.user, **data)
        return Response(generation_data(generation))


class RegenerateAnswerView(ExpensiveView):
    """Replace a generated question's answer with a different one: another grounded answer when
    the resume has one, else the guide's other wording; when none differs the answer stays and
    `unchanged` is true with a message."""

    @extend_schema(
        summary="Regenerate a question's suggested answer",
        request=QuestionRefSerializer,
        responses={
            200: RegenerateOut,
            400: ErrorSerializer,
            404: ErrorSerializer,
            429: ErrorSerializer,
            **AI_ERRORS,
        },
    )
    def post(self, request: Request) -> Response:
        data = valid(QuestionRefSerializer, request.data)
        question = _question_of(request, data)
        question = services.question_regenerate_answer(question=question, user=request.user)
        body = {
            "question_id": question.key,
            "answer": question.answer,
            "regenerated_at": DateTimeField().to_representation(question.answer_updated_at)
            if question.answer_updated_at else None,
            "generation_id": question.generation_id,
            "answer_kind": question.answer_kind or None,
            "unchanged": bool(getattr(question, "unchanged", False)),
        }
        if body["unchanged"]:
            body["message"] = NONE_DIFFERS
        return Response(body)


class SaveQuestionView(APIView):
    """Save a generated question to the caller's library; the same question twice answers 409."""

    @extend_schema(
        summary="Save a generated question to your library",
        request=SaveSerializer,
        responses={201: SaveOut, 400: ErrorSerializer, 404: ErrorSerializer, 409: ErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        data = valid(SaveSerializer, request.data)
        question = _question_of(request, data)
        saved = services.saved_question_create(
            user=request.user,
            question=question,
            answer=data["answer"],
            tags=data["tags"],
            job_title=data["job_title"],
            company=data["company"],
        )
        body = {
            "success": True,
            "message": "Question saved successfully",
            "saved_question_id": saved.id,
        }
        return Response(body, status=status.HTTP_201_CREATED)


class LibraryView(APIView):
    """The caller's saved questions, newest first; filters: category, difficulty, tags (any match)."""

    @extend_schema(
        summary="List your saved questions",
        parameters=[
            OpenApiParameter(
                "category", str, enum=["Technical", "Behavioral", "Situational", "Problem-Solving"]
            ),
            OpenApiParameter("difficulty", str, enum=["Easy", "Medium", "Hard"]),
            OpenApiParameter(
                "tags",
                str,
                description="Comma-separated; a question matches when it has any of them",
            ),
        ],
        responses={200: SavedQuestionSerializer(many=True), 400: ErrorSerializer},
    )
    def get(self, request: Request) -> Response:
        filters = valid(LibraryFilterSerializer, request.query_params)
        saved = services.library(
            user=request.user,
            category=filters.get("category", ""),
            difficulty=filters.get("difficulty", ""),
            tags=services.normalise_tags(filters.get("tags", "")),
        )
        return Response(SavedQuestionSerializer(saved, many=True).data)


class SavedQuestionView(APIView):
    """Remove a saved question from the caller's library."""

    @extend_schema(
        summary="Remove a saved question",
        parameters=[OpenApiParameter("saved_id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH)],
        responses={200: DeleteOut, 404: ErrorSerializer},
    )
    def delete(self, request: Request, saved_id: int) -> Response:
        services.saved_question_delete(user=request.user, saved_id=saved_id)
        return Response({"success": True, "message": "Question removed from your library"})


def _question_of(request: Request, data: dict) -> object:
    """The generated question a request names (by job, id, text and generation), or NotFound."""
    return services.question_find(
        user=request.user,
        job_id=data["job_id"],
        question_id=data["question_id"],
        question_text=data["question"],
        generation_id=data.get("generation_id"),
    )
