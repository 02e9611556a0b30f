import hashlib

import pytest

from tests.uploads import badfiles as bad
from tests.uploads.badfiles import LIMIT, MIME, fixture
from uploads.models import Upload

SEED_FIELDS = {"id", "filename", "linkedin_url", "file_size", "upload_date"}
INVALID_TYPE = {"error": "Invalid file type", "message": "Only PDF, DOC, and DOCX files are supported", "field": "file"}
TOO_LARGE = {"error": "File size exceeds limit", "max_size_mb": 10}


@pytest.mark.parametrize("name", ["resume.pdf", "resume.docx", "resume.doc", "two_column.pdf", "scanned.pdf"])
def test_real_files_are_accepted_and_stored(api, owner, post_upload, media_snapshot, name):
    content = fixture(name)
    kind = name.rsplit(".", 1)[1]
    response = post_upload(api, [("file", name, content, MIME[kind])])
    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == SEED_FIELDS
    assert body["filename"] == name and body["file_size"] == len(content) and body["linkedin_url"] is None
    assert body["upload_date"].endswith("Z")
    upload = Upload.objects.get(pk=body["id"])
    assert upload.owner == owner and upload.kind == kind and upload.content_type == MIME[kind]
    assert upload.sha256 == hashlib.sha256(content).hexdigest()
    # Stored under a generated name, never the client's filename.
    assert upload.file.name.startswith("resumes/") and name not in upload.file.name
    with upload.file.open("rb") as stored:
        assert stored.read() == content
    assert len(media_snapshot.new()) == 1


def test_seed_example_with_linkedin_url(api, post_upload):
    response = post_upload(
        api,
        [("file", "resume.pdf", fixture("resume.pdf"), "application/pdf")],
        {"linkedin_url": "https://linkedin.com/in/johndoe"},
    )
    assert response.status_code == 201
    assert response.json()["linkedin_url"] == "https://linkedin.com/in/johndoe"


def test_generic_declared_type_is_decided_by_signature(api, post_upload):
    response = post_upload(api, [("file", "resume.docx", fixture("resume.docx"), "application/octet-stream")])
    assert response.status_code == 201
    assert Upload.objects.get().kind == "docx"


def test_exactly_the_limit_is_accepted(api, post_upload):
    response = post_upload(api, [("file", "big.pdf", bad.padded_pdf(LIMIT), "application/pdf")])
    assert response.status_code == 201, response.json()
    assert response.json()["file_size"] == LIMIT


# --- The bad-file corpus: each answers its exact status and body, and nothing is stored. -------

CORPUS = [
    ("renamed executable", "resume.pdf", bad.renamed_executable, "application/pdf", 400, INVALID_TYPE),
    ("executable by name", "setup.exe", bad.renamed_executable, "application/x-msdownload", 400, INVALID_TYPE),
    ("HTML called resume.pdf", "resume.pdf", bad.html_page, "application/pdf", 400, INVALID_TYPE),
    ("HTML declared as html", "resume.pdf", bad.html_page, "text/html", 400, INVALID_TYPE),
    ("PDF declared as Word", "resume.pdf", lambda: fixture("resume.pdf"), MIME["doc"], 400, INVALID_TYPE),
    ("PDF named .docx", "resume.docx", lambda: fixture("resume.pdf"), MIME["docx"], 400, INVALID_TYPE),
    ("DOCX named .pdf", "resume.pdf", lambda: fixture("resume.docx"), MIME["pdf"], 400, INVALID_TYPE),
    ("DOC named .docx", "resume.docx", lambda: fixture("resume.doc"), MIME["docx"], 400, INVALID_TYPE),
    ("plain zip named .docx", "resume.docx", bad.plain_zip_named_docx, MIME["docx"], 400, INVALID_TYPE),
    ("OLE2 without WordDocument", "resume.doc", bad.ole_without_word_stream, MIME["doc"], 400, INVALID_TYPE),
    ("text file", "resume.txt", lambda: b"Jordan Avery Lee\nSoftware engineer\n", "text/plain", 400, INVALID_TYPE),
    ("0 bytes", "resume.pdf", lambda: b"", "application/pdf", 400,
     {"error": "Empty file", "message": "The uploaded file is empty", "field": "file"}),
    ("10 MB + 1 byte", "resume.pdf", bad.oversize, "application/pdf", 413, TOO_LARGE),
]


@pytest.mark.parametrize(
    "name,filename,make,declared,status,expected", CORPUS, ids=[case[0] for case in CORPUS]
)
def test_bad_file_corpus(api, post_upload, media_snapshot, name, filename, make, declared, status, expected):
    response = post_upload(api, [("file", filename, make(), declared)])
    assert response.status_code == status
    assert response.json() == expected
    assert not Upload.objects.exists() and not media_snapshot.new()


