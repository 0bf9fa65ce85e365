"""Polars and pandas round trips through sladd.arrow."""

from __future__ import annotations

from typing import Optional

import pytest

import sladd

from test_arrow import VALUES, expected

SC = sladd.Scanner(reference_date="2026-06-01")


def redacted(values: list[Optional[str]], style: str = "mask") -> list[Optional[str]]:
    return [None if v is None else SC.redact(v, style) for v in values]


def risks(values: list[Optional[str]]) -> list[Optional[str]]:
    return [None if v is None else SC.assess(v).risk for v in values]


def test_polars_namespace_round_trip() -> None:
    pl = pytest.importorskip("polars")
    import sladd.polars

    df = pl.DataFrame({"id": range(len(VALUES)), "tittel": VALUES})
    out = df.with_columns(
        pl.col("tittel").sladd.redact(scanner=SC).alias("maskert"),
        pl.col("tittel").sladd.redact(style="label", scanner=SC).alias("merket"),
        pl.col("tittel").sladd.risk(scanner=SC).alias("risiko"),
        pl.col("tittel").sladd.scan(scanner=SC).alias("funn"),
    )
    assert out["tittel"].to_list() == VALUES
    assert out["maskert"].to_list() == redacted(VALUES)
    assert out["merket"].to_list() == redacted(VALUES, "label")
    assert out["risiko"].to_list() == risks(VALUES)
    assert out.schema["funn"] == pl.List(sladd.polars.FINDING)
    exp = expected(SC, VALUES)
    flat = out.select("id", "funn").explode("funn").drop_nulls("funn").unnest("funn")
    assert flat.rename({"id": "row"}).to_dicts() == exp
    assert sladd.polars.findings(df, "tittel", SC).to_dicts() == exp


def test_polars_lazy_filter_and_series() -> None:
    pl = pytest.importorskip("polars")
    import sladd.polars  # noqa: F401

    lf = pl.LazyFrame({"tittel": VALUES}).filter(
        pl.col("tittel").sladd.risk(scanner=SC) == "identifying")
    got = lf.collect()["tittel"].to_list()
    assert got == [v for v, r in zip(VALUES, risks(VALUES)) if r == "identifying"]
    assert got
    s = pl.Series("t", VALUES[:50])
    assert s.sladd.redact(kinds="ids").to_list() == [
        None if v is None else sladd.Scanner(kinds="ids").redact(v) for v in VALUES[:50]]
    assert s.sladd.redact().name == "t"


def test_polars_categorical_and_kinds() -> None:
    pl = pytest.importorskip("polars")
    import sladd.polars  # noqa: F401

    df = pl.DataFrame({"t": ["Kari Nordmann, fnr 010180 00055", None]},
                      schema={"t": pl.Categorical})
    got = df.select(pl.col("t").sladd.redact(kinds="ids"))["t"].to_list()
    assert got == ["Kari Nordmann, fnr ****** *****", None]


def test_pandas_round_trip() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import sladd.pandas

    index = [f"r{i}" for i in range(len(VALUES))]
    for dtype in (object, "string"):
        s = pd.Series(VALUES, index=index, name="tittel", dtype=dtype)
        r = sladd.pandas.redact(s, scanner=SC)
        assert list(r.index) == index and r.name == "tittel"
        assert [None if pd.isna(v) else v for v in r] == redacted(VALUES)
        k = sladd.pandas.risk(s, scanner=SC)
        assert [None if pd.isna(v) else v for v in k] == risks(VALUES)
    f = sladd.pandas.scan(pd.Series(VALUES, index=index), scanner=SC)
    exp = expected(SC, VALUES)
    assert f["row"].tolist() == [e["row"] for e in exp]
    assert f["index"].tolist() == [index[e["row"]] for e in exp]
    assert f["masked"].tolist() == [e["masked"] for e in exp]
