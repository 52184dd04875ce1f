"""Lock, drift, rules, history and diff on the hand-countable shop project (small.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.drift.small import CLAIMS, edit, write_project


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    return write_project(tmp_path / "shop")


def locked_check(factcheck, root: Path, *extra: str) -> tuple[int, dict]:
    result = factcheck("check", "--root", root, "--locked", "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}


def drifted(report: dict) -> dict[str, dict]:
    return {item["id"]: item for item in report["drift"]["claims"]}


def test_lock_file_is_sorted_stable_json(shop, factcheck) -> None:
    done = factcheck("lock", "--root", shop)
    assert done.exit_code == 0 and "locked 6 claims and 3 datasets" in done.stdout
    text = (shop / "factcheck.lock").read_text()
    lock = json.loads(text)
    assert text == json.dumps(lock, indent=2, sort_keys=True) + "\n"
    assert lock["claims"]["south_amount"]["actual"] == 1000
    assert lock["claims"]["south_amount"]["verdict"] == "pass"
    assert len(lock["claims"]["south_amount"]["fingerprint"]) == 64
    assert lock["datasets"]["orders"]["rows"] == 12 and lock["datasets"]["weather"]["rows"] == 6
    factcheck("lock", "--root", shop)
    assert (shop / "factcheck.lock").read_text() == text  # same data, same bytes
    code, report = locked_check(factcheck, shop)
    assert code == 0 and report["drift"]["claims"] == [] and report["exit_code"] == 0


def test_changed_row_drifts_exactly_its_claims(shop, factcheck) -> None:
    factcheck("lock", "--root", shop)
    edit(shop / "data/orders.csv", "6,South,100", "6,South,150")  # South: 1,000 -> 1,050
    code, report = locked_check(factcheck, shop)
    assert code == 4 and report["exit_code"] == 4
    items = drifted(report)
    assert set(items) == {"south_amount", "south_share"}  # the max (400) and counts stay
    south = items["south_amount"]
    assert (south["old_actual"], south["new_actual"]) == (1000, 1050)
    assert (south["old_verdict"], south["new_verdict"]) == ("pass", "pass")
    assert south["datasets_changed"] == ["orders"] and south["definition_changed"] is False
    assert items["south_share"]["datasets_changed"] == ["orders"]  # through south_amount
    assert report["drift"]["datasets_changed"] == ["orders"]
    assert report["drift"]["datasets"][0]["old_rows"] == 12
    text = factcheck("check", "--root", shop, "--locked")
    assert text.exit_code == 4
    assert "drift against factcheck.lock" in text.stdout
    assert "south_amount: 1,000 (pass) -> 1,050 (pass)" in text.stdout
    assert "data changed: orders" in text.stdout


def test_verdict_change_is_reported(shop, factcheck) -> None:
    factcheck("lock", "--root", shop)
    edit(shop / "data/orders.csv", "12,East,7", "12,East,700")  # the largest order: 700
    code, report = locked_check(factcheck, shop)
    item = drifted(report)["max_order"]
    assert code == 4 and (item["old_verdict"], item["new_verdict"]) == ("pass", "fail")
    assert set(drifted(report)) == {"max_order"}


def test_unrelated_data_change_drifts_nothing(shop, factcheck) -> None:
    factcheck("lock", "--root", shop)
    edit(shop / "data/regions.csv", "East,Est", "East,Oriente")  # no claim uses regions
    edit(shop / "data/weather.csv", "2025-04-06,false", "2025-04-07,false")  # still 2 rainy
    code, report = locked_check(factcheck, shop)
    assert code == 0 and report["drift"]["claims"] == []
    assert report["drift"]["datasets_changed"] == ["regions", "weather"]


def test_definition_change_is_reported(shop, factcheck) -> None:
    factcheck("lock", "--root", shop)
    edit(shop / "claims/shop.yaml", "where: \"region = 'North'\"",
         "where: \"region = 'North' and amount > 0\"")  # fmt: skip
    code, report = locked_check(factcheck, shop)
    assert code == 4 and set(drifted(report)) == {"north_orders"}
    item = drifted(report)["north_orders"]
    assert item["definition_changed"] is True and item["old_actual"] == item["new_actual"] == 5
    assert item["datasets_changed"] == []


def test_definition_change_reaches_the_claims_using_it(shop, factcheck) -> None:
    # south_share's figure is south_amount's: redefining south_amount redefines it too.
    factcheck("lock", "--root", shop)
    edit(shop / "claims/shop.yaml", "where: \"region = 'South'\"",
         "where: \"region = 'South' and amount >= 0\"")  # fmt: skip
    code, report = locked_check(factcheck, shop)
    assert code == 4 and set(drifted(report)) == {"south_amount", "south_share"}
    assert all(item["definition_changed"] for item in drifted(report).values())


def test_schema_change_changes_the_fingerprint_of_its_claims(shop, factcheck) -> None:
    factcheck("lock", "--root", shop)
    edit(shop / "schemas/weather.yaml", "rain: {dtype: bool, nullable: false}",
         "rain: {dtype: bool, nullable: true}")  # fmt: skip
    code, report = locked_check(factcheck, shop)
    assert code == 4 and set(drifted(report)) == {"rainy_days"}


def test_added_and_removed_claims(shop, factcheck) -> None:
    factcheck("lock", "--root", shop)
    text = CLAIMS.replace("  - id: max_order", "  - id: largest_order")
    (shop / "claims/shop.yaml").write_text(text)
    code, report = locked_check(factcheck, shop)
    items = drifted(report)
    assert code == 4 and set(items) == {"largest_order", "max_order"}
    assert items["largest_order"]["added"] and items["largest_order"]["new_actual"] == 400
    assert items["max_order"]["removed"] and items["max_order"]["old_actual"] == 400
    factcheck("lock", "--root", shop)
    assert locked_check(factcheck, shop)[0] == 0


def test_deselected_claims_are_not_compared(shop, factcheck) -> None:
    factcheck("lock", "--root", shop)
    edit(shop / "data/orders.csv", "6,South,100", "6,South,150")
    code, report = locked_check(factcheck, shop, "--select", "orders_total")
    assert code == 0 and report["drift"]["claims"] == []


def test_relative_rule_absorbs_a_small_change(tmp_path, factcheck) -> None:
    shop = write_project(
        tmp_path / "shop",
        pyproject='[tool.factcheck.drift]\nrelative = "10%"\n'
        "[tool.factcheck.drift.claims.south_share]\nabsolute = 10\n",
    )
    factcheck("lock", "--root", shop)
    edit(shop / "data/orders.csv", "6,South,100", "6,South,150")  # +5%
    code, report = locked_check(factcheck, shop)
    # south_amount: 5% <= 10%; south_share keeps the 10% and adds at most 10 absolute.
    assert code == 4 and set(drifted(report)) == {"south_share"}


def test_bounds_and_verdict_rules(tmp_path, factcheck) -> None:
    shop = write_project(
        tmp_path / "shop",
        pyproject='[tool.factcheck.drift]\nrelative = "100%"\n'
        "[tool.factcheck.drift.claims.south_amount]\nupper = 1020\n",
    )
    factcheck("lock", "--root", shop)
    edit(shop / "data/orders.csv", "6,South,100", "6,South,150")
    code, report = locked_check(factcheck, shop)
    assert set(drifted(report)) == {"south_amount"}  # above its upper bound
    edit(shop / "data/orders.csv", "12,East,7", "12,East,700")  # max 400 -> 700: within 100%
    code, report = locked_check(factcheck, shop)
    assert "max_order" in drifted(report)  # ... but pass -> fail: a verdict change always drifts


@pytest.mark.parametrize(
    ("lock_text", "message"),
    [
        (None, "factcheck.lock: not found"),
        ("{not json", "factcheck.lock: malformed"),
        ('{"claims": {}}', "factcheck.lock: not a factcheck lock"),
        ('{"factcheck_lock": 1, "claims": {"x": 3}, "datasets": {}}', "claims.x is not an object"),
    ],
)
def test_missing_or_malformed_lock(shop, factcheck, lock_text, message) -> None:
    if lock_text is not None:
        (shop / "factcheck.lock").write_text(lock_text)
    result = factcheck("check", "--root", shop, "--locked")
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        ("[tool.factcheck.drift]\nrelativ = 1\n", "unknown drift rule 'relativ'"),
        ('[tool.factcheck.drift]\nrelative = "two"\n', "'relative' must be a number"),
        ("[tool.factcheck.drift.claims.nope]\nabsolute = 1\n", "no claim has the id 'nope'"),
    ],
)
def test_bad_drift_rules(tmp_path, factcheck, pyproject, message) -> None:
    # Found on every load, so lint and a plain check catch a typo before any --locked run.
    shop = write_project(tmp_path / "shop", pyproject=pyproject)
    for args in (["lint"], ["check"], ["check", "--locked"], ["lock"]):
        result = factcheck(*args, "--root", shop)
        assert result.exit_code == 2 and message in result.stderr, args
        assert "pyproject.toml:1: error: [tool.factcheck.drift" in result.stderr, args
        assert "Traceback" not in result.output
    assert not (shop / "factcheck.lock").exists()


def test_lock_refuses_a_broken_project(shop, factcheck) -> None:
    edit(shop / "claims/shop.yaml", "metric: {dataset: orders}", "metric: {dataset: order}")
    result = factcheck("lock", "--root", shop)
    assert result.exit_code == 2 and "claims/shop.yaml:" in result.stderr
    assert not (shop / "factcheck.lock").exists()


def test_history_over_three_runs(shop, factcheck) -> None:
    for before, after in (("100", "100"), ("100", "150"), ("150", "200")):
        edit(shop / "data/orders.csv", f"6,South,{before}", f"6,South,{after}")
        assert factcheck("check", "--root", shop).exit_code == 0
    lines = [json.loads(x) for x in (shop / ".factcheck/history.jsonl").read_text().splitlines()]
    assert len(lines) == 3 * 6  # one line per claim per run
    south = [row for row in lines if row["id"] == "south_amount"]
    assert [row["actual"] for row in south] == [1000, 1050, 1100]
    assert len({row["datasets"]["orders"] for row in south}) == 3
    assert {row["verdict"] for row in south} == {"pass"} and south[0]["fingerprint"]
    assert all(row["time"] for row in south)
    shown = factcheck("history", "south_amount", "--root", shop)
    assert shown.exit_code == 0
    out = shown.stdout
    assert "3 run(s)" in out and "1,000" in out and "1,050" in out and "1,100" in out
    assert "orders:" + south[0]["datasets"]["orders"][:8] in out
    assert "min 1,000, max 1,100" in out


def test_history_errors(shop, factcheck) -> None:
    unknown = factcheck("history", "south_amout", "--root", shop)
    assert unknown.exit_code == 2
    assert "unknown claim id 'south_amout'" in unknown.stderr and "south_amount" in unknown.stderr
    never = factcheck("history", "south_amount", "--root", shop)
    assert never.exit_code == 2 and "no history yet" in never.stderr


def test_no_history_flag(shop, factcheck) -> None:
    factcheck("check", "--root", shop, "--no-history")
    assert not (shop / ".factcheck/history.jsonl").exists()


def test_diff_of_two_reports(shop, factcheck, tmp_path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    factcheck("check", "--root", shop, "--format", f"json:{old}")
    same = factcheck("diff", old, old)
    assert same.exit_code == 0 and "no differences" in same.stdout
    edit(shop / "data/orders.csv", "12,East,7", "12,East,700")
    edit(shop / "claims/shop.yaml", "id: rainy_days", "id: wet_days")
    factcheck("check", "--root", shop, "--format", f"json:{new}")
    result = factcheck("diff", old, new, "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert found["differs"] is True
    assert [i["id"] for i in found["added"]] == ["wet_days"]
    assert [i["id"] for i in found["removed"]] == ["rainy_days"]
    assert [(i["id"], i["old_actual"], i["new_actual"], i["new_verdict"])
            for i in found["changed"]] == [("max_order", 400, 700, "fail")]  # fmt: skip
    assert [d["name"] for d in found["datasets_changed"]] == ["orders"]
    text = factcheck("diff", old, new)
    assert text.exit_code == 1
    assert "+ wet_days (pass)" in text.stdout and "- rainy_days (pass)" in text.stdout
    assert "~ max_order: 400 (pass) -> 700 (fail)" in text.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    refused = factcheck("diff", old, bad)
    assert refused.exit_code == 2 and "not a factcheck JSON report" in refused.stderr


def test_compare_rules_unit() -> None:
    from factcheck.drift.compare import as_stored, check_rules, moved, rules_for

    assert moved(1, 2, {}) and not moved(1, 1, {}) and not moved(1, 1.0, {})
    assert not moved(0.1 + 0.2, as_stored(0.1 + 0.2), {})  # exact after the JSON round trip
    assert moved(0.3, 0.1 + 0.2, {})  # ... and exact means exact
    assert not moved(float("nan"), float("nan"), {}) and moved(1.0, float("nan"), {})
    assert not moved(100, 102, {"absolute": 2}) and moved(100, 103, {"absolute": 2})
    assert not moved(-100, -101, {"relative": 0.01}) and moved(-100, -102, {"relative": 0.01})
    assert moved(100, 101, {"relative": 0.05, "absolute": 0.5})  # both limits hold
    assert not moved(5, 9, {"lower": 0, "upper": 10}) and moved(5, -1, {"lower": 0})
    assert moved({"a": 1}, {"a": 1, "b": 2}, {}) and not moved({"a": 1}, {"a": 1}, {})
    assert not moved({"a": 100}, {"a": 101}, {"relative": 0.02})
    assert moved("UA", "RU", {"relative": 1.0}) and moved(None, 3, {}) and moved(3, None, {})
    assert as_stored({2024: 1}) == {"2024": 1}  # group keys become text in the lock
    settings = {"relative": "2%", "claims": {"x": {"absolute": 3}}}
    assert rules_for(settings, "y") == {"relative": 0.02}
    assert rules_for(settings, "x") == {"relative": 0.02, "absolute": 3.0}
    assert check_rules(settings, ["x", "y"]) == []
    assert check_rules({"lower": 5, "upper": 1}, []) == [
        "pyproject.toml [tool.factcheck.drift]: lower is above upper"
    ]
    assert len(check_rules({"absolute": -1, "claims": {"z": {"upper": "x"}}}, ["z"])) == 2


def test_history_rendering_unit() -> None:
    from factcheck.drift.history import render_history, sparkline

    assert sparkline([1, 2, 3]) == "▁▅█" and sparkline([4, 4]) == "▁▁"
    rows = [
        {"time": "t1", "verdict": "pass", "actual": {"2025-03": 10, "2025-04": 20},
         "datasets": {"m": "a" * 64}},
        {"time": "t2", "verdict": "fail", "actual": {"2025-03": 12, "2025-04": 18},
         "datasets": {"m": "b" * 64}},
        {"time": "t3", "verdict": "error", "actual": None, "datasets": {}},
    ]  # fmt: skip
    text = render_history("x", rows, unicode=False)
    assert text.isascii() and "m:aaaaaaaa" in text and "2025-03: _@" in text
    assert "2025-04: @_" in text and "t3    error" in text
