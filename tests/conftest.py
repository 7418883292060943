"""Shared fixtures: where the repository and the third-party ``../shared`` folder are."""

from __future__ import annotations

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
