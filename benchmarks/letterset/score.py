"""Scoring one ingested letter against its truth, field by field.

number     right as printed (Thai = Arabic digits, spacing ignored), or wrong but flagged
           with the right reading as the suggestion ("flagged" below)
date       the ISO date
issuer     the agency id, and the province / district for a provincial or district office
subject, addressee   the text, at most 10 % of its characters wrong (OCR damage inside a
           field that was found whole; the body CER measures the characters themselves)
references every printed reference found (number right or flagged, date right) and linked to
           the corpus document it cites (or to none when it is not in the corpus), no extra
enclosures every enclosure (title at most 15 % wrong, its count right), no extra
signatory  the name and the position, each at most 10 % wrong (none for หนังสือประทับตรา)
urgency    the speed class (or none)"""
from __future__ import annotations

import re

from pythainlp.benchmarks import character_error_rate

from build_tools.common.letter_numbers import canonical
from build_tools.common.thai import to_arabic_digits

FIELDS = ("number", "date", "issuer", "subject", "addressee", "references", "enclosures", "signatory", "urgency")
TEXT_CER = 0.10
TITLE_CER = 0.15


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u0e4d\u0e32", "\u0e33")).strip()


def cer(truth: str | None, got: str | None, spaces: bool = True) -> float:
    """Character error rate; without `spaces`, spaces do not count (a Thai line breaks
    where a space may or may not have been: no reading can know, so the body's CER is
    measured on its letters, marks, digits and punctuation)."""
    t, g = fold(truth), fold(got)
    if not spaces:
        t, g = t.replace(" ", ""), g.replace(" ", "")
    if not t:
        return 0.0 if not g else 1.0
    return character_error_rate(t, g)