DAMAGED = [
    ("truncated PDF", "resume.pdf", bad.truncated_pdf, "Corrupt file", "truncated"),
    ("zip bomb DOCX", "resume.docx", bad.zip_bomb_docx, "Unsafe file", "zip bomb"),
    ("DOCX with entities", "resume.docx", bad.docx_with_entities, "Unsafe file", "entity"),
    ("DOCX with external entity", "resume.docx", bad.docx_with_external_entity, "Unsafe file", "entity"),
    ("truncated DOCX", "resume.docx", lambda: fixture("resume.docx")[:20000], "Corrupt file", "damaged"),
    ("truncated DOC", "resume.doc", lambda: fixture("resume.doc")[:4096], "Corrupt file", "damaged"),
    ("encrypted DOC", "resume.doc", lambda: bad.doc_with_fib_flags(0x0100), "Corrupt file", "password"),
    ("Word 95 DOC", "resume.doc", lambda: bad.doc_with_fib_flags(nfib=0x0065), "Corrupt file", "Word 6/95"),
    ("DOCX with macros", "resume.docx", bad.docx_with_macros, "Unsafe file", "macros"),
]


@pytest.mark.parametrize("name,filename,make,error,phrase", DAMAGED, ids=[case[0] for case in DAMAGED])
def test_damaged_or_hostile_files(api, post_upload, media_snapshot, name, filename, make, error, phrase):
    kind = filename.rsplit(".", 1)[1]
    response = post_upload(api, [("file", filename, make(), MIME[kind])])
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == error and body["field"] == "file"
    assert phrase in body["message"]
    assert not Upload.objects.exists() and not media_snapshot.new()


def test_oversize_body_is_refused_before_parsing(api, media_snapshot):
    """A Content-Length that cannot hold an acceptable file answers 413 without reading the body."""
    response = api.generic(
        "POST", "/api/upload", b"x" * 10, content_type=bad.CONTENT_TYPE, CONTENT_LENGTH=str(LIMIT + 200_000)
    )
    assert response.status_code == 413
    assert response.json() == TOO_LARGE
    assert not Upload.objects.exists() and not media_snapshot.new()


def test_oversize_real_body_of_eleven_mb(api, post_upload):
    response = post_upload(api, [("file", "resume.pdf", bad.oversize(total=11 * 1024 * 1024), "application/pdf")])
    assert response.status_code == 413 and response.json() == TOO_LARGE


def test_oversize_text_field_is_413_not_500(api, post_upload):
    response = post_upload(
        api, [("file", "resume.pdf", fixture("resume.pdf"), "application/pdf")], {"note": "x" * (2 * 1024 * 1024)}
    )
    assert response.status_code == 413 and response.json() == TOO_LARGE
    assert not Upload.objects.exists()


# --- Request shape --------------------------------------------------------------------------


def test_missing_file(api, post_upload):
    response = post_upload(api, [], {"linkedin_url": "https://linkedin.com/in/johndoe"})
    assert response.status_code == 400
    assert response.json()["error"] == "No file uploaded" and response.json()["field"] == "file"


@pytest.mark.parametrize("body,content_type", [(b"", None), (b'{"file": "resume.pdf"}', "application/json"),
                                               (b"file=resume.pdf", "application/x-www-form-urlencoded")])
def test_no_multipart_body(api, body, content_type):
    kwargs = {"content_type": content_type} if content_type else {}
    response = api.generic("POST", "/api/upload", body, **kwargs)
    assert response.status_code == 400
    assert response.json()["error"] == "No file uploaded"


def test_file_under_another_field_name(api, post_upload):
    response = post_upload(api, [("resume", "resume.pdf", fixture("resume.pdf"), "application/pdf")])
    assert response.status_code == 400 and response.json()["error"] == "No file uploaded"


@pytest.mark.parametrize("second_field", ["file", "other"])
def test_several_files(api, post_upload, media_snapshot, second_field):
    pdf = fixture("resume.pdf")
    response = post_upload(
        api, [("file", "a.pdf", pdf, "application/pdf"), (second_field, "b.pdf", pdf, "application/pdf")]
    )
    assert response.status_code == 400
    assert response.json()["error"] == "Too many files"
    assert not Upload.objects.exists() and not media_snapshot.new()


def test_hundreds_of_files_is_400_not_500(api, post_upload):
    files = [("file", f"r{i}.pdf", b"%PDF-", "application/pdf") for i in range(150)]
    response = post_upload(api, files)
    assert response.status_code == 400 and response.json()["error"] == "Too many files"


def test_malformed_multipart_is_400(api):
    response = api.generic("POST", "/api/upload", b"--nope\r\ngarbage", content_type="multipart/form-data")
    assert response.status_code == 400
    assert set(response.json()) >= {"error", "message"}


@pytest.mark.parametrize(
    "filename,message",
    [
        ("../../etc/passwd.pdf", "path separators"),
        ("C:\\Users\\jo\\resume.pdf", "path separators"),
        ("dir/resume.pdf", "path separators"),
        ("resume&#47;x.pdf", "path separators"),
        ("resume\x07.pdf", "control characters"),
        ("resume\x1b[31m.pdf", "control characters"),
        ("cv\u202efdp.exe", "control characters"),
        ("resume\u202e.pdf", "control characters"),
        ("resume\u2028.pdf", "control characters"),
        (" ", "1 to 255 characters"),
        ("x" * 252 + ".pdf", "1 to 255 characters"),
    ],
)
def test_bad_filenames(api, post_upload, media_snapshot, filename, message):
    response = post_upload(api, [("file", filename, fixture("resume.pdf"), "application/pdf")])
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Invalid filename" and message in body["message"]
    assert not Upload.objects.exists() and not media_snapshot.new()


