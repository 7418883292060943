"""The build backend: setuptools', plus mypy in the build environment when the parser is to be
compiled (``DIPEVENTS_COMPILE=1``; see setup.py and docs/parser.md, "A compiled build").

setuptools cannot ask for a build requirement only on a condition, and mypy (which carries mypyc)
is a 15 MB download that the pure-Python install does not need.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 (every hook not wrapped below is setuptools')

# The mypy that compiles the parser: a release tested with it (tests/test_compiled_build.py).
MYPYC_REQUIREMENT = "mypy>=1.18,<3"


def _compiling() -> bool:
    return os.environ.get("DIPEVENTS_COMPILE", "").strip() == "1"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    requires = list(_setuptools.get_requires_for_build_wheel(config_settings))
    return [*requires, MYPYC_REQUIREMENT] if _compiling() else requires


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    if _compiling():
        # An editable install would put the compiled modules beside the sources, where they
        # would shadow every later edit of the .py files until rebuilt.
        raise RuntimeError(
            "DIPEVENTS_COMPILE=1 builds a wheel, not an editable install: use `pip install .` "
            "(without -e), or unset DIPEVENTS_COMPILE for `pip install -e .`"
        )
    return list(_setuptools.get_requires_for_build_editable(config_settings))
