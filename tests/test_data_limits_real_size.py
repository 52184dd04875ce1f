"""The xlsx attacks of issue 10 at their real size, under the default limits: an xlsx of
a few MB that expands to 3 GB, and one with 20 million rows. Both are refused before a
row is read (no reader opens them), in bounded memory.

The files are built cheaply: one run of rows is deflated once (ending on a full flush,
so its compressed bytes stand alone) and repeated; the zip entry's CRC of the repeated
content is combined arithmetically (zlib's crc32_combine) instead of hashing gigabytes.
The builder is checked at a small size against pandas' own xlsx reader. All synthetic.
"""

from __future__ import annotations

import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import pytest

from factcheck.data_limits import data_problem
from factcheck.load.limits import Limits

_NS = "http://schemas.openxmlformats.org/"
_PARTS = {
    "[Content_Types].xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_NS}package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_NS}package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{_NS}officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}spreadsheetml/2006/main" '
        f'xmlns:r="{_NS}officeDocument/2006/relationships"><sheets><sheet name="data" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_NS}package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{_NS}officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}spreadsheetml/2006/main">'
    '<sheetData><row><c t="inlineStr"><is><t>n</t></is></c></row>'
)
_ROW = b"<row><c><v>1</v></c></row>"  # one cell, the number 1; `r` is optional in OOXML
_TAIL = "</sheetData></worksheet>"
_ROWS_PER_RUN = 65_536


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, i = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[i]
        vector >>= 1
        i += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, row) for row in matrix]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """The CRC-32 of A + B from crc(A), crc(B) and len(B), as zlib's crc32_combine: crc(A)
    is carried through len(B) zero bytes by an operator over GF(2), squared per bit."""
    operator = [0xEDB88320] + [1 << n for n in range(31)]  # one zero bit
    for _ in range(3):
        operator = _gf2_square(operator)  # 2, 4, 8 zero bits: one zero byte
    while len2:
        if len2 & 1:
            crc1 = _gf2_times(operator, crc1)
        len2 >>= 1
        operator = _gf2_square(operator)
    return crc1 ^ crc2


def _repeated_crc(chunk: bytes, times: int) -> int:
    """CRC-32 of `chunk` written `times` times, by doubling."""
    crc, block, block_len = 0, zlib.crc32(chunk), len(chunk)
    while times:
        if times & 1:
            crc = crc32_combine(crc, block, block_len)
        block = crc32_combine(block, block, block_len)
        block_len *= 2
        times >>= 1
    return crc


def _deflated(data: bytes, *, last: bool = False) -> bytes:
    """Raw deflate blocks for `data`, ending byte-aligned (full flush) or final."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH
    )


def build_xlsx(path: Path, runs: int, rows_per_run: int = _ROWS_PER_RUN) -> int:
    """An xlsx whose one sheet holds `runs` * `rows_per_run` rows under a header; returns
    its rows."""
    run = _ROW * rows_per_run
    head, tail = _HEAD.encode(), _TAIL.encode()
    size = len(head) + runs * len(run) + len(tail)
    crc = crc32_combine(zlib.crc32(head), _repeated_crc(run, runs), runs * len(run))
    crc = crc32_combine(crc, zlib.crc32(tail), len(tail))
    packed_head, packed_run, packed_tail = (
        _deflated(head),
        _deflated(run),
        _deflated(tail, last=True),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size, info.CRC = size, crc
        info.compress_size = len(packed_head) + runs * len(packed_run) + len(packed_tail)
        # The member is written as zipfile itself would write it, from bytes made above.
        handle = archive.fp
        assert handle is not None
        info.header_offset = handle.tell()
        handle.write(info.FileHeader(zip64=False))
        handle.write(packed_head)
        for _ in range(runs):
            handle.write(packed_run)
        handle.write(packed_tail)
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info
        archive.start_dir = handle.tell()
    return runs * rows_per_run


def test_the_builder_makes_a_real_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "small.xlsx"
    rows = build_xlsx(path, 3, rows_per_run=1_000)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None  # every CRC holds
    frame = pd.read_excel(path)
    assert list(frame.columns) == ["n"] and len(frame) == rows == 3_000
    assert int(frame["n"].sum()) == rows
    problem = data_problem(path, Limits(data_rows=rows - 1))
    assert problem is not None and f"({rows:,} rows)" in problem
    assert data_problem(path, Limits(data_rows=rows)) is None


def _refused(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, float, int]:
    """data_problem under the default limits, with every xlsx reader made to fail: the
    refusal must come from measuring the zip, never from reading the sheet."""
    import openpyxl

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened by a reader")

    monkeypatch.setattr(openpyxl, "load_workbook", no_reading)
    monkeypatch.setattr(pd, "read_excel", no_reading)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        problem = data_problem(path, Limits())
    finally:
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert problem is not None
    return problem, seconds, peak


def test_a_few_megabytes_expanding_to_3_gb_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.xlsx"
    rows = build_xlsx(path, 1_800)  # 1,800 * 65,536 rows of 26 bytes: 3.07 GB of XML
    with zipfile.ZipFile(path) as archive:
        expanded = sum(member.file_size for member in archive.infolist())
    assert expanded > 3_000_000_000 and path.stat().st_size < 8_000_000
    problem, seconds, peak = _refused(path, monkeypatch)
    assert f"({expanded:,} bytes uncompressed)" in problem and "--limit data_bytes=N" in problem
    assert rows > Limits().data_rows  # also too many rows, but the size said it first
    assert peak < 16_000_000  # nothing inflated into memory
    assert seconds < 30  # a guard against a hang, not a timing claim (bench/ times)


def test_twenty_million_rows_in_a_few_megabytes_are_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rows.xlsx"
    rows = build_xlsx(path, 306)  # 306 * 65,536: 20.05 million rows, 522 MB of XML
    with zipfile.ZipFile(path) as archive:
        expanded = sum(member.file_size for member in archive.infolist())
    assert rows > 20_000_000 and expanded < Limits().data_bytes  # the size alone passes
    assert path.stat().st_size < 3_000_000
    problem, seconds, peak = _refused(path, monkeypatch)
    assert f"more than {Limits().data_rows:,} rows in one data file" in problem
    assert "--limit data_rows=N" in problem
    assert peak < 16_000_000  # counted in chunks, never held
    assert seconds < 30  # a guard against a hang, not a timing claim (bench/ times)


@pytest.mark.parametrize(("runs", "limit"), [(306, "data_rows"), (1_800, "data_bytes")])
def test_lint_and_check_refuse_them_naming_the_file(
    tmp_path: Path, factcheck, runs: int, limit: str
) -> None:
    # Before the catalog's column check measured an xlsx, openpyxl read all 20 million
    # rows to find the header: 257 s for the row bomb, where lint and check now stop.
    import shutil

    from tests.conftest import PROJECTS

    root = tmp_path / "weather"
    shutil.copytree(PROJECTS / "weather", root, ignore=shutil.ignore_patterns(".factcheck"))
    (root / "data" / "weather.csv").unlink()
    build_xlsx(root / "data" / "weather.xlsx", runs)
    catalog = root / "data" / "datasets.yaml"
    catalog.write_text(catalog.read_text().replace("weather.csv", "weather.xlsx"))
    for command in ("lint", "check"):
        result = factcheck(command, "--root", root)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert "data/datasets.yaml:2:" in result.stderr, result.stderr
        assert "weather.xlsx" in result.stderr and f"--limit {limit}=N" in result.stderr
