"""The ingest evaluation's scoring of numbers and dates (benchmarks/letterset/score.py):
a wrong number counts only when flagged with the right reading; a check that fires on a
value read right is counted apart (a flag a maintainer looks into for nothing); a wrong
value is told apart by how it was wrong."""
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from letterset.score import flagged_right, misread_parts, misses, number_ok  # noqa: E402

TRUTH = {"number": "มท ๐๔๑๐.๒/ว ๓๒๗๒", "date": "2009-11-27"}


def _doc(number, date_be, *flags):
    return {"number": number, "date_be": date_be,
            "flags": [{"kind": k, "wrong": w, "suggestion": s} for k, w, s in flags]}


@pytest.mark.parametrize("doc, right, exact", [
    (_doc("มท 0410.2/ว 3272", None), True, True),  # Thai and Arabic digits alike
    (_doc("มท ๐๕๑๐.๒/ว ๓๒๗๒", None, ("number_check", "มท ๐๕๑๐.๒/ว ๓๒๗๒", "มท ๐๔๑๐.๒/ว ๓๒๗๒")), True, False),
    (_doc("มท ๐๕๑๐.๒/ว ๓๒๓๒", None, ("number_check", "มท ๐๕๑๐.๒/ว ๓๒๓๒", "มท ๐๔๑๐.๒/ว ๓๒๓๒")), False, False),
    (_doc(None, None), False, False),
])
def test_a_wrong_number_counts_only_with_the_right_reading_suggested(doc, right, exact):
    assert number_ok(TRUTH, doc) == (right, exact)


def test_checks_that_fire_on_right_values_are_counted():
    doc = _doc("มท ๐๔๑๐.๒/ว ๓๒๗๒", "๒๗ พฤศจิกายน ๒๕๕๒", ("number_check", "มท ๐๔๑๐.๒/ว ๓๒๗๒", None),
               ("date_check", "๒๗ พฤศจิกายน ๒๕๕๒", None))
    assert flagged_right(doc, True, True) == (True, True)
    assert flagged_right(doc, False, False) == (False, False)  # a wrong value flagged is no false alarm
    assert flagged_right(_doc("มท ๐๔๑๐.๒/ว ๓๒๗๒", "x", ("number_reading", "มท ๐๔๑๐.๒/) ๓๒๗๒", None)),
                         True, True) == (False, False)  # a reading notice is not a check


def test_a_wrong_value_is_told_apart_by_how_it_was_wrong():
    doc = _doc("มท ๐๕๑๐.๒/ว ๓๒๓๒", "๒๓ พฤศจิกายน ๒๕๕๒", ("number_check", "มท ๐๕๑๐.๒/ว ๓๒๓๒", "มท ๐๔๑๐.๒/ว ๓๒๓๒"))
    assert misses(TRUTH, doc, False, False) == {"number": "flagged", "date": "not flagged"}
    assert misses(TRUTH, _doc(None, None), False, False) == {"number": "not read", "date": "not read"}
    assert misses({"number": None}, _doc(None, "x"), True, True) == {}


def test_a_value_read_through_damage_and_noticed_counts_as_flagged():
    read = _doc("มท ๐๔๑๐.๒/ว ๓๒๗๓", "๒๗ พฤศจิกายน ๒๕๕๒",
                ("number_reading", "มท ๐๔ซ๐.๒/ว ๓๒๗๓", "มท ๐๔๑๐.๒/ว ๓๒๗๓"),
                ("date_reading", "ไซ พฤศจิกายน ๒๕๕๒", "๒๗ พฤศจิกายน ๒๕๕๒"))
    assert misses(TRUTH, read, False, False) == {"number": "flagged", "date": "flagged"}
    other = _doc("มท ๐๔๑๐.๒/ว ๓๒๗๓", "๒๗ พฤศจิกายน ๒๕๕๒",
                 ("number_reading", "มท ๐๔ซ๐.๒/ว ๓๒๗๓", "มท ๐๔๑๐.๒/ว ๓๒๗๒"))  # a notice of another reading
    assert misses(TRUTH, other, False, False) == {"number": "not flagged", "date": "not flagged"}


@pytest.mark.parametrize("number, date, parts", [
    ("มท ๐๕๑๐.๒/ว ๓๒๗๒", "2009-11-27", {"number": "office"}),
    ("มท 0410.2/ว 3232", "2009-11-23", {"number": "serial", "date": "day"}),
    ("มท ๐๕๑๐.๒/ว ๓๒๓๒", "2010-01-27", {"number": "office, serial", "date": "year, month"}),
    ("มท ๐๔๑๐.๒/ว ๓๒๗๒", "2009-11-27", {}),  # right as read (Thai and Arabic digits alike)
    (None, None, {}),  # not read: counted by misses(), not here
])
def test_a_value_read_wrong_is_told_apart_by_the_part_read_wrong(number, date, parts):
    assert misread_parts(TRUTH, {"number": number, "date": date, "flags": []}) == parts


def test_an_orders_number_is_serial_and_year():
    truth = {"number": "๒๒๖/๒๕๕๓", "date": None}
    assert misread_parts(truth, {"number": "๒๒๒๒๑/๒๕๕๓", "date": None}) == {"number": "serial"}
    assert misread_parts(truth, {"number": "๒๒๖/๒๕๕๒", "date": None}) == {"number": "year"}


def test_the_ocr_caches_key_holds_every_module_the_page_reading_imports():
    # (a hand-kept list once left picture_blocks.py out: a change to it reused stale readings)
    import ast

    from ingest_eval import ocr_code

    files = set(ocr_code())
    assert {"build_tools/ingest/ocr.py", "build_tools/ingest/inputs.py", "build_tools/ingest/picture_blocks.py",
            "build_tools/ingest/tesseract.py", "build_tools/normalization/fuzzy.py"} <= files
    for path in files - {"build_tools/ingest/inputs.py"}:
        for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("build_tools."):
                module = (ROOT / node.module.replace(".", "/")).with_suffix(".py")
                assert not module.exists() or str(module.relative_to(ROOT)) in files, (path, node.module)


def test_letter_confusions_count_a_letter_read_as_another_not_one_lost_or_added():
    from ocr_confusions import substitutions

    # น read as ห, ภ as ก; the lost ่ and the added space are no letter pair
    assert substitutions("นายอำเภอ ท่าบ่อ", "หายอำเกอ ทาบ ่อ") == {("น", "ห"): 1, ("ภ", "ก"): 1}
