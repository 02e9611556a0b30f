class AIError(Exception):
    """A failed embedding or LLM call. `permanent` is False when a retry may succeed."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent
