"""Documents on disk: Scanner.scan_file / redact_file and sladd.scan_file /
redact_file (issue 16, on detect-docs).

The documents are built here with zipfile and literal XML (as
detect-docs/tests/corpus_gen does). Synthetic IDs only: NO fnr
01018000055, DK CPR 010180-1004, SE 811218-9876, FI 131052-308T.
"""

from __future__ import annotations

import base64
import email
import io
import os
import pathlib
import threading
import time
import warnings
import zipfile
from email import policy

import pytest

import sladd

TODAY = "2026-11-22"

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
     'relationships"')
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/><Override PartName="/word/'
    'comments.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.comments+xml"/><Override PartName="/'
    'word/header1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.header+xml"/><Override PartName="/'
    'docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
    'core-properties+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/><Relationship Id="rId2" Type="http://'
    'schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/></Relationships>')
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/comments" '
    'Target="comments.xml"/><Relationship Id="rId2" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/header" '
    'Target="header1.xml"/></Relationships>')


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def core_xml(creator: str, title: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
        'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/'
        'dc/elements/1.1/"><dc:title>' + title + '</dc:title><dc:creator>'
        + creator + '</dc:creator></cp:coreProperties>')


def make_zip(entries: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def docx(body: list[str], comment: str = "", header: str = "",
         creator: str = "sladd test") -> bytes:
    """A docx: `body` paragraphs (an ID may be split over runs with a
    `|`), a comment and a header."""
    def runs(p: str) -> str:
        rs = "".join(f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>'
                     for r in p.split("|"))
        return f"<w:p>{rs}</w:p>"
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document {W}><w:body>{"".join(runs(p) for p in body)}'
           '<w:sectPr/></w:body></w:document>')
    entries: dict[str, str | bytes] = {
        "[Content_Types].xml": DOCX_TYPES,
        "_rels/.rels": RELS,
        "word/document.xml": doc,
        "word/_rels/document.xml.rels": DOC_RELS,
        "docProps/core.xml": core_xml(creator, "Notat"),
    }
    if comment:
        entries["word/comments.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:comments {W}>'
            '<w:comment w:id="0" w:author="Saksbehandler" w:initials="SB">'
            f'{para(comment)}</w:comment></w:comments>')
    if header:
        entries["word/header1.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}>'
            f'{para(header)}</w:hdr>')
    return make_zip(entries)


SS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
      'relationships"')


def xlsx() -> bytes:
    """Two sheets: shared strings (one ID split over rich runs), an
    inline string, a number that lost its leading zero, a sheet name
    holding an ID."""
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension='
        '"rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/'
        'xl/worksheets/sheet2.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship'
        ' Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
    wb = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {SS}><sheets>'
          '<sheet name="Oversikt" sheetId="1" r:id="rId1"/>'
          '<sheet name="Kari 131052-308T" sheetId="2" r:id="rId2"/>'
          '</sheets></workbook>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    wb_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/worksheet" '
        'Target="worksheets/sheet2.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/sharedStrings" '
        'Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId4" Type="{rel}/styles" Target="styles.xml"/>'
        '</Relationships>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {SS}>'
              '<fonts count="1"><font/></fonts><fills count="1"><fill>'
              '<patternFill patternType="none"/></fill></fills><borders '
              'count="1"><border/></borders><cellStyleXfs count="1"><xf/>'
              '</cellStyleXfs><cellXfs count="2"><xf/><xf/></cellXfs>'
              '</styleSheet>')
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst {SS} count="4" '
           'uniqueCount="4"><si><t>fnr</t></si><si><t>Kari Nordmann</t></si>'
           '<si><r><t>010180</t></r><r><rPr><b/></rPr><t>-1004</t></r></si>'
           '<si><t>CPR</t></si></sst>')
    sheet1 = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {SS}>'
              '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
              '<c r="B1" s="1"><v>1018000055</v></c></row><row r="2">'
              '<c r="A2" t="inlineStr"><is><t>personnummer 811218-9876</t>'
              '</is></c><c r="B2"><v>42</v></c></row></sheetData></worksheet>')
    sheet2 = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {SS}>'
              '<sheetData><row r="14"><c r="A14" t="s"><v>1</v></c>'
              '<c r="B14" t="s"><v>3</v></c><c r="C14" t="s"><v>2</v></c>'
              '</row></sheetData></worksheet>')
    return make_zip({
        "[Content_Types].xml": types,
        "_rels/.rels": rels,
        "xl/workbook.xml": wb,
        "xl/_rels/workbook.xml.rels": wb_rels,
        "xl/sharedStrings.xml": sst,
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": sheet1,
        "xl/worksheets/sheet2.xml": sheet2,
    })


