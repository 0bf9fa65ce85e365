"""Every example in the docstrings runs."""

from __future__ import annotations

import doctest

import pytest

import sladd
from sladd import _sladd

OBJECTS = [sladd, _sladd.Scanner, _sladd.Match, _sladd.Scanner.scan,
           _sladd.Scanner.scan_batch, _sladd.Scanner.redact,
           _sladd.Scanner.validate, _sladd.scan, _sladd.redact,
           _sladd.validate, _sladd.Scanner.scan_file, _sladd.Scanner.redact_file,
           _sladd.scan_file, _sladd.redact_file, _sladd.FileReport,
           _sladd.FileFinding]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: getattr(o, "__qualname__", o.__name__))
def test_docstring_examples(obj: object) -> None:
    doc = obj.__doc__
    assert doc, f"{obj!r} has no docstring"
    parser = doctest.DocTestParser()
    test = parser.get_doctest(doc, {"sladd": sladd}, repr(obj), None, 0)
    assert test.examples, f"{obj!r} has no example"
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL)
    result = runner.run(test, out=lambda s: None)
    assert result.failed == 0, f"{result.failed} examples failed in {obj!r}"


def test_public_names_documented() -> None:
    for name in sladd.__all__:
        obj = getattr(sladd, name)
        if callable(obj):
            assert obj.__doc__, name


@pytest.mark.parametrize("name", ["arrow", "polars", "pandas", "presidio", "spark"])
def test_integration_docstrings(name: str) -> None:
    """The examples of the integration modules, where their library is
    installed."""
    import importlib

    needs = {"arrow": "pyarrow", "polars": "polars", "pandas": "pandas",
             "presidio": "presidio_analyzer", "spark": "pyspark"}
    pytest.importorskip(needs[name])
    pytest.importorskip("pyarrow")
    mod = importlib.import_module(f"sladd.{name}")
    tests = doctest.DocTestFinder().find(mod, globs={**vars(mod), "sladd": sladd})
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    for t in tests:
        runner.run(t, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, "".join(report)
    if name != "spark":
        assert result.attempted > 0
