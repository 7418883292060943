"""The optional compiled build (``DIPEVENTS_COMPILE=1``, see setup.py) is the same parser: it is
built here from this checkout, and it must pass the parser's own tests and code every text the
project holds exactly as the pure-Python parser does.

mypyc turns type annotations into checks made at run time, so a wrong annotation that pure
Python ignores would raise in the compiled build: only running it shows that.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from dipevents.parsing import parse_text
from tests.conftest import REPO, SHARED

sys.path.insert(0, str(REPO / "_build"))
from compiled import build_compiled  # (the build script is no module of the package)

pytestmark = pytest.mark.slow

# What a subprocess prints: where the parser was loaded from, then the events of every text.
_PARSE_ALL = """
import json, sys
from pathlib import Path
import dipevents.parsing.coder as coder
from dipevents.parsing import parse_text
print(json.dumps(coder.__file__))
for path in sys.argv[1:]:
    events = parse_text(Path(path).read_text("utf-8"), doc_id=Path(path).stem, published=None)
    print(json.dumps([e.model_dump(mode="json") for e in events], sort_keys=True))
"""


def _texts() -> list[Path]:
    paths = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "fixtures").glob("unseen*/articles/*.txt"))
    devset = SHARED / "devset" / "articles"
    return paths + (sorted(devset.glob("*.txt")) if devset.is_dir() else [])


@pytest.fixture(scope="module")
def compiled() -> Path:
    compiler = sysconfig.get_config_var("CC") or "cc"
    if shutil.which(compiler.split()[0]) is None:
        pytest.skip(f"no C compiler ({compiler!r}) on this machine: the compiled build cannot be made")
    return build_compiled(REPO)


def _run_compiled(folder: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -P ARGS`` with the compiled build in ``folder`` first on the path (-P: not the
    working folder; conftest.py stops a pytest run that imports the pure package anyway)."""
    env = {**os.environ, "PYTHONPATH": str(folder), "DIPEVENTS_EXPECT_COMPILED": "1"}
    cmd = [sys.executable, "-P", *args]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=3600)


def test_the_compiled_build_codes_every_text_as_the_pure_parser(compiled: Path, tmp_path: Path) -> None:
    texts = _texts()
    # (a working folder without the package: only PYTHONPATH's is found)
    run = _run_compiled(compiled, ["-c", _PARSE_ALL, *map(str, texts)], tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.splitlines()
    loaded_from = Path(json.loads(lines[0]))
    assert loaded_from.suffix != ".py" and compiled in loaded_from.parents, loaded_from  # really compiled
    assert len(lines) == len(texts) + 1
    coded = 0
    for path, line in zip(texts, lines[1:], strict=True):
        pure = [
            e.model_dump(mode="json") for e in parse_text(path.read_text("utf-8"), doc_id=path.stem, published=None)
        ]
        assert json.loads(line) == json.loads(json.dumps(pure, sort_keys=True)), path
        coded += len(pure)
    assert coded > 500


def test_the_compiled_build_passes_the_parsers_tests(compiled: Path) -> None:
    # (--import-mode=append: the checkout's pure package must not come before the compiled one)
    tests = [
        "tests/test_parsing_phrasings.py",
        "tests/test_parser_accuracy.py",
        "tests/test_parsing_robustness.py",
        "tests/test_parsing_dates.py",
        "tests/test_parsing_sentences.py",
        "tests/test_parsing_files.py",
    ]
    run = _run_compiled(
        compiled, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--import-mode=append", *tests], REPO
    )
    assert run.returncode == 0, run.stdout[-5000:]
    assert " passed" in run.stdout.splitlines()[-1]


def test_the_build_asks_for_mypy_only_for_the_compiled_build(monkeypatch: pytest.MonkeyPatch) -> None:
    import dipevents_build

    monkeypatch.delenv("DIPEVENTS_COMPILE", raising=False)
    assert dipevents_build.MYPYC_REQUIREMENT not in dipevents_build.get_requires_for_build_wheel()
    assert dipevents_build.MYPYC_REQUIREMENT not in dipevents_build.get_requires_for_build_editable()
    monkeypatch.setenv("DIPEVENTS_COMPILE", "1")
    assert dipevents_build.MYPYC_REQUIREMENT in dipevents_build.get_requires_for_build_wheel()


def test_a_compiled_editable_install_is_refused_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    import dipevents_build

    monkeypatch.setenv("DIPEVENTS_COMPILE", "1")
    with pytest.raises(RuntimeError, match="not an editable install"):
        dipevents_build.get_requires_for_build_editable()
