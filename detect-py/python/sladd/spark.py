"""Scan and redact a Spark DataFrame column with Arrow batches
(``pip install "sladd[spark]"``).

Spark hands each partition to Python as Arrow record batches
(``DataFrame.mapInArrow``); ``sladd.arrow`` scans the string column of each
batch in place on the executor's cores and returns Arrow data, so no row
becomes a Python object. sladd must be installed on the executors.

    from pyspark.sql import SparkSession
    import sladd.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    df = spark.createDataFrame([("Søknad fra Kari Nordmann",)], ["tittel"])
    sladd.spark.redact(df, "tittel").show()              # tittel masked in place
    sladd.spark.risk(df, "tittel", output="risiko")      # adds a column
    sladd.spark.findings(df, "tittel", keep=["id"])      # one row per finding

The scanner is given as ``Scanner`` options (``kinds="ids"``), since it is
built anew on each executor.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable, Optional, Sequence

import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
from pyspark.sql import DataFrame
from pyspark.sql.types import LongType, StringType, StructField, StructType

from sladd import arrow
from sladd._sladd import Scanner

__all__ = ["FINDING_FIELDS", "findings", "redact", "risk"]

#: The columns ``findings`` adds after the kept ones.
FINDING_FIELDS = [
    StructField("kind", StringType(), False),
    StructField("group", StringType(), False),
    StructField("start", LongType(), False),
    StructField("end", LongType(), False),
    StructField("byte_start", LongType(), False),
    StructField("byte_end", LongType(), False),
    StructField("confidence", StringType(), False),
    StructField("masked", StringType(), False),
]

_Batches = Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]


def _with_column(
    df: DataFrame,
    column: str,
    output: Optional[str],
    compute: Callable[[pa.Array, Scanner], Any],
    options: dict[str, Any],
) -> DataFrame:
    out = output or column
    fields = [f for f in df.schema.fields if f.name != out] if output else list(df.schema.fields)
    if output:
        fields.append(StructField(out, StringType(), True))
    else:
        fields = [StructField(f.name, StringType(), True) if f.name == column else f for f in fields]
    schema = StructType(fields)
    names = [f.name for f in fields]

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        sc = Scanner(**options)
        for b in batches:
            # Spark sends strings as string or large_string (its
            # useLargeVarTypes setting) and wants the same back.
            src = b.column(column)
            result = pa.array(compute(src, sc), type=src.type)
            cols = {n: b.column(n) for n in b.schema.names}
            cols[out] = result
            yield pa.RecordBatch.from_arrays([cols[n] for n in names], names=names)

    return df.mapInArrow(run, schema)


def redact(
    df: DataFrame,
    column: str,
    output: Optional[str] = None,
    style: str = "mask",
    **options: Any,
) -> DataFrame:
    """``df`` with ``column`` redacted, in place or into ``output``."""
    return _with_column(
        df, column, output, lambda a, sc: arrow.redact(a, style, sc), options
    )


def risk(df: DataFrame, column: str, output: str = "risk", **options: Any) -> DataFrame:
    """``df`` with a column ``output`` holding the record risk of
    ``column``."""
    return _with_column(df, column, output, lambda a, sc: arrow.assess(a, sc), options)


def findings(
    df: DataFrame, column: str, keep: Sequence[str] = (), **options: Any
) -> DataFrame:
    """One row per finding in ``column``: the ``keep`` columns of its row
    (a key, say), then ``kind``, ``group``, ``start``, ``end`` (code
    points), ``byte_start``, ``byte_end``, ``confidence`` and ``masked``."""
    keep = list(keep)
    fields = [df.schema[k] for k in keep] + FINDING_FIELDS
    schema = StructType(fields)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        sc = Scanner(**options)
        for b in batches:
            t = pa.table(arrow.scan(b.column(column), sc))
            kept = b.select(keep).take(t.column("row").combine_chunks()) if keep else None
            arrays = [kept.column(k) for k in keep] if kept is not None else []
            arrays += [t.column(f.name).combine_chunks() for f in FINDING_FIELDS]
            yield pa.RecordBatch.from_arrays(arrays, names=[f.name for f in fields])

    return df.mapInArrow(run, schema)
