"""The analyzer's rules as data for the browser (written into the site index's meta.json
at build time), so docs/javascripts/search-th.js holds no second copy of them:

- pieces: how a query word is split before it is cut into terms (a dotted Thai
  abbreviation, a Thai run, a Latin word or number with its inner dots), from the
  character classes of build_tools.analysis.runs;
- tcc: PyThaiNLP's Thai character-cluster rules (the only places a Thai word may be
  cut; build_tools.analysis.segmenter.clusters uses the same), as one regular expression;
- digits: Thai digits in order (๐ = 0);
- expansions / fixes: another name -> its canonical term, an OCR misreading -> the
  corrected form's terms (the analyzer's synonyms and corrections)."""
from __future__ import annotations

from build_tools.analysis.analyzer import ThaiAnalyzer
from build_tools.analysis.runs import ABBR_LETTERS, THAI_LETTERS, WORD_CHARS
from build_tools.common.thai import THAI_DIGITS


def tcc_pattern() -> str:
    """PyThaiNLP's cluster rules (pythainlp.tokenize.tcc, which `clusters` applies)."""
    from pythainlp.tokenize import tcc

    return tcc._PAT_TCC.pattern  # its one compiled rule set; checked in the browser test


def browser_tables(analyzer: ThaiAnalyzer) -> dict:
    abbr = rf"((?:[{ABBR_LETTERS}]{{1,4}}\.)(?:[{ABBR_LETTERS}]{{1,3}}\.)*)"
    pieces = abbr + rf"|[{THAI_LETTERS}]+|[{WORD_CHARS}]+(?:\.[{WORD_CHARS}]+)*"
    return {
        "pieces": pieces,
        "tcc": tcc_pattern(),
        "digits": THAI_DIGITS,
        "expansions": {k: list(v) for k, v in analyzer.expansions.items()},
        "fixes": analyzer.fixes,
    }
