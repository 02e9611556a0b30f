"""`manage.py worker`: django-q2's `qcluster`, with the embedding libraries imported first.

django-q2 forks its worker processes from this one. Importing torch and sentence-transformers
here, once, hands every worker the imported modules (shared copy-on-write); otherwise each of the
ANALYSIS_MAX_CONCURRENCY workers imports them itself as it starts (about 4.5 s of CPU each), and
on two cores a job queued at start waited ~17 s for five of them. Only modules are imported: the
model itself is loaded after the fork, in each worker (analysis.tasks), so no torch thread pool
exists in this process when it forks. The learned resume extractor, which has no threads, is
loaded before the fork (with AI_BACKEND=local).
"""

import logging
import time

from django.conf import settings
from django_q.management.commands.qcluster import Command as QclusterCommand

from resume_analyzer.ai.backends import LOCAL
from resume_analyzer.ai.embeddings import uses_local_model
from resume_analyzer.processes import forked_children_die_with_parent

logger = logging.getLogger(__name__)


class Command(QclusterCommand):
    help = "Start the analysis worker cluster (django-q2 qcluster with the embedding libraries preloaded)."

    def handle(self, *args, **options):
        # Every process django-q2 forks (sentinel, pusher, monitor, workers) dies with its parent:
        # a SIGKILLed cluster leaves no orphan running, holding memory and a job's PID.
        forked_children_die_with_parent()
        if settings.ANALYSIS_PRELOAD_MODEL and uses_local_model():
            started = time.monotonic()
            import sentence_transformers  # noqa: F401  (imports torch and transformers too)

            logger.info("embedding libraries imported in %.1f s", time.monotonic() - started)
        if settings.ANALYSIS_PRELOAD_MODEL and settings.AI_BACKEND == LOCAL:
            self._load_resume_model()
        super().handle(*args, **options)

    @staticmethod
    def _load_resume_model() -> None:
        """The learned resume extractor (a CRFsuite tagger, no threads) is loaded and checked
        here, once, and the parser's taxonomy and places read by one small parse: every forked
        worker starts with them instead of loading its own copy on its first resume."""
        # Not analyze_locally: its occupation step runs MiniLM, and a torch operation here starts
        # libgomp's thread pool, which every forked worker then waits on forever at its first one.
        from analysis.backends.local import parse_locally

        started = time.monotonic()
        parse_locally("Jane Doe\nSkills\nPython, SQL")
        logger.info("local resume parser and its model loaded in %.2f s", time.monotonic() - started)
