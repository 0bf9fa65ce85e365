"""A ``.sladd`` namespace on Polars expressions and series.

Importing this module registers it (it needs ``polars``: ``pip install
"sladd[polars]"``). Each call hands the whole column to ``sladd.arrow``
through the Arrow PyCapsule interface: no Python call per row, the GIL
released while the column is scanned on every core.

>>> import polars as pl
>>> import sladd.polars
>>> df = pl.DataFrame({"tittel": ["Søknad fra Kari Nordmann", None, "fnr 010180 00055"]})
>>> df.select(pl.col("tittel").sladd.redact())["tittel"].to_list()
['Søknad fra **** ********', None, 'fnr ****** *****']
>>> df.select(pl.col("tittel").sladd.risk())["tittel"].to_list()
['personal', None, 'identifying']
>>> df.select(pl.col("tittel").sladd.scan().list.len())["tittel"].to_list()
[1, None, 1]
>>> sladd.polars.findings(df, "tittel").select("row", "kind", "start", "end").rows()
[(0, 'person_name', 11, 24), (2, 'no_fnr', 4, 16)]

``expr.sladd.scan()`` gives each row's findings as a list of structs
(``kind``, ``group``, ``start``, ``end``, ``byte_start``, ``byte_end``,
``confidence``, ``masked``); ``findings(df, column)`` gives one row per
finding. Every method takes a ``scanner`` or the ``Scanner`` options
as keywords (``kinds="ids"``).
"""

from __future__ import annotations

from typing import Any, Callable, Optional

import polars as pl

from sladd import arrow
from sladd._sladd import Scanner

__all__ = ["SladdExpr", "SladdSeries", "findings", "FINDING"]

#: The Polars type of one finding in ``expr.sladd.scan()``.
FINDING = pl.Struct(
    {
        "kind": pl.String,
        "group": pl.String,
        "start": pl.Int64,
        "end": pl.Int64,
        "byte_start": pl.Int64,
        "byte_end": pl.Int64,
        "confidence": pl.String,
        "masked": pl.String,
    }
)


def _series(name: str, column: arrow.ArrowColumn) -> pl.Series:
    return pl.Series(column).alias(name)


def _redact(style: str, sc: Optional[Scanner]) -> Callable[[pl.Series], pl.Series]:
    return lambda s: _series(s.name, arrow.redact(s, style, sc))


def _risk(sc: Optional[Scanner]) -> Callable[[pl.Series], pl.Series]:
    return lambda s: _series(s.name, arrow.assess(s, sc))


def _scan(sc: Optional[Scanner]) -> Callable[[pl.Series], pl.Series]:
    return lambda s: _series(s.name, arrow.scan_rows(s, sc))


def _scanner(scanner: Optional[Scanner], options: dict[str, Any]) -> Scanner:
    # Build the scanner once, not once per batch.
    return arrow.scanner_of(scanner, options) or Scanner()


@pl.api.register_expr_namespace("sladd")
class SladdExpr:
    """``expr.sladd``: redact, assess and scan a string expression."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def redact(
        self, style: str = "mask", scanner: Optional[Scanner] = None, **options: Any
    ) -> pl.Expr:
        """The strings with every finding masked (``style`` as
        ``Scanner.redact``)."""
        sc = _scanner(scanner, options)
        return self._expr.map_batches(
            _redact(style, sc), return_dtype=pl.String, is_elementwise=True
        )

    def risk(self, scanner: Optional[Scanner] = None, **options: Any) -> pl.Expr:
        """The record risk of every string (``Scanner.assess``)."""
        sc = _scanner(scanner, options)
        return self._expr.map_batches(_risk(sc), return_dtype=pl.String, is_elementwise=True)

    def scan(self, scanner: Optional[Scanner] = None, **options: Any) -> pl.Expr:
        """The findings of every string, as a list of structs."""
        sc = _scanner(scanner, options)
        return self._expr.map_batches(
            _scan(sc), return_dtype=pl.List(FINDING), is_elementwise=True
        )


@pl.api.register_series_namespace("sladd")
class SladdSeries:
    """``series.sladd``: the same methods on a ``Series``."""

    def __init__(self, series: pl.Series) -> None:
        self._s = series

    def redact(
        self, style: str = "mask", scanner: Optional[Scanner] = None, **options: Any
    ) -> pl.Series:
        """The strings with every finding masked."""
        return _redact(style, _scanner(scanner, options))(self._s)

    def risk(self, scanner: Optional[Scanner] = None, **options: Any) -> pl.Series:
        """The record risk of every string."""
        return _risk(_scanner(scanner, options))(self._s)

    def scan(self, scanner: Optional[Scanner] = None, **options: Any) -> pl.Series:
        """The findings of every string, as a list of structs."""
        return _scan(_scanner(scanner, options))(self._s)


def findings(
    df: pl.DataFrame, column: str, scanner: Optional[Scanner] = None, **options: Any
) -> pl.DataFrame:
    """One row per finding in ``df[column]``: ``row`` (the row of ``df``),
    then the columns of ``sladd.arrow.scan``."""
    table = arrow.scan(df.get_column(column), scanner, **options)
    out = pl.DataFrame(table)
    assert isinstance(out, pl.DataFrame)
    return out
