"""Plain text from resume files, and that text cut into chunks; plain Python, no Django.

    extraction.py  extract_text(path, kind, max_pages=, time_limit=): PDF (pdfplumber, two-column
                   reading order), DOCX (python-docx) and dispatch by the file's first bytes
    word97.py      the legacy Word 97-2003 [MS-DOC] reader (olefile and the piece table)
    hidden.py      text a reader cannot see (white on white, tiny, outside the page, invisible,
                   Word's hidden runs), left out of the text and reported
    injection.py   lines addressed to an AI reviewer, reported as a warning
    ocr.py         scanned PDF pages read by Tesseract (the job's `ocr` stage)
    errors.py      ExtractionError, whose message is shown to the user as is
    chunking.py    section-aware chunks that fit the embedding model's window

Limits come in as arguments (analysis/services.py passes the settings), so this package can be
read and tested without Django.
"""
