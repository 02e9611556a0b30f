from rest_framework import serializers

from analysis.models import AnalysisJob


class JobSerializer(serializers.ModelSerializer):
    """The seed's job fields."""

    job_id = serializers.UUIDField(source="id")
    upload_id = serializers.IntegerField()

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
