"""The names the normalization chain may restore where OCR damaged them: the corpus's
known names (corpus/names.yaml, every category but people), the agencies' Thai names and
aliases, and the office names of corpus/letter_codes.yaml.  People's names never: a name
is printed as it is."""
from __future__ import annotations

import re

from build_tools.sources.corpus import Corpus

_THAI = re.compile("[\u0e01-\u0e4e]")


def restorable_names(corpus: Corpus) -> tuple[str, ...]:
    names = {n for category, ns in corpus.names.items() if category != "people" for n in ns}
    for a in corpus.agencies.values():
        names |= {n for n in [a.get("name_th"), *(a.get("aliases") or [])] if isinstance(n, str)}
    codes = corpus.letter_codes
    for section in (codes.ministries, codes.offices, codes.provincial_offices, codes.associations):
        names |= {e["name"] for e in section.values()}
    return tuple(sorted(n for n in names if _THAI.search(n)))