@pytest.mark.parametrize(
    "sent,shown",
    [("Zoë Łukasz CV.pdf", "Zoë Łukasz CV.pdf"), ("AT&amp;T resume.pdf", "AT&T resume.pdf"),
     ("Zoe\u0308.pdf", "Zoë.pdf"), ("  padded.pdf ", "padded.pdf")],
)
def test_filename_is_kept_for_display(api, post_upload, sent, shown):
    response = post_upload(api, [("file", sent, fixture("resume.pdf"), "application/pdf")])
    assert response.status_code == 201
    assert response.json()["filename"] == shown


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/jordan-avery-lee",
        "http://linkedin.com/in/johndoe",
        "https://uk.linkedin.com/in/jordan",
        "  https://linkedin.com/in/padded  ",
    ],
)
def test_linkedin_url_accepted(api, post_upload, url):
    response = post_upload(api, [("file", "resume.pdf", fixture("resume.pdf"), "application/pdf")], {"linkedin_url": url})
    assert response.status_code == 201
    assert response.json()["linkedin_url"] == url.strip()


def test_blank_linkedin_url_is_null(api, post_upload):
    response = post_upload(api, [("file", "resume.pdf", fixture("resume.pdf"), "application/pdf")], {"linkedin_url": ""})
    assert response.status_code == 201 and response.json()["linkedin_url"] is None


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/in/jordan",
        "https://linkedin.com.evil.example/in/jordan",
        "https://evil-linkedin.com/in/jordan",
        "https://user:pw@linkedin.com/in/jordan",
        "ftp://linkedin.com/in/jordan",
        "javascript:alert(1)//linkedin.com",
        "linkedin.com/in/jordan",
        "not a url",
        "https://linkedin.com/" + "a" * 600,
        "https://linkedin.com/in/\x00",
        "https://linkedin.com/in/x#\x00",
        "https://linkedin.com/in/jordan\u202e",
        "https://linkedin.com:99999/in/jordan",
    ],
)
def test_linkedin_url_rejected(api, post_upload, media_snapshot, url):
    response = post_upload(api, [("file", "resume.pdf", fixture("resume.pdf"), "application/pdf")], {"linkedin_url": url})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Invalid LinkedIn URL" and body["field"] == "linkedin_url" and body["message"]
    assert not Upload.objects.exists() and not media_snapshot.new()


def test_anonymous_is_401(db, anon_api, post_upload):
    response = post_upload(anon_api, [("file", "resume.pdf", fixture("resume.pdf"), "application/pdf")])
    assert response.status_code == 401
    assert set(response.json()) >= {"error", "message"}
    assert not Upload.objects.exists()


def test_size_limit_holds_little_in_memory(owner, tmp_path):
    """Rejecting a 10 MB + 1 byte file allocates a small fraction of it: Django's parser streams to
    a temp file above FILE_UPLOAD_MAX_MEMORY_SIZE and the limit handler stops at the limit. The
    body is read from a file through the test client's handler (without the test client's in-memory
    copy of the body), so only the server side is measured."""
    import tracemalloc

    from django.test.client import ClientHandler

    from accounts.services import token_issue
    from tests.uploads.badfiles import CONTENT_TYPE, multipart

    body_path = tmp_path / "body"
    body_path.write_bytes(multipart([("file", "resume.pdf", bad.oversize(), "application/pdf")]))
    with body_path.open("rb") as stream:
        environ = {
            "REQUEST_METHOD": "POST", "PATH_INFO": "/api/upload", "SERVER_NAME": "testserver",
            "SERVER_PORT": "80", "wsgi.url_scheme": "http", "wsgi.input": stream,
            "CONTENT_TYPE": CONTENT_TYPE, "CONTENT_LENGTH": str(body_path.stat().st_size),
            "HTTP_AUTHORIZATION": f"Bearer {token_issue(user=owner).raw}",
        }
        handler = ClientHandler()
        # Warm up first: the first request imports every app's URLs and views (~20 MB).
        warm = {**environ, "REQUEST_METHOD": "GET", "PATH_INFO": "/api/uploads", "CONTENT_LENGTH": "0"}
        assert handler(warm).status_code == 200
        tracemalloc.start()
        try:
            baseline = tracemalloc.get_traced_memory()[0]
            response = handler(environ)
            peak = tracemalloc.get_traced_memory()[1] - baseline
        finally:
            tracemalloc.stop()
    assert response.status_code == 413
    assert peak < 1024 * 1024, f"peak {peak / 2**20:.1f} MB"


def test_too_many_form_fields_is_400_not_500(api, post_upload):
    fields = {f"f{i}": "x" for i in range(1100)}
    response = post_upload(api, [("file", "resume.pdf", fixture("resume.pdf"), "application/pdf")], fields)
    assert response.status_code == 400 and response.json()["error"] == "Too many fields"
    assert not Upload.objects.exists()
