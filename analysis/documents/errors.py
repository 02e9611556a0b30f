"""What every document reader shares: its one error type and the table-cell separator."""

# Table cells of one row, in DOCX and DOC alike, are joined with this ("Python | Go").
CELL_SEPARATOR = " | "


class ExtractionError(Exception):
    """The file's text could not be read; `message` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
