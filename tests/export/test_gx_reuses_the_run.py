"""gx-export runs the check once and hands GX the frames that run validated: a dataset
the run read into pandas is not read again; only one the run validated where it lies
(DuckDB, by SQL: no frame) is read once more for GX."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("great_expectations")


def _reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    import factcheck.validate as validate

    reads: Counter[str] = Counter()
    real = validate.read_frame

    def counted(path: Path) -> object:
        reads[path.name] += 1
        return real(path)

    monkeypatch.setattr(validate, "read_frame", counted)
    return reads


def _export(factcheck, root: Path, out: Path) -> None:
    result = factcheck("gx-export", "--root", root, "--out", out)
    assert result.exit_code in (0, 1), result.output


def test_frames_validated_in_pandas_are_not_read_again(
    project, factcheck, tmp_path, monkeypatch
) -> None:
    root = project("basic")
    (root / "pyproject.toml").write_text('[tool.factcheck]\nengine = "pandas"\n')
    reads = _reads(monkeypatch)
    _export(factcheck, root, tmp_path / "out")
    files = sorted(p.name for p in (root / "data").iterdir() if p.suffix == ".csv")
    assert reads == Counter(files)  # each data file read once: by the run, not by the export


def test_datasets_validated_in_place_are_read_for_gx(
    project, factcheck, tmp_path, monkeypatch
) -> None:
    root = project("basic")  # DuckDB by default: a YAML schema validates by SQL, no frame
    reads = _reads(monkeypatch)
    _export(factcheck, root, tmp_path / "out")
    assert reads and all(n == 1 for n in reads.values()), reads
