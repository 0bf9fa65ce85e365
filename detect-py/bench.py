"""Throughput of the Python bindings (not a test).

    python detect-py/bench.py [--records N] [--mb M]

Prints records/second for ``Scanner.scan_batch`` and for a Python loop
over ``Scanner.scan`` on N synthetic postliste titles (default one
million; about 2 % carry a synthetic ID), and MB/s for ``scan`` and
``redact`` on one large text.
"""

from __future__ import annotations

import argparse
import os
import random
import time

import sladd

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
    "Refusjonskrav sykepenger for {name}, kontonr 1503.80.{n:05d}",
]
NAMES = ["Kari Nordmann", "Ola Nordmann", "Åse Ødegård", "Per Æsøy",
         "Siri Lie", "Jon Blåbærsen", "Ingrid Ås"]
STREETS = ["Storgata", "Kirkeveien", "Fjellveien", "Bjørkelia", "Ærøveien"]
IDS = ["010180 00055", "41019000077", "fnr. 01418000038", "CPR 010180-1004",
       "personnummer 811218-9876", "131052-308T", "kt. 120160-3389"]


def titles(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        t = rng.choice(TEMPLATES).format(
            name=rng.choice(NAMES), street=rng.choice(STREETS),
            n=rng.randint(1, 99999), m=rng.randint(1, 999),
            year=rng.randint(2015, 2026))
        if rng.random() < 0.02:
            t += " " + rng.choice(IDS)
        out.append(t)
    return out


def timed(f):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    r = f()
    return r, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--mb", type=int, default=64)
    args = ap.parse_args()

    sc = sladd.Scanner()
    recs = titles(args.records)
    print(f"sladd {sladd.__version__}, {os.cpu_count()} CPUs, "
          f"{len(recs):,} titles")

    batch, t_batch = timed(lambda: sc.scan_batch(recs))
    n_found = sum(len(b) for b in batch)
    print(f"scan_batch:          {len(recs) / t_batch:12,.0f} records/s "
          f"({t_batch:.2f} s, {n_found:,} findings)")

    loop, t_loop = timed(lambda: [sc.scan(t) for t in recs])
    assert loop == batch
    print(f"loop over scan:      {len(recs) / t_loop:12,.0f} records/s "
          f"({t_loop:.2f} s)")

    big = "\n".join(recs)
    while len(big.encode()) < args.mb * 1_000_000:
        big += "\n" + big
    big_bytes = big.encode()
    mb = len(big_bytes) / 1e6
    ms, t_str = timed(lambda: sc.scan(big))
    print(f"scan(str):           {mb / t_str:12,.1f} MB/s "
          f"({mb:.0f} MB, {len(ms):,} findings)")
    _, t_bytes = timed(lambda: sc.scan(big_bytes))
    print(f"scan(bytes):         {mb / t_bytes:12,.1f} MB/s")
    _, t_red = timed(lambda: sc.redact(big))
    print(f"redact(str):         {mb / t_red:12,.1f} MB/s")


if __name__ == "__main__":
    main()
