from django.contrib import admin

from interview.models import GeneratedQuestion, QuestionGeneration, SavedQuestion


class GeneratedQuestionInline(admin.TabularInline):
    model = GeneratedQuestion
    extra = 0
    fields = ["position", "category", "difficulty", "question", "answer_revision"]
    readonly_fields = fields
    can_delete = False


@admin.register(QuestionGeneration)
class QuestionGenerationAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "owner",
        "job",
        "job_title",
        "company",
        "num_questions",
        "backend",
        "generated_at",
    ]
    list_filter = ["backend", "prompt_version"]
    search_fields = ["owner__email", "job_title", "company"]
    raw_id_fields = ["job", "owner"]
    readonly_fields = ["seed", "token_usage", "generated_at"]
    inlines = [GeneratedQuestionInline]


@admin.register(SavedQuestion)
class SavedQuestionAdmin(admin.ModelAdmin):
    list_display = ["id", "owner", "category", "difficulty", "short_question", "saved_at"]
    list_filter = ["category", "difficulty"]
    search_fields = ["owner__email", "question"]
    raw_id_fields = ["owner", "job", "source"]
    readonly_fields = ["fingerprint", "saved_at"]

    @admin.display(description="Question")
    def short_question(self, obj: SavedQuestion) -> str:
        return obj.question[:80]
