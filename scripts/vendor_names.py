#!/usr/bin/env python3
"""Trim the Nordic name lists into detect-core/data/names/ (a maintenance
step, run by hand; the build reads only the vendored copies).

Usage: scripts/vendor_names.py SOURCE_DIR [DEST_DIR]

What is dropped and why (budget: about 3 MB in git):
- entries with a space or a hyphen: the detector looks names up one word
  (one hyphen part) at a time, so `Anne-Grethe` is found through `Anne`
  and `Grethe`, and a multi-word surname through its words;
- entries of fewer than two letters (none left after the publishers' own
  cleaning, kept as a guard);
- dk_surnames.tsv: surnames with fewer than 7 bearers (58 % of the rows
  carry 3 to 6 bearers; an unknown surname is still found by shape and
  position, at a lower confidence);
- se_given.tsv: given names with fewer than 3 bearers (31 % of the rows
  carry 2; the same reasoning).
Everything else is kept as published (name, count), sorted as the source.
"""
import os
import sys

MIN_COUNT = {"dk_surnames.tsv": 7, "se_given.tsv": 3}
FILES = [
    "no_given.tsv", "no_surnames.tsv", "se_given.tsv", "se_surnames.tsv",
    "dk_given.tsv", "dk_surnames.tsv", "fi_given.tsv", "fi_surnames.tsv",
    "is_given.tsv",
]


def main():
    src = sys.argv[1]
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "detect-core", "data", "names")
    for f in FILES:
        kept = dropped = 0
        out = []
        with open(os.path.join(src, f), encoding="utf-8") as fh:
            header = fh.readline()
            for line in fh:
                name, _, count = line.rstrip("\n").partition("\t")
                ok = " " not in name and "-" not in name and len(name) >= 2
                if ok and f in MIN_COUNT and count and int(count) < MIN_COUNT[f]:
                    ok = False
                if ok:
                    out.append(f"{name}\t{count}\n")
                    kept += 1
                else:
                    dropped += 1
        with open(os.path.join(dst, f), "w", encoding="utf-8") as fh:
            fh.write(header)
            fh.writelines(out)
        print(f"{f}: kept {kept}, dropped {dropped}")


if __name__ == "__main__":
    main()
