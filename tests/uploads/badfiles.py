"""Builders for the upload tests: raw multipart bodies (so filenames and declared types are sent
exactly as written, path parts included) and the bad-file corpus, made from the real fixtures."""

import io
import sys
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "files"
BOUNDARY = "----ResumeAnalyzerTestBoundary7MA4YWxk"
MIME = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
LIMIT = 10 * 1024 * 1024


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def multipart(files: list[tuple[str, str, bytes, str]], fields: dict[str, str] | None = None) -> bytes:
    """files: (field name, filename, content, declared content type)."""
    out = io.BytesIO()
    for name, value in (fields or {}).items():
        out.write(f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(value.encode() + b"\r\n")
    for field, filename, content, content_type in files:
        head = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
        out.write(head.encode("utf-8") + f"Content-Type: {content_type}\r\n\r\n".encode())
        out.write(content + b"\r\n")
    out.write(f"--{BOUNDARY}--\r\n".encode())
    return out.getvalue()


CONTENT_TYPE = f"multipart/form-data; boundary={BOUNDARY}"


def renamed_executable() -> bytes:
    """This Python interpreter's own ELF binary (a real executable), cut to 64 KB."""
    return Path(sys.executable).resolve().read_bytes()[: 64 * 1024]


def truncated_pdf() -> bytes:
    data = fixture("resume.pdf")
    return data[: len(data) // 2]


def html_page() -> bytes:
    return b"<!DOCTYPE html><html><head><title>Resume</title></head><body><h1>Jordan Avery Lee</h1></body></html>"


def zip_bomb_docx(inflated_mb: int = 80) -> bytes:
    """The real resume.docx plus a media part of zeros that inflates to `inflated_mb` MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(fixture("resume.docx"))) as source, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED, compresslevel=9
    ) as bomb:
        for item in source.infolist():
            bomb.writestr(item, source.read(item))
        chunk = bytes(1024 * 1024)
        with bomb.open("word/media/image1.bin", "w", force_zip64=True) as member:
            for _ in range(inflated_mb):
                member.write(chunk)
    return out.getvalue()


def docx_with_entities() -> bytes:
    """The real resume.docx whose document.xml declares an entity ("billion laughs" style)."""
    dtd = b'<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    return _docx_with_document(lambda xml: xml.replace(b"?>", b"?>" + dtd, 1))


def docx_with_external_entity() -> bytes:
    dtd = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return _docx_with_document(lambda xml: xml.replace(b"?>", b"?>" + dtd, 1))


def _docx_with_document(edit) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(fixture("resume.docx"))) as source, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, edit(data) if item.filename == "word/document.xml" else data)
    return out.getvalue()


def plain_zip_named_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    return out.getvalue()


def ole_without_word_stream() -> bytes:
    """A real OLE2 compound file that is not a Word document: resume.doc with its
    WordDocument directory entry renamed, so the container stays valid."""
    data = bytearray(fixture("resume.doc"))
    old, new = "WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le")
    at = data.index(old)
    data[at : at + len(new)] = new
    return bytes(data)


def oversize(content_head: bytes = b"%PDF-1.7\n", total: int = LIMIT + 1) -> bytes:
    return content_head + bytes(total - len(content_head))


def padded_pdf(total: int) -> bytes:
    """The real resume.pdf grown to exactly `total` bytes with trailing junk that readers ignore
    (the last 1 KB still ends with %%EOF)."""
    data = fixture("resume.pdf")
    tail = b"\n%%EOF\n"
    return data + b"%" + bytes(total - len(data) - 1 - len(tail)) + tail


def doc_with_fib_flags(set_bits: int = 0, nfib: int | None = None) -> bytes:
    """resume.doc with its Word header (FIB) edited in place: flag bits set and/or nFib changed."""
    import olefile

    data = bytearray(fixture("resume.doc"))
    with olefile.OleFileIO(bytes(data)) as ole:
        entry = next(e for e in ole.direntries if e is not None and e.name == "WordDocument")
        offset = (entry.isectStart + 1) * ole.sectorsize
    assert data[offset : offset + 2] == b"\xec\xa5"
    flags = int.from_bytes(data[offset + 10 : offset + 12], "little") | set_bits
    data[offset + 10 : offset + 12] = flags.to_bytes(2, "little")
    if nfib is not None:
        data[offset + 2 : offset + 4] = nfib.to_bytes(2, "little")
    return bytes(data)


def docx_with_macros() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(fixture("resume.docx"))) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(2000))
    return out.getvalue()