def eml(attachment: bytes) -> bytes:
    """A mail: ID in Subject (RFC 2047) and Cc, a quoted-printable body
    with an ID split by a soft line break, a docx attachment."""
    att = base64.encodebytes(attachment).decode().replace("\n", "\r\n")
    return (
        "From: Kari Nordmann <kari@example.invalid>\r\n"
        "To: Saksbehandler <sak@example.invalid>\r\n"
        "Cc: CPR 010180-1004 <kopi@example.invalid>\r\n"
        "Subject: =?utf-8?Q?S=C3=B8knad_fnr_01018000055?=\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="XX"\r\n'
        "\r\n"
        "--XX\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "\r\n"
        "S=C3=B8knad fra Kari, CPR 0101=\r\n"
        "80-1004.\r\n"
        "--XX\r\n"
        "Content-Type: application/vnd.openxmlformats-officedocument."
        'wordprocessingml.document; name="vedlegg.docx"\r\n'
        'Content-Disposition: attachment; filename="vedlegg.docx"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n" + att + "\r\n"
        "--XX--\r\n").encode()


HTML = ('<!DOCTYPE html><html><head><meta name="author" '
        'content="fnr 01018000055"><title>Vedtak</title><script>var cpr = '
        '"010180-1004";</script></head><body><p>S&oslash;ker: CPR '
        '0101<b>80</b>&#45;1004</p><img alt="personnummer 811218-9876">'
        '<p>Ingen data</p></body></html>').encode()


def pdf(text: bytes) -> bytes:
    """A one-page PDF whose text layer is `text` (Helvetica, WinAnsi)."""
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
        b"4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
        b"/WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref))
    return out


def encrypted_docx() -> bytes:
    """An OLE2 container naming an EncryptionInfo stream, as Office
    writes an encrypted docx."""
    v = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    v += bytes(512 - len(v))
    v += "EncryptionInfo".encode("utf-16-le")
    v += bytes(2048 - len(v))
    return bytes(v)


@pytest.fixture(scope="module")
def sc() -> sladd.Scanner:
    return sladd.Scanner(reference_date=TODAY)


@pytest.fixture(scope="module")
def low() -> sladd.Scanner:
    return sladd.Scanner(reference_date=TODAY, min_confidence="low")


def write(tmp_path: pathlib.Path, name: str, data: bytes) -> pathlib.Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def by_part(r: sladd.FileReport) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    """The IDs found, by part (names and contact data are found too)."""
    for f in r.findings:
        if f.match.group == "ids":
            out.setdefault(f.part, []).append(f.match.kind)
    return out


def check_offsets(r: sladd.FileReport) -> None:
    """Code-point offsets agree with the value and, on a first line, with
    the column."""
    for f in r.findings:
        m = f.match
        assert m.end - m.start == len(m.text) > 0
        assert m.byte_end - m.byte_start == len(m.text.encode())
        if f.line == 1:
            assert m.start == f.column - 1, f


# -- scan_file ---------------------------------------------------------------


def test_docx_findings_by_part(tmp_path: pathlib.Path,
                               sc: sladd.Scanner) -> None:
    p = write(tmp_path, "sak.docx", docx(
        ["Søker fnr 0101|80|00055 er mottatt.", "Ingen data her."],
        comment="Sjekk CPR 010180-1004",
        header="personnummer 811218-9876"))
    r = sc.scan_file(p)
    assert r.format == "docx"
    assert r.path == str(p)
    assert r.unscanned == [] and not r.clean
    parts = by_part(r)
    assert parts["word/document.xml"] == ["no_fnr"]
    assert parts["word/comments.xml"] == ["dk_cpr"]
    assert parts["word/header1.xml"] == ["se_pnr"]
    body = [f for f in r.findings if f.part == "word/document.xml"][0]
    # The ID was split over three runs: one finding, joined.
    assert body.match.text == "01018000055"
    assert (body.line, body.column) == (1, 11)
    # "Søker fnr " is 10 code points and 11 UTF-8 bytes.
    assert (body.match.start, body.match.byte_start) == (10, 11)
    assert isinstance(body.match, sladd.Match)
    check_offsets(r)
    assert "01018000055" not in repr(body) and "010180*****" in repr(body)
    assert repr(body).startswith("FileFinding(part='word/document.xml', ")


