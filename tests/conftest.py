"""Shared fixtures: where the repository and the third-party ``../shared`` folder are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ``../shared``, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"third-party data {path} is absent (../shared is not beside this checkout)")
    return path


@pytest.fixture
def repo() -> Path:
    return REPO


def pytest_sessionstart(session: pytest.Session) -> None:
    # tests/test_compiled_build.py runs parser tests on the compiled build: make sure they did
    # not quietly import this checkout's pure-Python package instead.
    if os.environ.get("DIPEVENTS_EXPECT_COMPILED") == "1":
        import dipevents.parsing.coder as coder

        if coder.__file__ is None or coder.__file__.endswith(".py"):
            pytest.exit(f"DIPEVENTS_EXPECT_COMPILED=1, but the parser was imported from {coder.__file__}", returncode=3)
