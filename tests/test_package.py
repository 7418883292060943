"""Package layout, public API, import cost and the generated schema files."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import dipevents
from dipevents import codegen
from tests.conftest import REPO, shared_path


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert dipevents.__all__ == sorted(dipevents.__all__)
    for name in dipevents.__all__:
        assert getattr(dipevents, name) is not None, name


def test_version_agrees_with_pyproject() -> None:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert meta["project"]["version"] == dipevents.__version__


def test_import_reads_no_reference_table() -> None:
    code = (
        "import sys, dipevents; "
        "heavy = [m for m in ('dipevents.countries', 'dipevents.schema', 'pyarrow', 'duckdb') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_py_typed_is_shipped() -> None:
    assert (REPO / "dipevents" / "py.typed").exists()


def test_generated_schema_files_are_current() -> None:
    stale = codegen.stale_files(REPO / "schema")
    assert stale == [], f"run `make schema`: stale files {stale}"


def test_drift_is_detected(tmp_path: Path) -> None:
    codegen.write(tmp_path)
    assert codegen.stale_files(tmp_path) == []
    path = tmp_path / "event.schema.json"
    path.write_text(path.read_text().replace('"actor"', '"actor_id"', 1))
    assert codegen.stale_files(tmp_path) == ["event.schema.json"]


def test_seeds_are_byte_identical_to_the_originals() -> None:
    originals = shared_path("seeds")
    ours = sorted(p.name for p in (REPO / "seeds").iterdir())
    assert ours == sorted(p.name for p in originals.iterdir())
    for name in ours:
        assert (REPO / "seeds" / name).read_bytes() == (originals / name).read_bytes(), name
