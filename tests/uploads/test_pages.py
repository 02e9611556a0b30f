import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analysis.models import AnalysisJob, JobStatus
from tests.uploads.badfiles import CONTENT_TYPE, LIMIT, fixture, html_page, multipart, oversize
from tests.uploads.factories import make_upload
from uploads.models import Upload


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def pdf(name="resume.pdf", content=None):
    return SimpleUploadedFile(name, content if content is not None else fixture("resume.pdf"), content_type="application/pdf")


def test_pages_need_login(client):
    for path in ("/upload", "/uploads"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/login")


def test_upload_page_renders_form(owner_client):
    response = owner_client.get("/upload")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html and 'name="linkedin_url"' in html
    assert 'data-max-bytes="10485760"' in html and "js/upload-batch." in html


def test_upload_through_page_redirects_to_list(owner_client, owner):
    response = owner_client.post("/upload", {"file": pdf(), "linkedin_url": "https://www.linkedin.com/in/jordan"})
    assert response.status_code == 302 and response["Location"] == "/uploads"
    upload = Upload.objects.get()
    assert upload.owner == owner and upload.linkedin_url == "https://www.linkedin.com/in/jordan"
    listing = owner_client.get("/uploads").content.decode()
    # The analysis started at once (the default setting).
    assert "Uploaded resume.pdf and started its analysis." in listing and f'href="/uploads/{upload.id}/jobs"' in listing
    assert upload.jobs.count() == 1


def test_page_shows_server_errors_inline(owner_client):
    response = owner_client.post("/upload", {"file": pdf(content=html_page()), "linkedin_url": "https://example.com/x"})
    assert response.status_code == 400
    html = response.content.decode()
    # The LinkedIn URL is checked first, then the file, so the URL error is what shows.
    assert "Invalid LinkedIn URL" in html and 'value="https://example.com/x"' in html
    response = owner_client.post("/upload", {"file": pdf(content=html_page())})
    assert response.status_code == 400 and "Invalid file type" in response.content.decode()
    assert not Upload.objects.exists()


def test_page_oversize_is_413_inline(owner_client):
    response = owner_client.post("/upload", {"file": pdf(content=oversize(total=LIMIT + 1))})
    assert response.status_code == 413
    assert "File size exceeds limit. The maximum size is 10 MB." in response.content.decode()
    assert not Upload.objects.exists()


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "res\x00ume.pdf", "resume\u202efdp.exe.pdf"])
def test_page_refuses_the_filenames_the_api_refuses(owner_client, name):
    """Found by fuzzing: the page let Django strip such names silently where the API says 400."""
    # A raw body: the test client would send only the basename of a SimpleUploadedFile.
    body = multipart([("file", name, fixture("resume.pdf"), "application/pdf")])
    response = owner_client.generic("POST", "/upload", body, content_type=CONTENT_TYPE)
    assert response.status_code == 400 and "Invalid filename" in response.content.decode()
    assert not Upload.objects.exists()


def test_page_without_file(owner_client):
    response = owner_client.post("/upload", {"linkedin_url": ""})
    assert response.status_code == 400 and "No file uploaded" in response.content.decode()


def test_page_post_needs_csrf(client, owner):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(owner)
    response = strict.post("/upload", {"file": pdf()})
    assert response.status_code == 403
    assert not Upload.objects.exists()


def test_list_shows_own_uploads_with_latest_status(owner_client, owner, outsider):
    analysed = make_upload(owner, "analysed.pdf", days_ago=2)
    make_upload(owner, "fresh.docx", days_ago=1)
    make_upload(outsider, "someone-else.pdf")
    AnalysisJob.objects.create(upload=analysed, owner=owner, status=JobStatus.FAILED)
    AnalysisJob.objects.create(upload=analysed, owner=owner, status=JobStatus.ANALYZING, progress=70)
    html = owner_client.get("/uploads").content.decode()
    assert html.index("fresh.docx") < html.index("analysed.pdf")
    assert "someone-else.pdf" not in html
    assert "Analyzing · 70%" in html and "Not analysed" in html
    assert "46.6\xa0KB" in html  # 47,733 bytes; filesizeformat uses a no-break space


def test_list_escapes_filenames(owner_client, owner):
    make_upload(owner, "<img src=x onerror=alert(1)>.pdf")
    html = owner_client.get("/uploads").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in html and "<img src=x" not in html


def test_admin_lists_searches_and_filters(client, make_user, owner):
    admin = make_user("admin@example.com", is_staff=True, is_superuser=True)
    make_upload(owner, "alpha.pdf")
    make_upload(owner, "beta.docx")
    client.force_login(admin)
    assert client.get("/admin/uploads/upload/").status_code == 200
    found = client.get("/admin/uploads/upload/?q=alpha").content.decode()
    assert "alpha.pdf" in found and "beta.docx" not in found
    filtered = client.get("/admin/uploads/upload/?kind__exact=docx").content.decode()
    assert "beta.docx" in filtered and "alpha.pdf" not in filtered
    assert client.get("/admin/uploads/upload/add/").status_code == 403
