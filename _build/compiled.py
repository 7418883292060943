"""Build the compiled parser (``DIPEVENTS_COMPILE=1``, see setup.py) into a folder that can go on
``PYTHONPATH``, for the test that checks it and the benchmark that times it.

    python _build/compiled.py        # builds (or finds) it and prints the folder

The folder is ``build/compiled-<digest>/``, the digest taken over everything the wheel is made
from, so an edit of the package makes a new build and an unchanged tree reuses the last one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def source_digest(repo: Path = REPO) -> str:
    """A digest of the files the wheel is built from (the package with its data, and the build's
    own files)."""
    h = hashlib.sha256()
    files = [p for p in sorted((repo / "dipevents").rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    files += [repo / "setup.py", repo / "pyproject.toml", repo / "_build" / "dipevents_build.py"]
    for path in files:
        if path.suffix in (".so", ".pyd", ".pyc"):
            continue
        h.update(str(path.relative_to(repo)).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def build_compiled(repo: Path = REPO, python: str = sys.executable) -> Path:
    """The folder holding the compiled build of ``repo``'s package, built first if needed.

    Builds the wheel with ``python``'s own pip, setuptools and mypy (no build isolation: the
    ``dev`` extra has them) and unpacks it. Raises RuntimeError with the build's output when the
    build fails.
    """
    out = repo / "build" / f"compiled-{source_digest(repo)[:16]}"
    done = out / ".complete"
    if done.exists():
        return out
    env = {**os.environ, "DIPEVENTS_COMPILE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [python, "-m", "pip", "wheel", str(repo), "--no-deps", "--no-build-isolation", "-w", tmp]
        run = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
        wheels = sorted(Path(tmp).glob("dipevents-*.whl"))
        if run.returncode != 0 or not wheels:
            raise RuntimeError(
                f"the compiled build failed ({' '.join(cmd)}):\n{run.stdout[-4000:]}{run.stderr[-4000:]}"
            )
        shutil.rmtree(out, ignore_errors=True)
        with zipfile.ZipFile(wheels[0]) as wheel:
            wheel.extractall(out)
    done.write_text(wheels[0].name + "\n", encoding="utf-8")
    for old in (repo / "build").glob("compiled-*"):
        if old != out:
            shutil.rmtree(old, ignore_errors=True)  # (builds of earlier trees: never used again)
    return out


if __name__ == "__main__":
    print(build_compiled())
