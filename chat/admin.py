from django.contrib import admin

from chat.models import ChatMessage


@admin.register(ChatMessage)
class ChatMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "owner", "job", "role", "short_content"]
    list_filter = ["role", "created_at"]
    search_fields = ["owner__email", "content"]
    raw_id_fields = ["owner", "job"]
    readonly_fields = ["created_at"]
    date_hierarchy = "created_at"

    @admin.display(description="content")
    def short_content(self, message: ChatMessage) -> str:
        return message.content[:80]
