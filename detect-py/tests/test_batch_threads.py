"""scan_batch equals scan one by one; one scanner shared by many threads."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import sladd

IDS = ["fnr 010180 00055", "010180-1004", "personnummer 811218-9876",
       "131052-308T", "kt. 120160-3389", "41019000077", "701063-2391"]


def corpus(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = ["Søknad", "om", "barnehageplass", "-", "Kari", "Nordmann",
                 "😀", "æøå", "e\u0301"]
        rng.shuffle(words)
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(IDS))
        if i % 97 == 0:
            words = words * 500  # a few long texts among short ones
        out.append(" ".join(words))
    return out


def test_scan_batch_equals_scan() -> None:
    sc = sladd.Scanner(reference_date="2026-11-22")
    texts = corpus(3000)
    batch = sc.scan_batch(texts)
    assert len(batch) == len(texts)
    assert batch == [sc.scan(t) for t in texts]
    assert sum(len(b) for b in batch) > 500


def test_scan_batch_mixed_inputs_and_iterables() -> None:
    sc = sladd.Scanner()
    texts = ["fnr 010180 00055", b"fnr 010180 00055", bytearray(b"x"), ""]
    assert sc.scan_batch(texts) == [sc.scan(t) for t in texts]
    assert sc.scan_batch(t for t in ["fnr 010180 00055"]) == [
        sc.scan("fnr 010180 00055")]
    assert sc.scan_batch([]) == []
    assert sc.scan_batch(()) == []


def test_threads_share_one_scanner() -> None:
    sc = sladd.Scanner(reference_date="2026-11-22")
    texts = corpus(400, seed=11)
    want = [sc.scan(t) for t in texts]
    want_red = [sc.redact(t) for t in texts]
    start = threading.Barrier(8)

    def work(k: int) -> bool:
        start.wait()
        for _ in range(3):
            if k % 2:
                if sc.scan_batch(texts) != want:
                    return False
            else:
                if [sc.scan(t) for t in texts] != want:
                    return False
                if [sc.redact(t) for t in texts] != want_red:
                    return False
        return True

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, range(8)))


def test_batch_of_large_texts_runs_in_parallel() -> None:
    sc = sladd.Scanner()
    big = ("Søknad om barnehageplass - Kari Nordmann 010180 00055\n" * 5000)
    batch = sc.scan_batch([big] * 8)
    # A name and a number per line.
    assert all(len(b) == 10000 for b in batch)
    assert {m.kind for m in batch[0]} == {"person_name", "no_fnr"}
    assert batch[0] == sc.scan(big)
