"""The Spark recipe on a local session (skipped without pyspark or Java)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import sladd

from test_arrow import VALUES, expected

pytest.importorskip("pyarrow")
pytest.importorskip("pyspark")

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java: Spark needs a JDK (17 or later)", allow_module_level=True)

REF = "2026-06-01"

# PySpark warns about pandas 3, which this recipe does not use.
pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # Loopback only: the session talks to nothing else.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # The workers run this interpreter, the one sladd is installed in.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = (SparkSession.builder.master("local[2]").appName("sladd-test")
         .config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "2")
         .config("spark.driver.bindAddress", "127.0.0.1")
         .config("spark.driver.host", "127.0.0.1")
         .getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def test_redact_risk_and_findings(spark: Any) -> None:
    import sladd.spark

    values = VALUES[:1500]
    sc = sladd.Scanner(reference_date=REF)
    df = spark.createDataFrame([(i, v) for i, v in enumerate(values)],
                               "id long, tittel string").repartition(3)

    red = sladd.spark.redact(df, "tittel", output="maskert", reference_date=REF)
    red = sladd.spark.risk(red, "tittel", output="risiko", reference_date=REF)
    rows = sorted(red.collect(), key=lambda r: r["id"])
    assert [r["id"] for r in rows] == list(range(len(values)))
    assert [r["tittel"] for r in rows] == values
    assert [r["maskert"] for r in rows] == [None if v is None else sc.redact(v) for v in values]
    assert [r["risiko"] for r in rows] == [None if v is None else sc.assess(v).risk for v in values]

    inplace = sladd.spark.redact(df, "tittel", style="label", kinds="ids", reference_date=REF)
    assert inplace.columns == ["id", "tittel"]
    ids = sladd.Scanner(kinds="ids", reference_date=REF)
    got = {r["id"]: r["tittel"] for r in inplace.collect()}
    assert got == {i: None if v is None else ids.redact(v, "label") for i, v in enumerate(values)}

    found = sladd.spark.findings(df, "tittel", keep=["id"], reference_date=REF).collect()
    want = expected(sc, values)
    key = lambda d: (d["id"], d["start"])  # noqa: E731
    got_rows = sorted((r.asDict() for r in found), key=key)
    want_rows = sorted(({"id": w["row"], **{k: v for k, v in w.items() if k != "row"}}
                        for w in want), key=key)
    assert got_rows == want_rows
    assert len(got_rows) > 100
