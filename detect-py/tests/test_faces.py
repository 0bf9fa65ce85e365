"""Every face has every kind: Python's constants agree with the C header
(which ``gen-header.sh --verify`` holds to the Rust source) on each kind's
name and code, and on the groups; the command line's help lists them all.

The kinds table in detect-core (``kind.rs``) is the one source; a kind that
one face lacks, or a name or code on which two faces disagree, fails here.
"""

import pathlib
import re
import shutil
import subprocess

import sladd

ROOT = pathlib.Path(__file__).resolve().parents[2]
HEADER = (ROOT / "detect-ffi" / "include" / "sladd.h").read_text()


def header_enum(prefix: str) -> list[tuple[str, int]]:
    pairs = re.findall(rf"^\s*{prefix}_([A-Z0-9_]+) = (\d+),", HEADER, re.M)
    return sorted(((n.lower(), int(c)) for n, c in pairs), key=lambda p: p[1])


def test_python_kinds_are_the_c_kinds_with_their_codes():
    c_kinds = header_enum("SLADD_KIND")
    assert [n for n, _ in c_kinds] == list(sladd.KINDS)
    # Codes are dense from 1 and in KINDS order.
    assert [c for _, c in c_kinds] == list(range(1, len(sladd.KINDS) + 1))


def test_python_groups_are_the_c_groups_and_cover_every_kind():
    c_groups = header_enum("SLADD_GROUP")
    assert [n for n, _ in c_groups] == list(sladd.GROUPS)
    kinds = [k for ks in sladd.GROUPS.values() for k in ks]
    assert sorted(kinds) == sorted(sladd.KINDS)
    assert len(kinds) == len(set(kinds))


def test_every_group_name_selects_its_kinds():
    for group, kinds in sladd.GROUPS.items():
        assert sladd.Scanner(kinds=[group]).kinds == kinds
    personal = sladd.Scanner(kinds="personal").kinds
    want = [
        k
        for g in ("ids", "names", "contact", "financial")
        for k in sladd.GROUPS[g]
    ]
    assert sorted(personal) == sorted(want)
    assert sladd.Scanner(kinds="all").kinds == sladd.KINDS
    # The default leaves the organisation numbers out.
    default = sladd.Scanner().kinds
    assert set(default) == set(sladd.KINDS) - set(sladd.GROUPS["organisations"])


def sladd_binary() -> str:
    for profile in ("debug", "release"):
        p = ROOT / "target" / profile / "sladd"
        if p.exists():
            return str(p)
    found = shutil.which("sladd")
    assert found, "the sladd command is built by the Rust tests before these"
    return found


def test_cli_help_lists_every_kind_and_group():
    out = subprocess.run(
        [sladd_binary(), "validate", "--help"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for group, kinds in sladd.GROUPS.items():
        line = next(l for l in out.splitlines() if l.strip().startswith(group))
        for k in kinds:
            assert k in line, (group, k, line)
