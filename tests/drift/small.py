"""A small, hand-countable factcheck project written into tmp_path by the drift tests.

orders.csv: 12 orders, North 5 (amounts 10..50), South 4 (amounts 100, 200, 300, 400),
East 3. weather.csv: 6 days, 2 of them rainy. regions.csv: used by no claim.
"""

from __future__ import annotations

from pathlib import Path

ORDERS = """order_id,region,amount
1,North,10
2,North,20
3,North,30
4,North,40
5,North,50
6,South,100
7,South,200
8,South,300
9,South,400
10,East,5
11,East,6
12,East,7
"""

WEATHER = """day,rain
2025-04-01,true
2025-04-02,false
2025-04-03,false
2025-04-04,true
2025-04-05,false
2025-04-06,false
"""

REGIONS = """region,capital
North,Nord
South,Sud
East,Est
"""

CATALOG = """datasets:
  orders:
    path: orders.csv
    schema: orders
    provenance: {kind: synthetic, publisher: factcheck tests}
  weather:
    path: weather.csv
    schema: weather
    provenance: {kind: synthetic, publisher: factcheck tests}
  regions:
    path: regions.csv
    schema: regions
    provenance: {kind: synthetic, publisher: factcheck tests}
"""

SCHEMAS = {
    "orders": """schema_type: dataframe
version: 0.35.0
columns:
  order_id: {dtype: int64, nullable: false}
  region:
    dtype: str
    nullable: false
    checks:
      isin: [North, South, East]
  amount:
    dtype: int64
    nullable: false
    checks:
      greater_than_or_equal_to: 0
coerce: true
strict: true
""",
    "weather": """schema_type: dataframe
version: 0.35.0
columns:
  day: {dtype: str, nullable: false}
  rain: {dtype: bool, nullable: false}
coerce: true
strict: true
""",
    "regions": """schema_type: dataframe
version: 0.35.0
columns:
  region: {dtype: str, nullable: false}
  capital: {dtype: str, nullable: false}
coerce: true
strict: true
""",
}

CLAIMS = """source:
  title: A small shop's April
  publisher: Test Gazette
  published: 2025-05-01
claims:
  - id: orders_total
    quote: "the shop took 12 orders"
    claim: "12"
    metric: {dataset: orders}

  - id: north_orders
    quote: "5 orders came from the North"
    claim: "5"
    metric: {dataset: orders, where: "region = 'North'"}
    tags: [north]

  - id: south_amount
    quote: "the South spent 1,000"
    claim: "1,000"
    metric: {dataset: orders, aggregate: sum, column: amount, where: "region = 'South'"}

  - id: south_share
    quote: "the South spent about 1,000 in all"
    claim: about 1,000
    expr: south_amount

  - id: rainy_days
    quote: "it rained on 2 days"
    claim: "2"
    metric: {dataset: weather, where: "rain = true"}

  - id: max_order
    quote: "the largest order was 400"
    claim: "400"
    metric: {dataset: orders, aggregate: max, column: amount}
"""


def write_project(root: Path, *, claims: str = CLAIMS, pyproject: str | None = None) -> Path:
    (root / "claims").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "schemas").mkdir()
    (root / "claims/shop.yaml").write_text(claims)
    (root / "data/datasets.yaml").write_text(CATALOG)
    (root / "data/orders.csv").write_text(ORDERS)
    (root / "data/weather.csv").write_text(WEATHER)
    (root / "data/regions.csv").write_text(REGIONS)
    for name, text in SCHEMAS.items():
        (root / f"schemas/{name}.yaml").write_text(text)
    if pyproject is not None:
        (root / "pyproject.toml").write_text(pyproject)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
