"""data/datasets.yaml: every dataset, its file, its schema and its provenance."""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.load.keys import check_keys, text
from factcheck.load.paths import inside, path_problem
from factcheck.load.spec import (
    PROVENANCE_KINDS,
    DatabaseSpec,
    DatasetSpec,
    Provenance,
    Settings,
)
from factcheck.load.yamlsrc import Map, load_yaml
from factcheck.problems import Location, Problems

READERS = {".csv", ".parquet", ".xlsx", ".json", ".jsonl"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DATASET_KEYS = {"path", "database", "schema", "description", "provenance"}
_DATABASE_KEYS = {"url_env", "table", "query"}
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$")
_PROVENANCE_KEYS = {"kind", "publisher", "url", "retrieved", "license", "cites"}


def _inside(root: Path, path: Path) -> bool:
    return inside(root, path)


def load_catalog(root: Path, settings: Settings, problems: Problems) -> dict[str, DatasetSpec]:
    rel = f"{settings.data_dir}/datasets.yaml"
    tree = load_yaml(root / rel, rel, problems, settings.limits)
    if tree is None:
        return {}
    if not isinstance(tree, Map) or not check_keys(
        tree, {"datasets"}, {"datasets"}, problems, "the catalog"
    ):
        if not isinstance(tree, Map):
            problems.add(Location(rel, 1), "the catalog must be a mapping with 'datasets:'")
        return {}
    entries = tree["datasets"]
    if not isinstance(entries, Map):
        problems.add(tree.loc_of("datasets"), "'datasets' must map names to datasets")
        return {}
    out: dict[str, DatasetSpec] = {}
    for name, entry in entries.items():
        spec = _dataset(root, settings, name, entries.loc_of(name), entry, problems)
        if spec is not None:
            out[name] = spec
    return out


def _dataset(
    root: Path, settings: Settings, name: str, where: Location, entry: object, problems: Problems
) -> DatasetSpec | None:
    what = f"dataset '{name}'"
    if not _NAME.match(name):
        problems.add(where, "a dataset name must be a word (letters, digits, _)", name)
    if not isinstance(entry, Map):
        problems.add(where, f"{what} must be a mapping with path, schema, provenance")
        return None
    if not check_keys(entry, _DATASET_KEYS, set(), problems, what):
        return None
    if ("path" in entry) == ("database" in entry):
        problems.add(where, f"{what} needs either 'path' (a file) or 'database'", name)
        return None
    if "database" in entry:
        return _database_dataset(root, settings, name, where, entry, problems)
    path_text = text(entry, "path", problems, what)
    if path_text is None:
        return None
    data_dir = root / settings.data_dir
    path = data_dir / path_text
    rel_path = f"{settings.data_dir}/{path_text}"
    ok = True
    why = path_problem(path_text)
    if why is not None:
        problems.add(path_text.loc, why, str(path_text)[:80])
        ok = False
    elif Path(path_text).is_absolute() or not _inside(root, path):
        problems.add(path_text.loc, "data path leaves the project root", str(path_text))
        ok = False
    elif path.suffix.lower() not in READERS:
        problems.add(
            path_text.loc,
            "unknown data format (csv, parquet, xlsx, json, jsonl)",
            path.suffix or str(path_text),
        )
        ok = False
    elif not path.is_file():
        problems.add(path_text.loc, "data file not found", rel_path)
        ok = False

    return _described(root, settings, name, where, entry, problems, ok, path, rel_path)


def _described(
    root: Path,
    settings: Settings,
    name: str,
    where: Location,
    entry: Map,
    problems: Problems,
    ok: bool,
    path: Path | None,
    rel_path: str,
    database: DatabaseSpec | None = None,
) -> DatasetSpec | None:
    """The dataset with its schema, description and provenance (files and databases alike)."""
    what = f"dataset '{name}'"
    schema_name = text(entry, "schema", problems, what)
    schema_path = schema_rel = None
    if schema_name is not None:
        schema_path, schema_rel = _schema_file(root, settings, schema_name, problems)
        ok = ok and schema_path is not None

    provenance = None
    prov = entry.get("provenance")
    if prov is not None:
        provenance = _provenance(prov, entry.loc_of("provenance"), what, problems)
    if not ok:
        return None
    description = text(entry, "description", problems, what)
    return DatasetSpec(
        name=name,
        path=path,
        rel_path=rel_path,
        schema_name=str(schema_name) if schema_name else None,
        schema_path=schema_path,
        schema_rel=schema_rel,
        description=str(description) if description else None,
        provenance=provenance,
        loc=where,
        database=database,
    )


def _database_dataset(
    root: Path, settings: Settings, name: str, where: Location, entry: Map, problems: Problems
) -> DatasetSpec | None:
    """`database: {url_env, table | query}`: the URL is only ever named, never written."""
    what = f"database of dataset '{name}'"
    node = entry["database"]
    if not isinstance(node, Map):
        problems.add(entry.loc_of("database"), f"{what} must be a mapping: url_env, table or query")
        return None
    if not check_keys(node, _DATABASE_KEYS, {"url_env"}, problems, what):
        return None
    env = text(node, "url_env", problems, what)
    table = text(node, "table", problems, what)
    query = text(node, "query", problems, what)
    ok = env is not None
    if env is not None and not _ENV_NAME.match(env):
        # The offending word is not echoed: it may be a URL with a password in it.
        problems.add(
            env.loc, "url_env names an environment variable (not the URL itself)", "url_env"
        )
        ok = False
    if (table is None) == (query is None):
        problems.add(node.loc, f"{what} needs either 'table' or 'query'", name)
        ok = False
    elif table is not None and not _TABLE.match(table):
        problems.add(table.loc, "a table is a name or schema.name", table)
        ok = False
    elif query is not None and not _read_only(query):
        problems.add(query.loc, "a query is one read-only SELECT (or WITH ... SELECT)", query)
        ok = False
    if not ok or env is None:
        return None
    spec = DatabaseSpec(str(env), str(table) if table else None, str(query) if query else None)
    shown = f"${env}#{table if table is not None else 'query'}"  # the URL is read at run time
    return _described(root, settings, name, where, entry, problems, True, None, shown, spec)


def _read_only(query: str) -> bool:
    """One statement that starts with SELECT or WITH; the session is read-only as well,
    so this only makes a mistake visible early."""
    body = query.strip().rstrip(";").strip()
    return ";" not in body and body.split(None, 1)[0].lower() in ("select", "with")


def _schema_file(
    root: Path, settings: Settings, name: str, problems: Problems
) -> tuple[Path | None, str | None]:
    loc = getattr(name, "loc", Location(""))
    if not _NAME.match(name):
        problems.add(loc, "a schema is named by a word: schemas/NAME.yaml or schemas/NAME.py", name)
        return None, None
    for suffix in (".yaml", ".yml", ".py"):
        rel = f"{settings.schemas_dir}/{name}{suffix}"
        path = root / rel
        if not path.exists() and not path.is_symlink():
            continue
        if not _inside(root, path):
            problems.add(loc, f"schema file {rel} leads outside the project root", name)
        elif not path.is_file():
            problems.add(loc, f"schema file {rel} is not a regular file", name)
        elif suffix == ".py" and not settings.python_schemas:
            problems.add(
                loc,
                f"{rel} is Python code, refused under --no-python-schemas; "
                "write the schema as YAML (pandera's format) to check an untrusted project",
                name,
            )
        else:
            return path, rel
        return None, None
    problems.add(loc, f"schema file not found: {settings.schemas_dir}/{name}.yaml or .py", name)
    return None, None


def _provenance(node: object, where: Location, what: str, problems: Problems) -> Provenance | None:
    if not isinstance(node, Map):
        problems.add(where, f"provenance of {what} must be a mapping")
        return None
    if not check_keys(node, _PROVENANCE_KEYS, {"kind"}, problems, f"provenance of {what}"):
        return None
    kind = text(node, "kind", problems, "provenance")
    if kind is None or kind not in PROVENANCE_KINDS:
        problems.add(
            node.loc_of("kind"),
            "provenance kind must be one of " + ", ".join(PROVENANCE_KINDS),
            str(kind),
        )
        return None
    fields = {k: text(node, k, problems, "provenance") for k in _PROVENANCE_KEYS - {"kind"}}
    return Provenance(
        kind=str(kind), **{k: (str(v) if v is not None else None) for k, v in fields.items()}
    )
