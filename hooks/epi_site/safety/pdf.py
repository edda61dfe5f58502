"""What makes a PDF file unsafe to publish, found by reading its objects with pypdf (a maintained library).

A PDF opened in a reader can run JavaScript, act when it opens or when a page or
field is touched (/OpenAction, /AA), start a program (/Launch), send what a
reader types to another host (/SubmitForm), pull data in (/ImportData), carry
other files (/EmbeddedFile), or play Flash and forms (/RichMedia, /XFA). A
project report needs none of it. An encrypted or unreadable file cannot be
inspected, so it is refused too. A hostile file must not hang the check: the
size and the number of objects read are limited, and pypdf's errors become a
message.
"""

from __future__ import annotations

import io
import logging

MAX_PDF_BYTES = 20_000_000
MAX_PDF_OBJECTS = 100_000
FIX = "save the document again as plain PDF (in your word processor: Export as PDF, without forms or scripts)"
# Each name, as a key or as the kind (/S) of an action, and what it does, in an editor's words.
ACTIVE = {
    "/JS": "JavaScript", "/JavaScript": "JavaScript", "/OpenAction": "an action when it opens (/OpenAction)",
    "/AA": "actions when it or its pages are touched (/AA)", "/Launch": "an action that starts a program (/Launch)",
    "/SubmitForm": "a form that sends what readers type elsewhere (/SubmitForm)",
    "/ImportData": "an action that imports data (/ImportData)", "/EmbeddedFile": "files embedded in it",
    "/EmbeddedFiles": "files embedded in it", "/RichMedia": "embedded media (/RichMedia)", "/XFA": "an XFA form",
    "/GoToR": "a link that opens another file (/GoToR)", "/GoToE": "a link into an embedded file (/GoToE)",
}


def pdf_problems(data: bytes) -> list[str]:
    """A message for each kind of active content in a PDF (or why it cannot be read); empty when it is safe."""
    if len(data) > MAX_PDF_BYTES:
        return [f"this PDF is {len(data) // 1_000_000} MB; the site publishes PDFs up to {MAX_PDF_BYTES // 1_000_000} MB"]
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on a damaged file are ours to word
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return ["this PDF is encrypted or password-protected, so the site cannot see what it holds"]
        found: dict[str, None] = {}
        seen: set[tuple[int, int]] = set()
        stack = [reader.trailer]
        count = 0
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                key = (item.idnum, item.generation)
                if key in seen:
                    continue
                seen.add(key)
                item = item.get_object()
            count += 1
            if count > MAX_PDF_OBJECTS:
                return [f"this PDF holds more than {MAX_PDF_OBJECTS:,} objects, more than the site reads"]
            if isinstance(item, DictionaryObject):
                for name, value in item.items():
                    if name in ACTIVE:
                        found[ACTIVE[name]] = None
                    if name == "/S" and isinstance(value, NameObject) and value in ACTIVE:
                        found[ACTIVE[value]] = None
                    if isinstance(value, DictionaryObject | ArrayObject | IndirectObject):
                        stack.append(value)
            elif isinstance(item, ArrayObject):
                stack.extend(v for v in item if isinstance(v, DictionaryObject | ArrayObject | IndirectObject))
    except Exception as error:  # whatever a hostile file makes pypdf raise is a message, not a crash
        return [f"this PDF cannot be read ({type(error).__name__}), so the site cannot see what it holds"]
    return [f"this PDF holds {what}, which a PDF reader would run or open" for what in found]