def test_xlsx_cells_and_sheet_names(tmp_path: pathlib.Path,
                                    sc: sladd.Scanner) -> None:
    r = sc.scan_file(write(tmp_path, "budsjett.xlsx", xlsx()))
    assert r.format == "xlsx"
    parts = by_part(r)
    # A number that lost its leading zero, an inline string, rich runs.
    assert parts["sheet 1!B1"] == ["no_fnr"]
    assert parts["sheet 1!A2"] == ["se_pnr"]
    assert parts["sheet 2!C14"] == ["dk_cpr"]
    assert parts["xl/workbook.xml"] == ["fi_hetu"]
    assert r.unscanned == [] and not r.clean
    check_offsets(r)


def test_eml_headers_body_and_attachment(tmp_path: pathlib.Path,
                                         sc: sladd.Scanner) -> None:
    inner = docx(["henkilötunnus 131052-308T"])
    r = sladd.scan_file(write(tmp_path, "brev.eml", eml(inner)))
    assert r.format == "eml"
    parts = by_part(r)
    assert sorted(parts["headers"]) == ["dk_cpr", "no_fnr"]
    assert parts["attachment vedlegg.docx:word/document.xml"] == ["fi_hetu"]
    body = [k for p, ks in parts.items() if p.startswith("part ")
            for k in ks]
    assert body == ["dk_cpr"]
    assert r.unscanned == []
    check_offsets(r)


def test_html_body_attributes_not_script(tmp_path: pathlib.Path,
                                         sc: sladd.Scanner) -> None:
    r = sc.scan_file(write(tmp_path, "vedtak.html", HTML))
    assert r.format == "html"
    kinds = sorted(k for ks in by_part(r).values() for k in ks)
    # meta author, the body (split by tags and an entity), img alt; the
    # script's CPR is not text.
    assert kinds == ["dk_cpr", "no_fnr", "se_pnr"]
    cpr = [f for f in r.findings if f.match.kind == "dk_cpr"][0]
    assert cpr.match.text == "010180-1004"
    check_offsets(r)


def test_clean_document(tmp_path: pathlib.Path, sc: sladd.Scanner) -> None:
    r = sc.scan_file(write(tmp_path, "tom.docx", docx(["Ingen data her."])))
    assert r.format == "docx" and r.parts >= 2
    assert r.findings == [] and r.unscanned == []
    assert r.clean
    assert "clean=True" in repr(r)


@pytest.mark.parametrize("name,data,fmt,reason", [
    ("scan.bin", bytes([0, 1, 2, 3, 0xFF, 0xFE, 0]) * 50, "unknown",
     "format not known"),
    ("hemmelig.docx", encrypted_docx(), "encrypted", "encrypted"),
    ("brudd.docx", docx(["fnr 01018000055"])[:200], "docx", "damaged zip"),
])
def test_unreadable_is_unscanned_never_clean(
        tmp_path: pathlib.Path, sc: sladd.Scanner, name: str, data: bytes,
        fmt: str, reason: str) -> None:
    r = sc.scan_file(write(tmp_path, name, data))
    assert r.format == fmt
    assert r.findings == []
    assert len(r.unscanned) == 1
    loc, why = r.unscanned[0]
    assert loc == "" and why.startswith(reason)
    assert not r.clean


def test_scanner_options_apply(tmp_path: pathlib.Path) -> None:
    p = write(tmp_path, "brev.html", HTML)
    r = sladd.Scanner(kinds=["dk_cpr"]).scan_file(p)
    assert [f.match.kind for f in r.findings] == ["dk_cpr"]


