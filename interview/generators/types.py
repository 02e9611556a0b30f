from dataclasses import dataclass, field

from resume_analyzer.errors import Rejected


@dataclass
class GeneratedQuestion:
    question: str
    category: str
    difficulty: str
    answer: str
    context: dict = field(default_factory=dict)


class NotEnoughMaterial(Rejected):
    """The profile cannot fill the requested number of distinct questions."""

    def __init__(self, available: int) -> None:
        super().__init__(
            "Not enough resume data",
            f"This resume supports at most {available} distinct questions",
            max_questions=available,
        )
        self.available = available
