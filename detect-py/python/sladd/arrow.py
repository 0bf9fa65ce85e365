"""Scan and redact Arrow string columns (docs/contract.md §12).

Takes anything with the Arrow PyCapsule interface (``__arrow_c_array__``
or ``__arrow_c_stream__``): a pyarrow ``Array`` or ``ChunkedArray``, a
Polars ``Series``, a DuckDB result column, a nanoarrow array; strings as
``utf8``, ``large_utf8``, ``utf8_view`` or a dictionary of them. The
strings are read in place, scanned on every core with the GIL released,
and the results come back as Arrow data (``ArrowTable``,
``ArrowColumn``), readable by the same libraries without a Python object
per row or per finding. Nulls stay null. This module needs no Arrow
library itself.

>>> import pyarrow as pa
>>> import sladd.arrow
>>> titles = pa.array(["Søknad fra Kari Nordmann", None, "fnr 010180 00055"])
>>> pa.array(sladd.arrow.redact(titles)).to_pylist()
['Søknad fra **** ********', None, 'fnr ****** *****']
>>> pa.array(sladd.arrow.assess(titles)).to_pylist()
['personal', None, 'identifying']
>>> t = pa.table(sladd.arrow.scan(titles))
>>> t.select(["row", "kind", "start", "end", "masked"]).to_pylist()[1]
{'row': 2, 'kind': 'no_fnr', 'start': 4, 'end': 16, 'masked': '010180*****'}

A ``scanner`` (a ``sladd.Scanner``) or the ``Scanner`` options as
keywords choose what is found:

>>> sladd.arrow.scan(titles, kinds="ids").num_rows
1
"""

from __future__ import annotations

from typing import Any, Optional

from sladd._sladd import (
    ArrowColumn,
    ArrowTable,
    Scanner,
    arrow_assess,
    arrow_redact,
    arrow_scan,
    arrow_scan_rows,
)

__all__ = [
    "ArrowColumn",
    "ArrowTable",
    "assess",
    "redact",
    "scan",
    "scan_rows",
    "scanner_of",
]


def scanner_of(scanner: Optional[Scanner], options: dict[str, Any]) -> Optional[Scanner]:
    """The scanner to use: ``scanner``, or one built from ``options``.

    >>> scanner_of(None, {"kinds": "ids"}).kinds[:2]
    ('no_fnr', 'no_dnr')
    """
    if scanner is not None and options:
        raise TypeError("give either a scanner or Scanner options, not both")
    if options:
        return Scanner(**options)
    return scanner


def scan(array: Any, scanner: Optional[Scanner] = None, **options: Any) -> ArrowTable:
    """The findings in a string column, one row per finding.

    Columns: ``row`` (the input row, counted over all chunks), ``kind``,
    ``group``, ``start`` and ``end`` (code points into the row's string),
    ``byte_start`` and ``byte_end`` (UTF-8 bytes), ``confidence`` and
    ``masked`` (the value with its date part kept). Rows come in input
    order, and within a row left to right, exactly as ``scan_batch``.

    >>> import pyarrow as pa
    >>> t = pa.table(scan(pa.array(["Kari Nordmann, fnr 010180 00055"])))
    >>> t.column("kind").to_pylist(), t.column("start").to_pylist()
    (['person_name', 'no_fnr'], [0, 19])
    """
    return arrow_scan(array, scanner_of(scanner, options))


def scan_rows(array: Any, scanner: Optional[Scanner] = None, **options: Any) -> ArrowColumn:
    """The findings of every row as a list of structs, one list per row
    (``null`` for a null row): the column form of ``scan``.

    >>> import pyarrow as pa
    >>> rows = pa.array(scan_rows(pa.array(["fnr 010180 00055", "", None])))
    >>> [[f["kind"] for f in r] if r is not None else None for r in rows.to_pylist()]
    [['no_fnr'], [], None]
    """
    return arrow_scan_rows(array, scanner_of(scanner, options))


def redact(
    array: Any,
    style: str = "mask",
    scanner: Optional[Scanner] = None,
    **options: Any,
) -> ArrowColumn:
    """The column with every finding masked, in the input's string type
    and chunks. ``style`` as ``Scanner.redact``.

    >>> import pyarrow as pa
    >>> pa.array(redact(pa.array(["fnr 010180 00055"]), style="label")).to_pylist()
    ['fnr [no_fnr]']
    """
    return arrow_redact(array, style, scanner_of(scanner, options))


def assess(array: Any, scanner: Optional[Scanner] = None, **options: Any) -> ArrowColumn:
    """The record risk of every row (``'clean'``, ``'personal'``,
    ``'special'`` or ``'identifying'``; ``null`` for a null row), as
    ``Scanner.assess``.

    >>> import pyarrow as pa
    >>> pa.array(assess(pa.array(["Vedtak om omsorgsovertakelse - Kari Nordmann"]))).to_pylist()
    ['special']
    """
    return arrow_assess(array, scanner_of(scanner, options))
