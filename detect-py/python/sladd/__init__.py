"""Find Nordic personal data in text, and mask it.

sladd knows the national identity numbers of Norway (fødselsnummer with D-,
H-, FH- and DUF-numbers and synthetic test numbers), Denmark (CPR), Sweden
(personnummer, samordningsnummer), Finland (henkilötunnus) and Iceland
(kennitala); person names; e-mail addresses, phone numbers and street
addresses; IBANs, bank accounts and payment cards; organisation numbers
(off by default); and terms of the sensitive categories (health, child
welfare, social assistance, criminal matters, ethnicity, belief,
sexuality, trade unions). ``sladd.GROUPS`` lists the kinds by group.

>>> import sladd
>>> text = "Søknad fra Kari Nordmann, fnr. 010180 00055"
>>> [(m.kind, m.start, m.end, m.confidence) for m in sladd.scan(text)]
[('person_name', 11, 24, 'high'), ('no_fnr', 31, 43, 'high')]
>>> text[31:43]
'010180 00055'
>>> sladd.redact(text)
'Søknad fra **** ********, fnr. ****** *****'
>>> sladd.Scanner(kinds=["ids"]).redact(text)
'Søknad fra Kari Nordmann, fnr. ****** *****'
>>> sladd.assess("Vedtak om omsorgsovertakelse - Kari Nordmann").risk
'special'
>>> sladd.validate("dk_cpr", "010180-1004")
True

A ``Scanner`` chooses kinds (or groups: ``"ids"``, ``"names"``,
``"contact"``, ``"financial"``, ``"organisations"``, ``"sensitive"``,
``"personal"``), countries, the confidence threshold, the caller's known
names and allow-list, and scans many texts in parallel with
``scan_batch``. Offsets are code points into the ``str``
(``byte_start``/``utf16_start`` give the others). Bad arguments raise
``ValueError`` subclasses (``BuildError``, ``UnknownKindError``,
``UnknownStyleError``).

Documents on disk (docx, xlsx, pptx, odt, ods, odp, pdf, eml, html, rtf,
zip, text) are scanned with ``scan_file`` (a ``FileReport``: findings by
part, and what could not be read; ``clean`` only when everything was read
and nothing found) and redacted with ``redact_file`` (same format, written
atomically; a PDF only as text, with ``text=True``).
"""

from sladd._sladd import (
    COUNTRIES,
    CONFIDENCES,
    FLAGS,
    GROUPS,
    KINDS,
    RISKS,
    STYLES,
    Assessment,
    BuildError,
    FileFinding,
    FileReport,
    Match,
    Scanner,
    SladdError,
    UnknownKindError,
    UnknownStyleError,
    __version__,
    assess,
    redact,
    redact_file,
    scan,
    scan_file,
    validate,
)

__all__ = [
    "COUNTRIES",
    "CONFIDENCES",
    "FLAGS",
    "GROUPS",
    "KINDS",
    "RISKS",
    "STYLES",
    "Assessment",
    "BuildError",
    "FileFinding",
    "FileReport",
    "Match",
    "Scanner",
    "SladdError",
    "UnknownKindError",
    "UnknownStyleError",
    "__version__",
    "assess",
    "redact",
    "redact_file",
    "scan",
    "scan_file",
    "validate",
]
