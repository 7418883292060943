"""Only for the optional compiled build: ``DIPEVENTS_COMPILE=1 pip install .`` compiles the text
parser's modules with mypyc (the same source, as C extensions: about 1.5 times as fast; see
docs/parser.md, "A compiled build"). Without it, the package is pure Python, as pyproject.toml
describes it."""

from __future__ import annotations

import os

from setuptools import setup

# The modules of the parser's hot loop. files.py (reading files) and __init__.py stay Python.
PARSER_MODULES = [
    "dipevents/parsing/_trie.py",
    "dipevents/parsing/_events.py",
    "dipevents/parsing/actions.py",
    "dipevents/parsing/actors.py",
    "dipevents/parsing/coder.py",
    "dipevents/parsing/dates.py",
    "dipevents/parsing/organisations.py",
    "dipevents/parsing/sentences.py",
]

ext_modules = []
if os.environ.get("DIPEVENTS_COMPILE", "").strip() == "1":
    from mypyc.build import mypycify

    ext_modules = mypycify(
        ["--ignore-missing-imports", "--follow-imports=silent", *PARSER_MODULES],
        opt_level="3",
        group_name="dipevents_parsing",
    )

setup(ext_modules=ext_modules)
