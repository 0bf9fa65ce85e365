"""Throughput of sladd.arrow against scan_batch and a Python loop (not a
test).

    python detect-py/bench_arrow.py [--titles N] [--rounds R] [--loop N]

N synthetic postliste titles (default one million; about 2 % carry a
Norwegian fødselsnummer made by the rules of docs/rules.md §1 through
``tests/idgen.py``, most carry a person's name) as a pyarrow array and as
a Polars column. For the ID kinds only (``kinds="ids"``) and for all
personal kinds (``kinds="personal"``) it times, in interleaved rounds:
``sladd.arrow.scan`` on both, ``sladd.arrow.redact``, ``scan_batch`` on a
list of str, and a Python loop over ``Scanner.scan`` (on the first
``--loop`` titles). Prints the median titles/s of each and its ratio to
``scan_batch`` measured in the same rounds.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from typing import Callable

import polars as pl
import pyarrow as pa

import sladd
import sladd.arrow
import sladd.polars  # noqa: F401  (registers .sladd)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "tests"))
import idgen  # noqa: E402

TEMPLATES = [
    "Søknad om barnehageplass - {name}",
    "Vedtak om tildeling av kommunal bolig - {name}",
    "Klage på vedtak om startlån - {name}",
    "Svar på søknad om dispensasjon fra reguleringsplan gnr. {n}/{m}",
    "Melding om skade på kommunal vei - {name}",
    "Tilsynsrapport for {street} {n}",
    "Søknad om skjenkebevilling - {name} AS",
    "Anmodning om innsyn i sak {year}/{n}",
    "Bekymringsmelding vedrørende elev ved {street} skole",
    "Søknad om permisjon fra {name}",
]
NAMES = ["Kari Nordmann", "Ola Nordmann", "Åse Ødegård", "Per Æsøy", "Siri Lie",
         "Jon Blåbærsen", "Ingrid Ås"]
STREETS = ["Storgata", "Kirkeveien", "Fjellveien", "Bjørkelia", "Ærøveien"]


def fnr(rng: random.Random) -> str:
    """A fødselsnummer valid by the rules (K1 and K2 check digits)."""
    while True:
        year = rng.randint(1940, 2015)
        nine = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{year % 100:02d}"
        nine += f"{rng.randint(0, 499) if year < 2000 else rng.randint(500, 999):03d}"
        made = idgen.no_make(nine)
        if made is not None:
            return made


def titles(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        t = rng.choice(TEMPLATES).format(
            name=rng.choice(NAMES), street=rng.choice(STREETS),
            n=rng.randint(1, 99999), m=rng.randint(1, 999), year=rng.randint(2015, 2026))
        if rng.random() < 0.02:
            t += ", fnr. " + fnr(rng)
        out.append(t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--titles", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--loop", type=int, default=100_000)
    ap.add_argument("--presidio", type=int, default=5_000,
                    help="titles for the Presidio comparison (0: skip)")
    args = ap.parse_args()

    recs = titles(args.titles)
    arr = pa.array(recs, type=pa.string())
    col = pl.Series("tittel", recs)
    mb = arr.nbytes / 1e6
    print(f"sladd {sladd.__version__}, {os.cpu_count()} CPUs, {len(recs):,} titles "
          f"({mb:.0f} MB), pyarrow {pa.__version__}, polars {pl.__version__}")

    for kinds in ("ids", "personal"):
        sc = sladd.Scanner(kinds=kinds)
        n_find = pa.table(sladd.arrow.scan(arr, sc)).num_rows
        assert n_find == sum(len(ms) for ms in sc.scan_batch(recs[:]))
        loop = recs[: args.loop]
        cases: dict[str, tuple[int, Callable[[], object]]] = {
            "arrow.scan (pyarrow)": (len(recs), lambda: pa.table(sladd.arrow.scan(arr, sc))),
            "arrow.scan (polars)": (len(recs), lambda: pl.DataFrame(sladd.arrow.scan(col, sc))),
            "arrow.redact (pyarrow)": (len(recs), lambda: pa.array(sladd.arrow.redact(arr, scanner=sc))),
            "polars .sladd.redact()": (len(recs), lambda: col.sladd.redact(scanner=sc)),
            "scan_batch (list)": (len(recs), lambda: sc.scan_batch(recs)),
            "Python loop over scan": (len(loop), lambda: [sc.scan(t) for t in loop]),
        }
        samples: dict[str, list[float]] = {k: [] for k in cases}
        for _ in range(args.rounds):
            for name, (n, f) in cases.items():
                t = time.perf_counter()
                f()
                samples[name].append(n / (time.perf_counter() - t))
        base = statistics.median(samples["scan_batch (list)"])
        print(f"\nkinds={kinds!r}: {n_find:,} findings; median of {args.rounds} "
              f"interleaved rounds")
        for name, s in samples.items():
            rate = statistics.median(s)
            print(f"  {name:24s} {rate / 1e6:8.2f} M titles/s  {rate / base:6.2f}x scan_batch")

    if args.presidio:
        presidio(recs[: args.presidio], args.rounds)


def presidio(recs: list[str], rounds: int) -> None:
    """Presidio's AnalyzerEngine with sladd's recognizer against the same
    engine with Presidio's own predefined recognizers (blank spaCy
    pipeline for both, so no model), and sladd.presidio.analyze_batch."""
    try:
        import sladd.presidio
    except ImportError:
        print("\npresidio-analyzer not installed: Presidio comparison skipped")
        return
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    with_sladd = sladd.presidio.analyzer_engine(languages=["en"])
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"])
    nlp = sladd.presidio.BlankSpacyNlpEngine(["en"])
    nlp.load()
    own = AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["en"])
    cases: dict[str, Callable[[], object]] = {
        "Presidio + SladdRecognizer": lambda: [with_sladd.analyze(t, language="en") for t in recs],
        "Presidio, own recognizers": lambda: [own.analyze(t, language="en") for t in recs],
        "sladd.presidio.analyze_batch": lambda: sladd.presidio.analyze_batch(recs),
    }
    samples: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(rounds):
        for name, f in cases.items():
            t = time.perf_counter()
            f()
            samples[name].append(len(recs) / (time.perf_counter() - t))
    print(f"\nPresidio, {len(recs):,} titles, all default kinds; median of {rounds} rounds")
    for name, v in samples.items():
        print(f"  {name:30s} {statistics.median(v):12,.0f} titles/s")


if __name__ == "__main__":
    main()
