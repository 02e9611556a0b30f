"""End to end: a real worker analyses a real resume while a chat client watches, then asks."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.services import token_issue
from analysis.models import AnalysisJob
from analysis.services import job_start
from tests.chat.wsclient import ChatClient
from uploads.services import upload_create

pytestmark = pytest.mark.slow
RESUME = Path(__file__).resolve().parent.parent / "fixtures" / "files" / "resume.docx"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_worker_progress_streams_to_the_chat_and_the_analysis_answers_questions(daphne_server, worker, owner):
    upload = upload_create(owner=owner, uploaded_file=SimpleUploadedFile(RESUME.name, RESUME.read_bytes(), DOCX))
    with ChatClient(daphne_server) as ws:
        ws.auth(token_issue(user=owner).raw)
        ws.subscribe()
        job = job_start(upload=upload)
        updates = []
        while not updates or updates[-1]["status"] not in ("completed", "failed"):
            update = ws.recv(timeout=180)
            assert update["type"] == "job_update" and update["job_id"] == str(job.pk)
            updates.append(update)
        assert updates[-1]["status"] == "completed", AnalysisJob.objects.get(pk=job.pk).error_message
        progress = [update["progress"] for update in updates]
        assert progress == sorted(progress) and progress[-1] == 100 and len(set(progress)) >= 4

        answers = {
            "What are my top skills?": r"top skills are: .*Python",
            "Where do I work now?": r"Northwind Analytics",
            "How many years of experience do I have?": r"\b1[12](\.5)? years",
            "Where did I study?": r"University of Edinburgh",
        }
        for question, expected in answers.items():
            reply = ws.ask(question, timeout=90, job_id=str(job.pk))
            assert reply["type"] == "message" and reply["metadata"]["from_qa"] is True, reply
            assert re.search(expected, reply["content"]), reply["content"]
