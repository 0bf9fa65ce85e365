"""sladd.arrow against scan_batch, redact and assess on the same strings."""

from __future__ import annotations

import random
from typing import Any, Optional

import pytest

import sladd

pa = pytest.importorskip("pyarrow")
import sladd.arrow  # noqa: E402

from idgen import candidates  # noqa: E402

PREFIXES = ["", "fnr ", "Søknad fra Kari Nordmann, fnr. ", "CPR: ", "personnummer ",
            "henkilötunnus ", "kt. ", "Ærøveien 12 — 😀 ", "e-post ola@example.no, tlf 22 33 44 55 ",
            "Vedtak om omsorgsovertakelse - Åse Ødegård ", "kontonr 1503.80.12345 "]
COLUMNS = ["row", "kind", "group", "start", "end", "byte_start", "byte_end",
           "confidence", "masked"]


def texts(n: int, seed: int = 7) -> list[Optional[str]]:
    """Synthetic titles: IDs from the rules (valid and broken), non-ASCII
    text before them, empty strings and nulls."""
    rng = random.Random(seed)
    ids = {c: candidates(c, n, seed) for c in ("no", "dk", "se", "fi", "is")}
    out: list[Optional[str]] = []
    for i in range(n):
        r = rng.random()
        if r < 0.05:
            out.append(None)
        elif r < 0.1:
            out.append("")
        elif r < 0.3:
            out.append(rng.choice(PREFIXES).strip())
        else:
            country = rng.choice(list(ids))
            out.append(rng.choice(PREFIXES) + next(ids[country]) + rng.choice(["", ".", " æøå"]))
    return out


def expected(sc: sladd.Scanner, values: list[Optional[str]]) -> list[dict[str, Any]]:
    """The rows sladd.arrow.scan must give, built from scan_batch."""
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    batch = sc.scan_batch([v for _, v in present])
    rows = []
    for (i, _), ms in zip(present, batch):
        for m in ms:
            rows.append({"row": i, "kind": m.kind, "group": m.group, "start": m.start,
                         "end": m.end, "byte_start": m.byte_start, "byte_end": m.byte_end,
                         "confidence": m.confidence, "masked": m.masked})
    return rows


def table_rows(t: Any) -> list[dict[str, Any]]:
    table = pa.table(t)
    assert table.column_names == COLUMNS
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


VALUES = texts(6000)


@pytest.fixture(scope="module")
def sc() -> sladd.Scanner:
    return sladd.Scanner(reference_date="2026-06-01")


def test_fixture_has_what_it_needs(sc: sladd.Scanner) -> None:
    # The comparisons below mean something only if the input has findings
    # of several kinds, non-ASCII text before them, empties and nulls.
    rows = expected(sc, VALUES)
    kinds = {r["kind"] for r in rows}
    assert {"no_fnr", "dk_cpr", "se_pnr", "fi_hetu", "is_kt", "person_name"} <= kinds
    assert any(r["start"] != r["byte_start"] for r in rows)
    assert None in VALUES and "" in VALUES
    assert len(rows) > 1000


@pytest.mark.parametrize("typ", ["string", "large_string", "string_view"])
def test_scan_equals_scan_batch(sc: sladd.Scanner, typ: str) -> None:
    arr = pa.array(VALUES, type=getattr(pa, typ)())
    t = sladd.arrow.scan(arr, sc)
    assert t.num_rows == len(t) == len(expected(sc, VALUES))
    assert table_rows(t) == expected(sc, VALUES)


def test_scan_chunked_counts_rows_over_chunks(sc: sladd.Scanner) -> None:
    cuts = [0, 1, 1, 700, 3001, 3002, len(VALUES)]  # an empty chunk too
    chunked = pa.chunked_array([pa.array(VALUES[a:b], type=pa.string())
                                for a, b in zip(cuts, cuts[1:])])
    assert table_rows(sladd.arrow.scan(chunked, sc)) == expected(sc, VALUES)
    red = sladd.arrow.redact(chunked, scanner=sc)
    assert red.num_chunks == chunked.num_chunks
    assert pa.chunked_array(red).to_pylist() == [None if v is None else sc.redact(v) for v in VALUES]


def test_stream_only_input(sc: sladd.Scanner) -> None:
    class StreamOnly:
        def __init__(self, a: Any) -> None:
            self.a = a

        def __arrow_c_stream__(self, requested_schema: object = None) -> object:
            return self.a.__arrow_c_stream__(requested_schema)

    chunked = pa.chunked_array([pa.array(VALUES[:100]), pa.array(VALUES[100:250])])
    assert table_rows(sladd.arrow.scan(StreamOnly(chunked), sc)) == expected(sc, VALUES[:250])


