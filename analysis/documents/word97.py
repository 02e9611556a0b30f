"""Text of a legacy Word 97-2003 document ([MS-DOC]), read with olefile.

The FIB at the start of the WordDocument stream points to the CLX in the table stream; the CLX's
piece table maps character positions to byte ranges, each piece either compressed (cp1252, one
byte a character) or UTF-16LE. `read_doc(path)` returns the header and body text, or raises
ExtractionError with a message fit to show a user.
"""

import struct
from pathlib import Path

from analysis.documents.errors import CELL_SEPARATOR, ExtractionError

FIB_FLAGS = 0x000A
FIB_CCP_TEXT = 0x004C
FIB_CCP_FTN = 0x0050
FIB_CCP_HDD = 0x0054
FIB_FC_CLX = 0x01A2
FLAG_ENCRYPTED = 0x0100
FLAG_TABLE1 = 0x0200
MIN_NFIB_WORD97 = 0x00C1
DOC_CHAR_MAP = {
    "\x07": "\x07",  # cell / row end, handled in _doc_clean
    "\x0b": "\n",  # manual line break
    "\x0c": "\n",  # page or section break
    "\x0d": "\n",  # paragraph end
    "\x1e": "-",  # non-breaking hyphen
    "\x1f": "",  # optional hyphen
    "\xa0": " ",
}


def read_doc(path: Path) -> str:
    import olefile

    if not olefile.isOleFile(str(path)):
        raise ExtractionError("The DOC file is damaged or not a Word 97-2003 document")
    with olefile.OleFileIO(str(path)) as ole:
        if not ole.exists("WordDocument"):
            raise ExtractionError(
                "The DOC file has no Word document stream (is it really a Word file?)"
            )
        word = ole.openstream("WordDocument").read()
        flags, nfib = _doc_header(word)
        table_name = "1Table" if flags & FLAG_TABLE1 else "0Table"
        if not ole.exists(table_name):
            raise ExtractionError("The DOC file is damaged: its table stream is missing")
        table = ole.openstream(table_name).read()
    text = _doc_piece_text(word, table)
    ccp_text, ccp_ftn, ccp_hdd = struct.unpack_from("<iii", word, FIB_CCP_TEXT)
    body = _doc_clean(text[:ccp_text])
    headers_start = ccp_text + ccp_ftn
    headers = _doc_clean(text[headers_start : headers_start + ccp_hdd])
    return "\n".join(part for part in (headers, body) if part.strip())


def _doc_header(word: bytes) -> tuple[int, int]:
    if len(word) < FIB_FC_CLX + 8:
        raise ExtractionError("The DOC file is damaged: its header is truncated")
    ident, nfib, _, _, _, flags = struct.unpack_from("<HHHHHH", word, 0)
    if ident != 0xA5EC:
        raise ExtractionError("The DOC file is damaged or not a Word 97-2003 document")
    if flags & FLAG_ENCRYPTED:
        raise ExtractionError("The DOC file is password-protected")
    if nfib < MIN_NFIB_WORD97:
        raise ExtractionError("Word 6/95 documents are not supported; save it as DOCX or PDF")
    return flags, nfib


def _doc_piece_text(word: bytes, table: bytes) -> str:
    fc_clx, lcb_clx = struct.unpack_from("<II", word, FIB_FC_CLX)
    clx = table[fc_clx : fc_clx + lcb_clx]
    if len(clx) != lcb_clx or not lcb_clx:
        raise ExtractionError("The DOC file is damaged: its piece table is missing")
    plc = _doc_plcpcd(clx)
    count = (len(plc) - 4) // 12  # n+1 CPs of 4 bytes, then n PCDs of 8 bytes
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces = []
    for index in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)[0]
        length = cps[index + 1] - cps[index]
        if fc & 0x40000000:  # compressed: cp1252 bytes at fc/2
            start = (fc & 0x3FFFFFFF) // 2
            pieces.append(word[start : start + length].decode("cp1252", errors="replace"))
        else:
            pieces.append(word[fc : fc + 2 * length].decode("utf-16-le", errors="replace"))
    return "".join(pieces)


def _doc_plcpcd(clx: bytes) -> bytes:
    """Skip the CLX's Prc entries (0x01) to its Pcdt (0x02) and return the PlcPcd."""
    pos = 0
    while pos < len(clx):
        if clx[pos] == 0x01:
            (size,) = struct.unpack_from("<H", clx, pos + 1)
            pos += 3 + size
        elif clx[pos] == 0x02:
            (size,) = struct.unpack_from("<I", clx, pos + 1)
            return clx[pos + 5 : pos + 5 + size]
        else:
            break
    raise ExtractionError("The DOC file is damaged: its piece table is unreadable")


def _doc_clean(text: str) -> str:
    """Field codes dropped (their shown results kept), table cells joined, breaks as newlines."""
    out: list[str] = []
    # Each open field: True while in its instruction part (between 0x13 and 0x14).
    fields: list[bool] = []
    for char in text:
        if char == "\x13":
            fields.append(True)
        elif char == "\x14":
            if fields:
                fields[-1] = False
        elif char == "\x15":
            if fields:
                fields.pop()
        elif fields and fields[-1]:
            continue
        elif char in DOC_CHAR_MAP:
            out.append(DOC_CHAR_MAP[char])
        elif char >= " " or char == "\t":
            out.append(char)
    joined = "".join(out).replace("\x07\x07", "\n")  # the row-end mark follows the last cell's
    return joined.replace("\x07", CELL_SEPARATOR)
