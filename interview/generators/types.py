from dataclasses import dataclass, field


@dataclass
class GeneratedQuestion:
    question: str
    category: str
    difficulty: str
    answer: str
    context: dict = field(default_factory=dict)


class NotEnoughMaterial(Exception):
    """The profile cannot fill the requested number of distinct questions."""

    def __init__(self, available: int) -> None:
        super().__init__(f"only {available} distinct questions available")
        self.available = available