def test_dictionary_is_decoded(sc: sladd.Scanner) -> None:
    arr = pa.array(VALUES[:500]).dictionary_encode()
    assert table_rows(sladd.arrow.scan(arr, sc)) == expected(sc, VALUES[:500])


@pytest.mark.parametrize("style", ["mask", "label", "keep_birthdate"])
@pytest.mark.parametrize("typ", ["string", "large_string", "string_view"])
def test_redact_equals_redact(sc: sladd.Scanner, style: str, typ: str) -> None:
    arr = pa.array(VALUES, type=getattr(pa, typ)())
    out = pa.array(sladd.arrow.redact(arr, style, sc))
    assert out.type == arr.type
    assert out.null_count == arr.null_count
    assert out.to_pylist() == [None if v is None else sc.redact(v, style) for v in VALUES]


def test_assess_equals_assess(sc: sladd.Scanner) -> None:
    col = sladd.arrow.assess(pa.array(VALUES), sc)
    risks = pa.array(col).to_pylist()
    assert risks == [None if v is None else sc.assess(v).risk for v in VALUES]
    assert set(risks) - {None} <= set(sladd.RISKS)
    assert len(set(risks)) >= 4


def test_scan_rows_equals_scan_batch(sc: sladd.Scanner) -> None:
    lists = pa.array(sladd.arrow.scan_rows(pa.array(VALUES), sc)).to_pylist()
    assert len(lists) == len(VALUES)
    exp = expected(sc, VALUES)
    for i, v in enumerate(VALUES):
        if v is None:
            assert lists[i] is None
            continue
        want = [{k: r[k] for k in COLUMNS[1:]} for r in exp if r["row"] == i]
        assert lists[i] == want


def test_options_and_defaults() -> None:
    arr = pa.array(["Kari Nordmann, fnr 010180 00055", None])
    assert pa.table(sladd.arrow.scan(arr)).column("kind").to_pylist() == ["person_name", "no_fnr"]
    assert pa.table(sladd.arrow.scan(arr, kinds="ids")).column("kind").to_pylist() == ["no_fnr"]
    with pytest.raises(TypeError):
        sladd.arrow.scan(arr, sladd.Scanner(), kinds="ids")
    with pytest.raises(sladd.UnknownStyleError):
        sladd.arrow.redact(arr, style="blur")


def test_empty_and_all_null() -> None:
    for arr in (pa.array([], type=pa.string()), pa.array([None, None], type=pa.string())):
        assert pa.table(sladd.arrow.scan(arr)).num_rows == 0
        assert pa.array(sladd.arrow.redact(arr)).to_pylist() == arr.to_pylist()
        assert pa.array(sladd.arrow.scan_rows(arr)).to_pylist() == arr.to_pylist()


def test_not_strings_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="strings"):
        sladd.arrow.scan(pa.array([1, 2, 3]))
    with pytest.raises((TypeError, ValueError)):
        sladd.arrow.scan(["a list is not Arrow"])


def test_requested_schema_casts() -> None:
    # A consumer may ask for another string layout; pyarrow does so with
    # `type=`.
    col = sladd.arrow.redact(pa.array(["fnr 010180 00055"], type=pa.string()))
    assert pa.array(col, type=pa.large_string()).type == pa.large_string()
    assert "Utf8" in col.type


def test_duckdb_reads_results() -> None:
    duckdb = pytest.importorskip("duckdb")
    findings = sladd.arrow.scan(pa.array(VALUES[:300]))
    want = [(r["kind"], r["row"]) for r in table_rows(findings) if r["group"] == "ids"]
    # DuckDB reads sladd's table as it is (its __arrow_c_stream__).
    got = duckdb.sql("select kind, \"row\" from findings where \"group\" = 'ids' "
                     "order by \"row\", start").fetchall()
    assert got == want and len(got) > 10
    # And DuckDB's own Arrow output scans the same.
    rel = duckdb.sql("select * from (values ('fnr 010180 00055'), (NULL)) t(tittel)")
    col = rel.to_arrow_table().column("tittel")
    assert pa.array(sladd.arrow.redact(col)).to_pylist() == ["fnr ****** *****", None]


def test_import_sladd_loads_no_frame_library() -> None:
    import subprocess
    import sys

    code = ("import sys, sladd, sladd.arrow; "
            "print(sorted(m for m in ('pyarrow', 'polars', 'pandas', 'pyspark', "
            "'presidio_analyzer', 'spacy', 'duckdb') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "[]"
