"""The Article is declared once (archive.record): the table, the export, the Parquet types and the column
descriptions all come from that declaration, and nothing else in the code lists its fields."""

from __future__ import annotations

import ast
import re
from dataclasses import fields

import pyarrow as pa
import yaml

from archive.export import COLUMNS, FIELDS, parquet_type
from archive.metadata import column_descriptions
from archive.record import Article, Stored
from archive.schema import TABLES
from tests.conftest import ROOT

ARTICLE_FIELDS = {f.name for f in fields(Article)}


def test_every_field_is_described() -> None:
    for f in fields(Article) + fields(Stored):
        assert len(f.metadata.get("doc", "")) > 10, f.name


def test_the_table_the_export_and_datasette_follow_the_declaration() -> None:
    article_then_archive = [f.name for f in fields(Article)]
    assert list(TABLES["articles"])[1:len(article_then_archive) + 1] == article_then_archive
    assert FIELDS[1:len(article_then_archive) + 1] == tuple(article_then_archive)
    described = column_descriptions()["articles"]
    assert set(described) == set(TABLES["articles"])
    assert described["published_at"] == Article.__dataclass_fields__["published_at"].metadata["doc"]


def test_parquet_types_come_from_the_field_types() -> None:
    types = {c.name: parquet_type(c) for c in COLUMNS}
    assert types["word_count"] == pa.int64() and types["title"] == pa.string()
    assert types["tags"] == pa.list_(pa.string())
    assert types["images"] == pa.list_(pa.struct([("url", pa.string()), ("caption", pa.string())]))


def _listed_by_hand(tree: ast.AST) -> list[int]:
    """Lines of literal collections (or SQL column lists) naming eight or more Article fields: a list of the fields,
    not the few columns one query or one check needs."""
    lines = []
    for node in ast.walk(tree):
        items = []
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        names = {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "," in node.value:
            names = set(re.findall(r"\b\w+\b", node.value)) if re.search(r"(?i)\b(select|insert)\b", node.value) else set()
        if len(names & ARTICLE_FIELDS) >= 8:
            lines.append(node.lineno)
    return lines


def test_nothing_else_lists_the_fields_by_hand() -> None:
    found = {}
    for path in sorted(p for d in ("crawler", "archive", "bench", "tests") for p in (ROOT / d).rglob("*.py")):
        if path.name in ("record.py",) or path == ROOT / "tests" / "test_record.py":
            continue
        lines = _listed_by_hand(ast.parse(path.read_text("utf-8")))
        if lines:
            found[str(path.relative_to(ROOT))] = lines
    assert found == {}
    metadata = yaml.safe_load((ROOT / "archive" / "metadata.yml").read_text("utf-8"))
    tables = metadata["databases"]["archive"]["tables"]
    assert not any("columns" in table for table in tables.values())


def test_the_archive_imports_nothing_from_the_crawler() -> None:
    for path in (ROOT / "archive").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("crawler"), (path, node.module)
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("crawler") for a in node.names), path
