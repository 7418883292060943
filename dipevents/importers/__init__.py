"""Importers: GDELT, ICEWS and PLOVER records into the one dipevents event schema.

``read_*`` stream Arrow tables in the Event schema without a store; ``import_*`` put them
into a store (dedup, mentions, rejects) and return an :class:`ImportReport` in which every
row read is imported, unmapped by reason, or rejected. See ``docs/importers.md``.
"""

from __future__ import annotations

from dipevents.importers.common import REASONS, ImportBatch, ImportReport
from dipevents.importers.gdelt import iter_gdelt, read_gdelt
from dipevents.importers.icews import iter_icews, read_icews
from dipevents.importers.plover import iter_plover, read_plover
from dipevents.importers.run import import_gdelt, import_icews, import_plover

__all__ = [
    "REASONS",
    "ImportBatch",
    "ImportReport",
    "import_gdelt",
    "import_icews",
    "import_plover",
    "iter_gdelt",
    "iter_icews",
    "iter_plover",
    "read_gdelt",
    "read_icews",
    "read_plover",
]