def test_pathlike_and_errors_name_the_path(tmp_path: pathlib.Path,
                                           sc: sladd.Scanner) -> None:
    p = write(tmp_path, "a.txt", b"CPR 010180-1004\n")
    assert [f.part for f in sc.scan_file(p).findings] == ["text"]
    assert sc.scan_file(str(p)).format == "text"
    missing = tmp_path / "finnes-ikke.docx"
    with pytest.raises(FileNotFoundError) as e:
        sc.scan_file(missing)
    assert e.value.filename == str(missing)
    assert str(missing) in str(e.value)
    with pytest.raises(IsADirectoryError):
        sladd.scan_file(tmp_path)
    with pytest.raises(TypeError):
        sc.scan_file(42)  # type: ignore[arg-type]


def test_gil_released_while_scanning(tmp_path: pathlib.Path) -> None:
    # A large text file takes a while to scan; the main thread must run
    # meanwhile.
    line = "Søknad om barnehageplass fra Kari Nordmann, ingen nummer. " * 4
    p = write(tmp_path, "stor.txt", (line + "\n").encode() * 60_000)
    done = threading.Event()
    out: list[sladd.FileReport] = []

    def work() -> None:
        out.append(sladd.Scanner(kinds=["ids"]).scan_file(p))
        done.set()

    t = threading.Thread(target=work)
    t.start()
    ticks = 0
    start = time.perf_counter()
    while not done.is_set():
        ticks += 1
        time.sleep(0)
    took = time.perf_counter() - start
    t.join()
    assert out[0].clean
    # Held GIL: the loop would stall for the whole scan.
    assert took < 0.05 or ticks > 100, (ticks, took)


# -- redact_file ---------------------------------------------------------------


def roundtrip(tmp_path: pathlib.Path, sc: sladd.Scanner,
              low: sladd.Scanner, name: str, data: bytes) -> pathlib.Path:
    src = write(tmp_path, name, data)
    assert not sc.scan_file(src).clean
    dst = tmp_path / ("redacted-" + name)
    assert sc.redact_file(src, dst) is None
    r = low.scan_file(dst)
    assert r.format == sc.scan_file(src).format
    assert r.findings == [] and r.unscanned == [], r.findings
    assert r.clean
    # Nothing left behind but the two files.
    assert sorted(os.listdir(tmp_path)) == sorted([name, dst.name])
    return dst


def test_redact_docx(tmp_path: pathlib.Path, sc: sladd.Scanner,
                     low: sladd.Scanner) -> None:
    dst = roundtrip(tmp_path, sc, low, "sak.docx", docx(
        ["Søker fnr 0101|80|00055 er mottatt.", "Ingen data her."],
        comment="Sjekk CPR 010180-1004", header="personnummer 811218-9876"))
    with zipfile.ZipFile(dst) as z:
        assert z.testzip() is None
        doc = z.read("word/document.xml").decode()
        assert "Ingen data her." in doc and "Søker fnr " in doc
        assert "00055" not in doc
        assert "010180" not in z.read("word/comments.xml").decode()
    docx_mod = pytest.importorskip("docx")
    d = docx_mod.Document(str(dst))
    texts = [p.text for p in d.paragraphs]
    assert texts[1] == "Ingen data her."
    assert texts[0] == "Søker fnr *********** er mottatt."


def test_redact_xlsx(tmp_path: pathlib.Path, sc: sladd.Scanner,
                     low: sladd.Scanner) -> None:
    dst = roundtrip(tmp_path, sc, low, "budsjett.xlsx", xlsx())
    openpyxl = pytest.importorskip("openpyxl")
    with warnings.catch_warnings():
        # The minimal styles.xml written above lacks a default style.
        warnings.filterwarnings("ignore", "Workbook contains no default")
        wb = openpyxl.load_workbook(dst)
    assert wb.sheetnames[0] == "Oversikt"
    assert "131052" not in wb.sheetnames[1]
    ws = wb.worksheets[0]
    assert ws["A1"].value == "fnr" and ws["B2"].value == 42
    assert "811218" not in str(ws["A2"].value)
    assert "1018000055" not in str(ws["B1"].value)


