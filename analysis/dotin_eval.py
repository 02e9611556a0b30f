"""The dotin dev split (analysis/parsing/training/) through the product's real path, for
`manage.py evaluate_parser --dataset dotin-dev` and its quality test.

Each dev text is rendered to a PDF by WeasyPrint (the text as it is, lines kept, long lines
wrapped at the page width), stored as an upload by `uploads.services.upload_create`, read back
by the job's extraction stage (`analysis.services.stage_extract`, pdfplumber) and analysed by the
configured backend, then saved and re-read through the typed profile (`profile_save`). The Q&A
bank and embeddings are left out: they do not change the fields scored. Everything happens in
one transaction that is rolled back, and the stored files are deleted, so nothing stays behind.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from analysis.models import AnalysisJob
from analysis.parsing.evaluation import written_values
from analysis.parsing.evidence import with_pages
from analysis.parsing.learned import evaluate
from analysis.parsing.training import dotin
from analysis.services import profile_save, stage_extract

PAGE_CSS = "@page { size: A4; margin: 18mm } body { font: 10pt 'DejaVu Sans', sans-serif }" \
           " pre { white-space: pre-wrap; font: inherit; margin: 0 }"
OWNER_EMAIL = "evaluate-parser@localhost.invalid"


class _RolledBack(Exception):
    """Raised to undo the evaluation's rows."""


def render_pdf(text: str) -> bytes:
    import weasyprint

    page = f"<html><head><style>{PAGE_CSS}</style></head><body><pre>{html.escape(text)}</pre></body></html>"
    return weasyprint.HTML(string=page).write_pdf()


def analyse_stored(owner, name: str, pdf: bytes, analyse: Callable[[str], dict]) -> dict:
    """One resume through upload → extraction → analysis → stored profile; its profile dict."""
    from uploads.services import upload_create

    upload = upload_create(owner=owner, uploaded_file=SimpleUploadedFile(name, pdf, "application/pdf"))
    try:
        job = AnalysisJob.objects.create(upload=upload, owner=owner)
        text = stage_extract(job=job)
        profile = analyse(text)
        if isinstance(profile.get("evidence"), list):
            profile["evidence"] = with_pages(profile["evidence"], job.page_starts or [])
        return profile_save(job=job, data=profile).data.model_dump()
    finally:
        upload.file.storage.delete(upload.file.name)


@contextmanager
def scratch_owner() -> Iterator[object]:
    """A throwaway user inside a transaction that is always rolled back."""
    try:
        with transaction.atomic():
            owner = get_user_model().objects.create_user(email=OWNER_EMAIL, password=None)
            yield owner
            raise _RolledBack
    except _RolledBack:
        pass


def score(analyse: Callable[[str], dict], *, docs: list | None = None, real_path: bool = True,
          transform: Callable[[str], str] | None = None) -> dict[str, evaluate.Score]:
    """Per-field dotin scores of `analyse` (text -> profile dict) on the dev split."""
    docs = dotin.load_split("dev") if docs is None else docs
    if not real_path:
        return evaluate.score_docs(lambda text: written_values(analyse(text)), docs, transform=transform)
    with scratch_owner() as owner:
        def predict(text: str) -> dict[str, list[str]]:
            return written_values(analyse_stored(owner, "resume.pdf", render_pdf(text), analyse))

        return evaluate.score_docs(predict, docs, transform=transform)
