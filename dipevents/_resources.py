"""Reading the reference tables shipped in ``dipevents/data``.

Tables are read with :mod:`importlib.resources` so they work from a wheel, a zip or a
source checkout alike, and each is parsed once, on first use, so ``import dipevents``
stays cheap.
"""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """Return the text of ``dipevents/data/<name>`` (UTF-8)."""
    return resources.files("dipevents").joinpath("data", name).read_text(encoding="utf-8")


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged CSV file as dicts; lines starting with ``#`` are comments."""
    lines = [line for line in read_text(name).splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def read_json(name: str) -> Any:
    """Parsed content of a packaged JSON file."""
    return json.loads(read_text(name))
