"""Citations in the form Thai official letters quote a source in: the document (a letter
as หนังสือ<issuer> ที่ <number>, any other document by its title) with its Buddhist-era
date, the clause numbering as printed, and the permalink:

    รายละเอียดแนบท้ายบันทึกความร่วมมือ … ลงวันที่ ๑๒ มิถุนายน ๒๕๕๒ ข้อ ๓.๒.๓ (๑) documents/mou-annex-2552/#c3-2-3-1

`cite` is the one function that writes them: the pages' "อ้างอิง" buttons, the open data
and the command-line search hits all call it, so a citation reads the same everywhere.
The numbering is rebuilt from the printed labels of the clause and its parents (๓.๒ /
๓. / ๑) -> ๓.๒.๓ (๑)), never from our ids."""
from __future__ import annotations

from build_tools.common.thaidate import format_thai_date, to_thai_digits
from build_tools.knowledge.urls import doc_url


def document_reference(doc, agencies) -> str:
    """'หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.1/ว 1631 ลงวันที่ ๒๐ สิงหาคม ๒๕๕๒' for a
    letter; '<title> [ที่ <number>] ลงวันที่ <date>' for other documents.  Numbers stay as
    printed (Thai or Arabic digits); the date is written the way letters write it."""
    if doc.get("doc_type") == "letter" and doc.get("issuer") in agencies:
        head = "หนังสือ" + str(agencies[doc.get("issuer")].get("name_th"))
    else:
        head = " ".join(str(doc.get("title")).split())
    number = doc.get("number")
    if number and str(number) not in head:
        head += f" ที่ {number}"
    return f"{head} ลงวันที่ {format_thai_date(doc.date)}"


def _kind(label: str) -> str:
    """How a printed marker numbers: ๓. (dot), ๓.๒ (sub), ๑) (paren), ๑.๒) (subparen)."""
    if label.endswith(")"):
        return "subparen" if "." in label else "paren"
    return "sub" if "." in label.rstrip(".") else "dot"


_LAST_LABELS: list = [None, 0, {}]  # the blocks last asked about, their count, their labels


def _labels(blocks) -> dict[str, str]:
    """clause id -> printed marker; remembered for the last document asked about (its
    clauses are cited one after another: pages, open data)."""
    if _LAST_LABELS[0] is not blocks or _LAST_LABELS[1] != len(blocks):
        _LAST_LABELS[:] = [blocks, len(blocks), {b.clause: b.label for b in blocks if b.clause and b.label}]
    return _LAST_LABELS[2]


def clause_numbering(blocks, clause: str) -> str:
    """The numbering of a clause as an official letter cites it, from the printed markers
    of the clause and its parents: c3-2-3-1 of the MOU annex (๓.๒ / ๓. / ๑)) is
    '๓.๒.๓ (๑)', c3-2-1-1-2 (๓.๒ / ๑. / ๑) / ๑.๒)) is '๓.๒.๑ (๑.๒)'."""
    labels = _labels(blocks)
    parts = [p for p in clause[1:].split("-") if p != "b"]  # -b: a number printed twice
    chain: list[tuple[str, str]] = []  # (kind, number) from the clause up
    j = len(parts)
    while j > 0:
        label = labels.get("c" + "-".join(parts[:j])) or to_thai_digits(parts[j - 1]) + "."
        kind = _kind(label)
        number = label.rstrip(".)")
        chain.append((kind, number))
        parent = labels.get("c" + "-".join(parts[: j - 1])) if j > 1 else None
        # ๓.๒ carries its parent ๓; ๑.๒) carries the ๑) it is numbered under.
        covers_parent = kind == "sub" or (kind == "subparen" and parent is not None and _kind(parent) == "paren"
                                          and parent.rstrip(")") == number.split(".")[0])
        j -= 2 if covers_parent else 1
    out = ""
    for kind, number in reversed(chain):
        if kind in ("paren", "subparen"):
            out += f" ({number})"
        elif out and not out.endswith(")"):
            out += "." + number
        else:
            out += (" " if out else "") + number
    return out.strip()


def cite(corpus, nd, anchor: str | None = None, site_url: str = "") -> str:
    """The citation of a document (`anchor` None), one of its clauses (`c…`) or a paragraph
    (`l<raw line>`, cited by the document and its permalink alone).  `site_url` is the
    site's public address (urls.public_base()); without it the permalink is site-relative,
    as in the open data's `permalink` fields."""
    text = document_reference(nd.doc, corpus.agencies)
    if anchor and anchor.startswith("c"):
        text += " ข้อ " + clause_numbering(nd.blocks, anchor)
    return f"{text} {site_url}{doc_url(nd.id, anchor)}"
