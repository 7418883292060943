"""The news-text parser: articles to coded diplomatic events with evidence.

``parse_text`` codes a string, ``parse_file`` a ``.txt``, ``.html`` or ``.json`` file.
The modules, each with one job: ``api`` (``parse_text``: the arguments checked),
``sentences`` (split with offsets, page noise), ``actors`` (gazetteer, officials,
back-references), ``dates``, ``actions`` (trigger lexicon), ``coder`` (roles and events),
``files`` (reading documents).
"""

from __future__ import annotations

from dipevents.parsing.api import parse_text
from dipevents.parsing.files import parse_file

__all__ = ["parse_file", "parse_text"]
