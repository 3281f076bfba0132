"""The document pages' conflict boxes: both readings until a decision, then the decision."""
from conftest import seed

from build_tools.normalization.conflicts import detect, resolve
from build_tools.outputs.site.document_pages import generate_pages


def _pages(decisions):
    checked = seed()
    conflicts = detect(checked.docs)
    assert list(resolve(conflicts, decisions)) == []
    return generate_pages(checked.corpus, checked.docs, checked.model, conflicts)[0]


def test_undecided_conflict_shows_both_readings_as_a_warning():
    page = _pages({})["documents/moi-letter-2552-08-06.md"]
    box = page.split('!!! warning no-search "ตัวเลขไม่ตรงกันระหว่างเอกสาร (เลขที่หนังสือ มท ๐๔๐๔.๒/๔๙๐๐) ยังไม่มีข้อยุติ"', 1)[1]
    assert "อ่านได้ว่า **มท ๐๔๐๔.๒/๔๙๐๐**" in box.split("\n\n    ระบบ", 1)[0]
    assert "อ่านได้ว่า **มท 0404.2 / 8900**" in box.split("\n\n    ระบบ", 1)[0]


def test_recorded_decision_replaces_the_warning_with_a_note():
    pages = _pages({"ref-moi-letter-2552-08-06": {"decision": "4900", "note": "ตรวจกับหนังสือฉบับจริง", "line": 6}})
    page = pages["documents/dla-letter-2552-08-20.md"]
    assert "เลขที่หนังสือ มท ๐๔๐๔.๒/๔๙๐๐) ยังไม่มีข้อยุติ" not in page
    assert '!!! note no-search "ข้อยุติเรื่องตัวเลข (เลขที่หนังสือ มท ๐๔๐๔.๒/๔๙๐๐)"' in page
    assert "ที่ถูกต้องคือ **4900** หลักฐาน: ตรวจกับหนังสือฉบับจริง" in page
    # the other conflict is still undecided
    assert "(จำนวนอำเภอ) ยังไม่มีข้อยุติ" in pages["documents/mou-annex-2552.md"]


def test_a_count_many_letters_disagree_on_lists_a_few_readings_per_page():
    """Every page of a reading names each other value once and at most six other
    readings, then says how many more there are (the full list: `check`)."""
    from build_tools.normalization.conflicts import Reading
    from build_tools.outputs.site.conflict_notes import MAX_OTHER_READINGS, ReadingsView

    readings = [Reading(f"d{i}", 10, "๘๘๘ อำเภอ" if i % 2 else "๘๗๗ อำเภอ", "") for i in range(40)]
    readings.append(Reading("d99", 10, "๘๗๖ อำเภอ", ""))
    shown, hidden = ReadingsView(readings).show("d5")
    assert [r.doc_id for r in shown if r.doc_id == "d5"] == ["d5"]
    others = [r for r in shown if r.doc_id != "d5"]
    assert len(others) == MAX_OTHER_READINGS and hidden == 40 - MAX_OTHER_READINGS
    assert {r.value for r in others} == {"๘๘๘ อำเภอ", "๘๗๗ อำเภอ", "๘๗๖ อำเภอ"}
    assert shown == [r for r in readings if r in shown]  # original order kept
    assert ReadingsView(readings[:3]).show("d0") == (readings[:3], 0)


def _readings_to_show_reference(readings, doc_id):
    """The plain definition (a scan of every reading), which ReadingsView must match."""
    from build_tools.common.thai import fold_number as fold
    from build_tools.outputs.site.conflict_notes import MAX_OTHER_READINGS

    others = [r for r in readings if r.doc_id != doc_id]
    if len(others) <= MAX_OTHER_READINGS:
        return list(readings), 0
    seen, first, rest = set(), [], []
    for r in others:
        (rest if fold(r.value) in seen else first).append(r)
        seen.add(fold(r.value))
    keep = {id(r) for r in (first + rest)[:MAX_OTHER_READINGS]}
    return [r for r in readings if r.doc_id == doc_id or id(r) in keep], len(others) - len(keep)


def test_readings_view_matches_the_plain_definition():
    import random

    from build_tools.normalization.conflicts import Reading
    from build_tools.outputs.site.conflict_notes import ReadingsView

    rng = random.Random(5)
    for case in range(300):
        docs, values = rng.randint(1, 12), rng.randint(1, 9)
        readings = [Reading(f"d{rng.randrange(docs)}", rng.randint(1, 50), f"{rng.randrange(values)} หมู่บ้าน", "")
                    for _ in range(rng.randint(1, 40))]
        view = ReadingsView(readings)  # one view for every document, as a build uses it
        for d in sorted({r.doc_id for r in readings}) + ["not-a-reader"]:
            assert view.show(d) == _readings_to_show_reference(readings, d), (case, d)