def test_redact_eml(tmp_path: pathlib.Path, sc: sladd.Scanner,
                    low: sladd.Scanner) -> None:
    inner = docx(["henkilötunnus 131052-308T"])
    dst = roundtrip(tmp_path, sc, low, "brev.eml", eml(inner))
    msg = email.message_from_bytes(dst.read_bytes(), policy=policy.default)
    assert "01018000055" not in str(msg["Subject"])
    assert str(msg["From"]).endswith(">") and msg["MIME-Version"] == "1.0"
    assert "S=C3=B8knad" not in dst.read_text()  # bodies become UTF-8 base64
    atts = list(msg.iter_attachments())
    assert [a.get_filename() for a in atts] == ["vedlegg.docx"]
    with zipfile.ZipFile(io.BytesIO(atts[0].get_content())) as z:
        assert "131052" not in z.read("word/document.xml").decode()


def test_redact_html_and_text(tmp_path: pathlib.Path, sc: sladd.Scanner,
                              low: sladd.Scanner) -> None:
    dst = roundtrip(tmp_path, sc, low, "vedtak.html", HTML)
    out = dst.read_text()
    # Markup and entities kept; the script is not text and stays.
    assert "S&oslash;ker: CPR ****<b>**</b>" in out
    assert '<img alt="personnummer ******-****">' in out
    assert '"010180-1004"' in out
    src = write(tmp_path, "notat.txt", "Brev til CPR 010180-1004\n"
                .encode("latin-1"))
    sladd.redact_file(src, tmp_path / "ut.txt")
    assert (tmp_path / "ut.txt").read_bytes() == b"Brev til CPR ******-****\n"


def test_redact_in_place_and_over_existing(tmp_path: pathlib.Path,
                                           sc: sladd.Scanner) -> None:
    p = write(tmp_path, "brev.html", HTML)
    p.chmod(0o640)
    sc.redact_file(p, p)
    assert sc.scan_file(p).clean
    assert p.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["brev.html"]


def test_pdf_refused_unless_text(tmp_path: pathlib.Path,
                                 sc: sladd.Scanner) -> None:
    src = write(tmp_path, "vedtak.pdf", pdf(b"Vedtak for fnr 01018000055"))
    r = sc.scan_file(src)
    assert r.format == "pdf"
    assert [(f.part, f.match.kind) for f in r.findings] == [
        ("page 1", "no_fnr")]
    dst = tmp_path / "ut.pdf"
    with pytest.raises(sladd.SladdError,
                       match="cannot be redacted safely.*text=True") as e:
        sc.redact_file(src, dst)
    assert str(src) in str(e.value)
    assert not dst.exists()
    assert sorted(os.listdir(tmp_path)) == ["vedtak.pdf"]
    sc.redact_file(src, tmp_path / "ut.txt", text=True)
    out = (tmp_path / "ut.txt").read_text()
    assert out.startswith("--- page 1 ---\n")
    assert "***********" in out and "01018000055" not in out
    assert "Vedtak" in out


@pytest.mark.parametrize("name,data,reason", [
    ("scan.bin", bytes([0, 1, 2, 3, 0xFF, 0xFE, 0]) * 50, "format not known"),
    ("hemmelig.docx", encrypted_docx(), "encrypted"),
])
def test_unscanned_refused_nothing_written(
        tmp_path: pathlib.Path, sc: sladd.Scanner, name: str, data: bytes,
        reason: str) -> None:
    src = write(tmp_path, name, data)
    dst = tmp_path / "ut"
    dst.write_bytes(b"old")
    with pytest.raises(sladd.SladdError, match=reason) as e:
        sc.redact_file(src, dst)
    assert str(src) in str(e.value) and "nothing written" in str(e.value)
    assert dst.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == sorted([name, "ut"])


def test_redact_errors_name_the_path(tmp_path: pathlib.Path,
                                     sc: sladd.Scanner) -> None:
    src = write(tmp_path, "a.txt", b"CPR 010180-1004\n")
    with pytest.raises(FileNotFoundError) as e:
        sc.redact_file(tmp_path / "mangler.txt", tmp_path / "ut.txt")
    assert "mangler.txt" in str(e.value)
    bad = tmp_path / "ingen-mappe" / "ut.txt"
    with pytest.raises(OSError) as e2:
        sc.redact_file(src, bad)
    assert "ingen-mappe" in str(e2.value)
    with pytest.raises(IsADirectoryError) as e3:
        sc.redact_file(src, tmp_path)
    assert str(tmp_path) in str(e3.value)
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]
