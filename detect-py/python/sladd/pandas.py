"""pandas ``Series`` helpers, through Arrow (``pip install
"sladd[pandas]"``).

The series goes to ``sladd.arrow`` as an Arrow array (strings already
held by Arrow, the default in pandas 3, are not copied) and comes back
with its index and name.

>>> import pandas as pd
>>> import sladd.pandas
>>> s = pd.Series(["Søknad fra Kari Nordmann", None, "fnr 010180 00055"],
...               index=[10, 11, 12], dtype=object)
>>> sladd.pandas.redact(s).tolist()
['Søknad fra **** ********', None, 'fnr ****** *****']
>>> sladd.pandas.risk(s).to_dict()
{10: 'personal', 11: None, 12: 'identifying'}
>>> sladd.pandas.scan(s)[["index", "kind", "start", "end"]].values.tolist()
[[10, 'person_name', 11, 24], [12, 'no_fnr', 4, 16]]
"""

from __future__ import annotations

from typing import Any, Optional

import pandas as pd  # type: ignore[import-untyped,unused-ignore]
import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

from sladd import arrow
from sladd._sladd import Scanner

__all__ = ["redact", "risk", "scan"]


def _arrow(series: pd.Series) -> pa.Array:
    # from_pandas turns None and NaN into nulls; a non-string value is a
    # TypeError from sladd.arrow.
    return pa.Array.from_pandas(series)


def _back(series: pd.Series, column: arrow.ArrowColumn) -> pd.Series:
    """The result with the input's index and name, in its kind of string
    column: Python objects (missing is None) for an ``object`` series, else
    pandas' string type (missing as that type has it)."""
    values = pa.array(column)
    if series.dtype == object:
        out = pd.Series(values.to_pylist(), dtype=object)
    else:
        out = values.to_pandas()
        if isinstance(series.dtype, pd.StringDtype):
            out = out.astype(series.dtype)
    out.index = series.index
    out.name = series.name
    return out


def redact(
    series: pd.Series, style: str = "mask", scanner: Optional[Scanner] = None, **options: Any
) -> pd.Series:
    """The strings with every finding masked (``style`` as
    ``Scanner.redact``); missing values stay missing."""
    return _back(series, arrow.redact(_arrow(series), style, scanner, **options))


def risk(series: pd.Series, scanner: Optional[Scanner] = None, **options: Any) -> pd.Series:
    """The record risk of every string (``Scanner.assess``)."""
    return _back(series, arrow.assess(_arrow(series), scanner, **options))


def scan(series: pd.Series, scanner: Optional[Scanner] = None, **options: Any) -> pd.DataFrame:
    """One row per finding: ``index`` (the series' index label), then the
    columns of ``sladd.arrow.scan`` (``row`` is the position)."""
    table = pa.table(arrow.scan(_arrow(series), scanner, **options))
    df = table.to_pandas()
    df.insert(0, "index", series.index.take(df["row"].to_numpy()))
    return df
