"""Log filters named in settings.LOGGING."""

import logging


class SecurityWithoutTraceback(logging.Filter):
    """Django logs refused requests (a Host outside ALLOWED_HOSTS, too many form fields) under
    django.security with the exception's traceback. The one-line message says all there is; the
    traceback made every scanner's probe look like a crash in the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("django.security"):
            record.exc_info, record.exc_text = None, None
        return True
