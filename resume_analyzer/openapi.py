"""Shared OpenAPI pieces: the error body every endpoint answers with."""

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "error": serializers.CharField(),
        "message": serializers.CharField(required=False),
        "field": serializers.CharField(required=False),
    },
)
