"""Find Nordic personal identity numbers in text, and mask them.

sladd knows the Norwegian fødselsnummer (with D-, H-, FH- and DUF-numbers
and synthetic test numbers), the Danish CPR-nummer, the Swedish
personnummer and samordningsnummer, the Finnish henkilötunnus and the
Icelandic kennitala. Each candidate is validated by its scheme's rules and
scored by the keywords around it.

>>> import sladd
>>> text = "Søknad fra Kari Nordmann, fnr. 010180 00055"
>>> [(m.kind, m.start, m.end, m.confidence) for m in sladd.scan(text)]
[('no_fnr', 31, 43, 'high')]
>>> text[31:43]
'010180 00055'
>>> sladd.redact(text)
'Søknad fra Kari Nordmann, fnr. ****** *****'
>>> sladd.validate("dk_cpr", "010180-1004")
True

A ``Scanner`` chooses kinds, countries and the confidence threshold, and
scans many texts in parallel with ``scan_batch``. Offsets are code points
into the ``str`` (``byte_start``/``utf16_start`` give the others). Bad
arguments raise ``ValueError`` subclasses (``BuildError``,
``UnknownKindError``, ``UnknownStyleError``).
"""

from sladd._sladd import (
    COUNTRIES,
    CONFIDENCES,
    FLAGS,
    GROUPS,
    KINDS,
    STYLES,
    BuildError,
    Match,
    Scanner,
    SladdError,
    UnknownKindError,
    UnknownStyleError,
    __version__,
    redact,
    scan,
    validate,
)

__all__ = [
    "COUNTRIES",
    "CONFIDENCES",
    "FLAGS",
    "GROUPS",
    "KINDS",
    "STYLES",
    "BuildError",
    "Match",
    "Scanner",
    "SladdError",
    "UnknownKindError",
    "UnknownStyleError",
    "__version__",
    "redact",
    "scan",
    "validate",
]
