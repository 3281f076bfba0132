"""corpus/letter_codes.yaml: the codes that open an official letter's number (ministries,
provinces, offices, associations), with their sources.  Validated here, used by ingest to
name the issuer of a letter from its number."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import geothai

from build_tools.common.problems import Problem
from build_tools.common.yamlio import load_data_file

REL = "corpus/letter_codes.yaml"
CODE_RE = re.compile(r"^[ก-ฮ]{2}$")
PREFIX_RE = re.compile(r"^([ก-ฮ]{2})(?: ([0-9]{2,4}))?$")
SECTIONS = ("ministries", "offices", "provincial_offices", "associations", "provinces")
KNOWN_KEYS = {"source", "buildings", *SECTIONS}
ENTRY_KEYS = {"code", "prefix", "digits", "name", "agency", "verified", "source", "note"}


@dataclass
class LetterCodes:
    ministries: dict[str, dict] = field(default_factory=dict)  # code -> entry
    provinces: dict[str, str] = field(default_factory=dict)  # code -> province name
    offices: dict[str, dict] = field(default_factory=dict)  # "มท 08" / "ยธ" -> entry
    provincial_offices: dict[str, dict] = field(default_factory=dict)  # "0017" -> entry
    associations: dict[str, dict] = field(default_factory=dict)  # "สอบต." -> entry
    buildings: list[str] = field(default_factory=list)
    source: str = ""

    def letters(self) -> frozenset[str]:
        """Every code's letters as a letter prints them (มท, ขก, ยธ; สอบต without its dot),
        with Bangkok's general abbreviation (กทม, in addresses; its numbers use กท)."""
        offices = {key.split()[0] for key in self.offices}
        return frozenset({*self.ministries, *self.provinces, *offices,
                          *(key.rstrip(".") for key in self.associations), "กทม"})


def _entries(data, section: str) -> Iterator[tuple[dict | None, Problem | None]]:
    items = data.get(section) or []
    if not isinstance(items, list):
        yield None, Problem(REL, data.line_of(section), f"{section} must be a list of entries")
        return
    for item in items:
        if not isinstance(item, dict) or not item.get("name"):
            yield None, Problem(REL, getattr(item, "line", data.line_of(section)),
                                f"each entry of {section} needs at least 'name'")
            continue
        unknown = sorted(set(item) - ENTRY_KEYS)
        if unknown:
            yield None, Problem(REL, item.line_of(unknown[0]), f"unknown field '{unknown[0]}'")
            continue
        yield item, None


def _key(section: str, item: dict) -> tuple[str | None, str]:
    """The entry's key and what is wrong with it ('' when nothing)."""
    if section in ("ministries", "provinces"):
        code = str(item.get("code", ""))
        return code, "" if CODE_RE.match(code) else f"code '{code}' must be two Thai letters"
    if section == "offices":
        prefix = str(item.get("prefix", ""))
        return prefix, "" if PREFIX_RE.match(prefix) else f"prefix '{prefix}' must be a code and digits, e.g. มท 08"
    if section == "provincial_offices":
        digits = str(item.get("digits", ""))
        return digits, "" if re.fullmatch(r"[0-9]{4}", digits) else f"digits '{digits}' must be four digits"
    code = str(item.get("code", ""))
    return code, "" if code else "needs 'code'"


def _check_entry(section: str, item: dict, agencies, provinces: set[str]) -> Iterator[Problem]:
    if item.get("agency") and item["agency"] not in agencies:
        yield Problem(REL, item.line_of("agency"),
                      f"agency '{item['agency']}' is not an agency id in corpus/agencies.yaml")
    if section == "provinces" and item["name"] not in provinces:
        yield Problem(REL, item.line_of("name"), f"'{item['name']}' is not a province in the gazetteer (geothai)")
    if "verified" in item and not isinstance(item["verified"], bool):
        yield Problem(REL, item.line_of("verified"), "verified must be true or false")


def load_letter_codes(corpus_dir: Path, agencies, out: LetterCodes) -> Iterator[Problem]:
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, "letter_codes.yaml", dict, "map sections (ministries, provinces, ...) to lists",
                          problems)
    yield from problems
    if data is None:
        return
    for key in data:
        if key not in KNOWN_KEYS:
            yield Problem(REL, data.line_of(key), f"unknown section '{key}' (known: {', '.join(sorted(KNOWN_KEYS))})")
    gazetteer = {p.name_th for p in geothai.provinces()}
    seen: dict[str, int] = {}
    for section in SECTIONS:
        for item, problem in _entries(data, section):
            if problem:
                yield problem
                continue
            key, wrong = _key(section, item)
            if wrong:
                yield Problem(REL, item.line, wrong)
                continue
            bad = list(_check_entry(section, item, agencies, gazetteer))
            yield from bad
            where = section if section in ("offices", "provincial_offices") else "code"
            if (where, key) in seen:
                yield Problem(REL, item.line, f"'{key}' is listed twice (also line {seen[(where, key)]})")
                continue
            seen[(where, key)] = item.line
            if not bad:
                _store(out, section, key, item)
    yield from _check_complete(out, gazetteer)
    out.buildings = [str(b) for b in data.get("buildings") or []]
    out.source = str(data.get("source") or "")


def _store(out: LetterCodes, section: str, key: str, item: dict) -> None:
    if section == "provinces":
        out.provinces[key] = item["name"]
    else:
        getattr(out, section)[key] = dict(item)


def _check_complete(out: LetterCodes, gazetteer: set[str]) -> Iterator[Problem]:
    if not out.provinces:
        return
    missing = sorted(gazetteer - set(out.provinces.values()))
    if missing:
        yield Problem(REL, 1, f"provinces without a code: {', '.join(missing)}")
    both = sorted(set(out.provinces) & set(out.ministries))
    if both:
        yield Problem(REL, 1, f"codes used for both a ministry and a province: {', '.join(both)}")