def same_number(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and canonical(a) == canonical(b)


def number_ok(truth: dict, doc: dict) -> tuple[bool, bool]:
    """(right or flagged-right, right as read)."""
    if not truth["number"]:
        return doc.get("number") is None, doc.get("number") is None
    if same_number(truth["number"], doc.get("number")):
        return True, True
    flagged = any(same_number(truth["number"], f.get("suggestion")) for f in doc["flags"])
    return flagged, False


def issuer_ok(truth: dict, doc: dict) -> bool:
    place = doc.get("issuer_place") or {}
    if doc.get("issuer") != truth["issuer"]:
        return False
    if truth["issuer"] in ("province", "provincial-cd-office", "district", "district-cd-office"):
        return place.get("province") == truth["province"] and place.get("district") == truth["district"]
    return True


def references_ok(truth: dict, doc: dict) -> tuple[bool, int, int, int]:
    """(all right, printed, found, found and linked right)."""
    got = [r for r in doc["references"] if r.get("via") == "อ้างถึง"]
    found = linked = 0
    flags = doc["flags"]
    for t in truth["references"]:
        hit = next((r for r in got if (same_number(t["number"], r.get("number")) or any(
            same_number(t["number"], f.get("suggestion")) and f.get("wrong") == r.get("number") for f in flags))
                    and (r.get("date") == t["date"] or _flagged_date(t["date"], r.get("line"), flags))), None)
        if hit:
            found += 1
            linked += hit.get("id") == t["id"]
    n = len(truth["references"])
    return found == n == linked and len(got) == n, n, found, linked


def _flagged_date(iso: str, line: int | None, flags: list[dict]) -> bool:
    """A date_check flag on that line suggests the right date."""
    from build_tools.ingest.dates import first_date

    for f in flags:
        if f["kind"] == "date_check" and f.get("line") == line and f.get("suggestion"):
            d = first_date(f["suggestion"])
            if d and d.iso == iso:
                return True
    return False


def enclosures_ok(truth: dict, doc: dict) -> bool:
    got = doc["enclosures"]
    if len(got) != len(truth["enclosures"]):
        return False
    return all(cer(t["title"], g.get("title")) <= TITLE_CER
               and to_arabic_digits(fold(t["count"])) == to_arabic_digits(fold(g.get("count")))
               for t, g in zip(truth["enclosures"], got))


def signatory_ok(truth: dict, doc: dict) -> bool:
    t, g = truth["signatory"], doc.get("signatory")
    if t is None:
        return g is None
    return bool(g) and cer(t["name"], g.get("name")) <= TEXT_CER and cer(t["position"], g.get("position")) <= TEXT_CER


def score(truth: dict, doc: dict | None) -> dict:
    """Field -> right (bool); plus the reference counts and whether the number was right as read."""
    if doc is None:
        return {f: False for f in FIELDS} | {"refs": (len(truth["references"]), 0, 0), "number_exact": False,
                                             "flagged_right": (False, False), "misses": {}}
    num, exact = number_ok(truth, doc)
    date = doc.get("date") == truth["date"]
    refs, n, found, linked = references_ok(truth, doc)
    out = {
        "number": num, "date": date, "issuer": issuer_ok(truth, doc),
        "subject": (cer(truth["subject"], doc.get("subject")) <= TEXT_CER if truth["subject"]
                    else not doc.get("subject")),
        "addressee": (cer(truth["addressee"], doc.get("addressee")) <= TEXT_CER if truth["addressee"]
                      else not doc.get("addressee")),
        "references": refs, "enclosures": enclosures_ok(truth, doc), "signatory": signatory_ok(truth, doc),
        "urgency": doc.get("urgency") == truth["urgency"],
    }
    out["refs"] = (n, found, linked)
    out["number_exact"] = exact
    out["flagged_right"] = flagged_right(doc, exact, date)
    out["misses"] = misses(truth, doc, num, date)
    out["misread"] = misread_parts(truth, doc)
    return out


def misread_parts(truth: dict, doc: dict) -> dict:
    """Which parts of a number or date read wrong the reading got wrong: a number's office
    (its letters and the digits before the /) and its serial (after it), or an order's
    serial and year (๒๒๖/๒๕๕๓); a date's day, month and year.  A misread serial or day is
    beyond any reading of the text alone: nothing else in a new letter repeats it (only
    its scan, or a letter citing it, can)."""
    out = {}
    want, got = truth["number"], doc.get("number")
    if want and got and not same_number(want, got):
        (w_head, _, w_tail), (g_head, _, g_tail) = (canonical(x).partition("/") for x in (want, got))
        # มท 0410.2/ว 3272 is office/serial; an order's or announcement's 226/2553 is serial/year
        names = ("office", "serial") if re.match(r"[ก-ฮ]", canonical(want)) else ("serial", "year")
        out["number"] = ", ".join(part for part, wrong in ((names[0], w_head != g_head),
                                                           (names[1], w_tail != g_tail)) if wrong)
    want, got = truth["date"], doc.get("date")
    if want and got and want != got:
        out["date"] = ", ".join(part for part, a, b in zip(("year", "month", "day"), want.split("-"), got.split("-"))
                                if a != b)
    return out


def misses(truth: dict, doc: dict, number_ok_: bool, date_ok: bool) -> dict:
    """How a wrong number / date was wrong: not read at all, read wrong but flagged (no
    right suggestion), read wrong and not flagged.  Flagged: a check on the value, or a
    reading notice whose reading is the value (`ขก ๐๐๑ซ.๒/ว` read as `ขก ๐๐๑๗.๒/ว`: the
    notice's `wrong` is the text as OCR gave it, its suggestion the value stored)."""
    out = {}
    for field, ok, kinds, value in (("number", number_ok_, ("number_check", "number_reading"), doc.get("number")),
                                    ("date", date_ok, ("date_check", "date_reading"), doc.get("date_be"))):
        if ok or (field == "number" and not truth["number"]):
            continue
        same = same_number if field == "number" else (lambda a, b: a == b)
        flagged = any(f["kind"] in kinds and (same(f.get("wrong"), value) or f["kind"].endswith("_reading")
                                              and same(f.get("suggestion"), value)) for f in doc["flags"])
        out[field] = "not read" if value is None else ("flagged" if flagged else "not flagged")
    return out


def flagged_right(doc: dict, number_right: bool, date_right: bool) -> tuple[bool, bool]:
    """(the number, the date) read right and still flagged by a check (number_check /
    date_check on that reading): a flag a maintainer looks into for nothing."""
    flags = doc["flags"]
    number = number_right and doc.get("number") is not None and any(
        f["kind"] == "number_check" and same_number(f.get("wrong"), doc["number"]) for f in flags)
    date = date_right and any(f["kind"] == "date_check" and f.get("wrong") == doc.get("date_be") for f in flags)
    return number, date
