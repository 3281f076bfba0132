"""OCR repair: the rules of each repair class, reviewed corrections as data (with exact
messages for bad entries), number conflicts, suggestions, the diff/normalize verbs."""
import hashlib
from pathlib import Path

import pytest
from conftest import ROOT, copy_corpus, run_cli, seed

from build_tools.normalization import lexicon
from build_tools.normalization.conflicts import detect
from build_tools.normalization.rules import Context, Line, normalize_text
from build_tools.normalization.suggest import edits, find_suggestions, known_edits, unknown_tokens
from build_tools.sources.corrections import load_corrections


def _corpus():
    return seed().corpus


def _docs():
    return {nd.id: nd for nd in seed().docs}


RAW = "corpus/raw/000_82af3cd14c1fd5a1.txt"


def _rules(text, ctx=None):
    out, ctx = normalize_text(text, ctx=ctx)
    return out, [c.rule for c in ctx.changes], ctx


# --- 1. Unicode -------------------------------------------------------------------

@pytest.mark.parametrize("raw, fixed, rule", [
    ("น\u0e4d\u0e49\u0e32", "น้ำ", "compose_sara_am"),
    ("น\u0e49\u0e4d\u0e32", "น้ำ", "compose_sara_am"),
    ("เเละ", "และ", "merge_doubled_vowels"),
    ("นายประ ะเสริฐ", "นายประเสริฐ", "drop_repeated_sara_a"),
    ("ท\u0e48\u0e35", "ที่", "order_tone_marks"),
    ("ต\u0e48\u0e48อ", "ต่อ", "drop_duplicate_marks"),
    ("ก\u200bข", "กข", "strip_invisible"),
])
def test_unicode_rules(raw, fixed, rule):
    out, rules, _ = _rules(raw)
    assert out == fixed and rules == [rule]


def test_nfc_never_nfkc_keeps_sara_am():
    assert _rules("ดำเนินการ")[0] == "ดำเนินการ"


# --- 2. Page furniture ------------------------------------------------------------

def test_receipt_stamps_move_to_front_matter():
    nd = _docs()["moi-letter-2552-08-06"]
    assert nd.ctx.extracted["receipt_stamps"] == [
        {"office": "สำนักพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "kind": "เลขรับ", "number": "3986",
         "date": "11 ส.ค. 2552", "raw_lines": [65, 66, 67, 68]},
        {"office": "กรมส่งเสริมการปกครองท้องถิ่น", "kind": "เลขที่", "number": "44404",
         "date": "11 ส.ค. 2552", "raw_lines": [77, 78, 79, 80]},
    ]
    assert "เลขรับ" not in nd.text and "receipt_stamps:" in nd.to_markdown()


def test_enclosure_table_debris_is_plain_lines():
    text = _docs()["moi-letter-2552-08-06"].text
    assert "|" not in text
    assert "สิ่งที่ส่งมาด้วย ๑. เอกสารโครงการพลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิ้ม\" จำนวน ๑ เล่ม" in text


def test_a_real_table_is_kept():
    table = "| ก | ข |\n| ค | ง |"
    assert _rules(table)[0] == table


# --- 4. Mixed script --------------------------------------------------------------

def test_devanagari_lookalike_repaired_when_it_makes_a_word():
    out, rules, ctx = _rules("โครงการยอदนิยม")
    assert out == "โครงการยอดนิยม" and rules == ["repair_mixed_script"]
    assert ctx.changes[0].reason == "Devanagari look-alike 'द' inside a Thai word"


def test_mixed_script_flagged_when_not_unambiguous():
    out, rules, ctx = _rules("การแก้ไขปัญหาคriminal ความยากจน\n\nยอदनียม\n\nwww.thailocaladmin.go.th ๖x๒ MOU ๔")
    assert rules == []
    assert [(f.line, f.message) for f in ctx.flags] == [
        (1, "Latin letters 'riminal' inside Thai text 'การแก้ไขปัญหาคriminal'; add a reviewed fix to corpus/corrections.yaml"),
        (3, "Devanagari letters 'दन' inside Thai text 'ยอदनียม'; add a reviewed fix to corpus/corrections.yaml"),
    ]


# --- 5. Word-level confusions: suggested, applied only from corrections.yaml -------

def test_suggestions_on_the_raw_scan_find_the_confusions():
    lines = [Line(t, (i,)) for i, t in [(150, "ความคิดที่แตกต่าง แดกแยก การแบ่งฝักแบ่งฝ่าย"),
                                        (152, "ยุทธศาสตร์ ๕ ร้วป้องกัน ที่กำหนด"),
                                        (156, "ความร่วมมือบูรณาการ คักยภาพ บทบาท"),
                                        (306, "และพัฒนาการอำเภอ ปริกษาหรือ ถึงข้อสรุป")]]
    names = tuple(n for ns in _corpus().names.values() for n in ns)  # รั้วป้องกัน is a known term
    found = [(s.line, s.wrong, s.right) for s in find_suggestions(lines, names)]
    assert found == [(150, "แดกแยก", "แตกแยก"), (152, "ร้วป้องกัน", "รั้วป้องกัน"),
                     (156, "คักย", "ศักย"), (306, "ปริกษา", "ปรึกษา")]


def test_suggestions_are_never_applied():
    out, rules, _ = _rules("ความคิดที่แตกต่าง แดกแยก")
    assert out == "ความคิดที่แตกต่าง แดกแยก" and rules == []


def test_normalized_seed_has_no_open_suggestions_or_unknown_words():
    names = tuple(n for ns in _corpus().names.values() for n in ns)
    for nd in _docs().values():
        assert find_suggestions(nd.lines, names) == [], nd.id
        assert unknown_tokens(nd.lines, names) == [], nd.id


WRONG_IN_SEED = ["ขอดนียม", "นายกองดีการ", "นายองค์การ", "แดกแยก", "คักยภาพ", "สันับสนุน", "ปริกษาหรือ",
                 "ร้วป้องกัน", "ปัญหาคความยากจน", "ปัญหาคาความยากจน", "ปัญหาเสพติด", "ถนนราชลิษา",
                 "ถนนอักษะญาติ", "รามาร์คาร์เด็นส์", "ยอदनียม", "criminal"]


@pytest.mark.parametrize("wrong", WRONG_IN_SEED)
def test_seed_corrections_applied(wrong):
    assert not any(wrong in nd.text for nd in _docs().values())


def test_correction_provenance_records_id_reason_and_raw_line():
    ch = [c for c in _docs()["moi-letter-2552-08-06"].ctx.changes if c.rule == "correction:moi-yodniyom"]
    assert [c.lines for c in ch] == [(103, 104, 105, 106, 107, 108), (110, 111, 112)]
    assert ch[0].reason.startswith("ย read as ข")


def test_numbers_and_names_untouched():
    text = _docs()["moi-letter-2552-08-06"].text
    assert "๘๗๗ อำเภอ" in text and "ที่ มท ๐๔๐๔.๒ / ๔๙๐๐" in text and "(นายวิชัย ศรีขวัญ)" in text
    assert "๘๘๘ อำเภอ" in _docs()["mou-annex-2552"].text
    assert "มท 0404.2 / 8900" in _docs()["dla-letter-2552-08-20"].text


def test_line_limited_correction_only_touches_its_line(tmp_path):
    (tmp_path / "corrections.yaml").write_text(
        "- {id: only-two, wrong: แดกแยก, right: แตกแยก, scope: doc-a, reason: test, line: 3}\n",
        encoding="utf-8")
    ctx = Context()
    assert list(load_corrections(tmp_path, {"doc-a": (1, 3)}, ctx.corrections)) == []
    out, _ = normalize_text("แดกแยก\n\nแดกแยก", ctx=ctx)
    assert out == "แดกแยก\n\nแตกแยก"


# --- corrections.yaml bad input: exact messages -------------------------------------

BAD_ENTRIES = """\
- id: annex-districts
  wrong: ๘๘๘ อำเภอ
  right: ๘๗๗ อำเภอ
  scope: mou-annex-2552
  reason: the MOI letter says ๘๗๗
- id: mou-taekyaek
  wrong: แดกแยก
  right: แตกแยก
  scope: mou-2552-6-12
  reason: duplicate and bad scope
- id: Bad_ID
  wrong: ก
  right: กก
  scope: corpus
  reason: x
- id: out-of-range
  wrong: คักยภาพ
  right: ศักยภาพ
  scope: mou-2552-06-12
  reason: line outside
  line: 300
- id: no-reason
  wrong: คักยภาพ
  right: ศักยภาพ
  scope: corpus
  linee: 3
"""


def test_bad_corrections_are_reported_with_file_and_line(tmp_path):
    corpus = copy_corpus(tmp_path)
    path = corpus / "corrections.yaml"
    base = path.read_text(encoding="utf-8")
    path.write_text(base + BAD_ENTRIES, encoding="utf-8")
    n = base.count("\n")
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().split("\n") == [
        f"corpus/corrections.yaml:{n + 3}: changes a number: numbers and reference numbers are never "
        "corrected; record a decision in corpus/conflicts.yaml instead",
        f"corpus/corrections.yaml:{n + 6}: duplicate correction id 'mou-taekyaek' (also at line 60)",
        f"corpus/corrections.yaml:{n + 9}: scope 'mou-2552-6-12' is neither 'corpus' nor a document id",
        f"corpus/corrections.yaml:{n + 11}: id 'Bad_ID' must be lowercase ASCII words joined by '-'",
        f"corpus/corrections.yaml:{n + 13}: 'right' contains 'wrong': applied again it would change the "
        "text again; make 'wrong' longer",
        f"corpus/corrections.yaml:{n + 21}: line 300 is outside document mou-2552-06-12 (raw lines 136-198)",
        f"corpus/corrections.yaml:{n + 22}: correction is missing required field 'reason' (text)",
        f"corpus/corrections.yaml:{n + 26}: unknown field 'linee'",
        "8 errors in the corpus; nothing was changed.",
    ]


@pytest.mark.parametrize("text, message", [
    ("- id: [x\n", "corpus/corrections.yaml:2: malformed YAML: expected ',' or ']', but got '<stream end>' "
                   "(while parsing a flow sequence at line 1)"),
    ("id: x\n", "corpus/corrections.yaml:1: must be a list of corrections"),
    ("- just text\n", "corpus/corrections.yaml:1: each correction must be a mapping with id, wrong, right, scope, reason"),
])
def test_malformed_corrections_file(tmp_path, text, message):
    corpus = copy_corpus(tmp_path)
    (corpus / "corrections.yaml").write_text(text, encoding="utf-8")
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1 and proc.stderr.split("\n")[0] == message


def test_bad_names_file(tmp_path):
    corpus = copy_corpus(tmp_path)
    (corpus / "names.yaml").write_text("roads:\n  - ถนนอัษฎางค์\n  - ถนนอัษฎางค์\nshops: [x]\n",
                                       encoding="utf-8")
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().split("\n")[:-1] == [
        "corpus/names.yaml:3: duplicate name 'ถนนอัษฎางค์' (also at line 2)",
        "corpus/names.yaml:4: unknown category 'shops' (use one of agencies, places, roads, hotels, people, positions, terms)",
    ]


# --- check warnings: per document, file:line, never an error -------------------------

def test_check_warns_of_conflicts_and_exits_zero():
    proc = run_cli("check")
    warnings = [ln for ln in proc.stdout.split("\n") if ": warning: " in ln]
    assert warnings == [
        f"{RAW}:16: warning: [dla-letter-2552-08-20] conflict ref-moi-letter-2552-08-06: readings disagree "
        "(moi-letter-2552-08-06: มท ๐๔๐๔.๒/๔๙๐๐; dla-letter-2552-08-20: มท 0404.2 / 8900); "
        "record the right one in corpus/conflicts.yaml",
        f"{RAW}:61: warning: [moi-letter-2552-08-06] conflict ref-moi-letter-2552-08-06: readings disagree "
        "(moi-letter-2552-08-06: มท ๐๔๐๔.๒/๔๙๐๐; dla-letter-2552-08-20: มท 0404.2 / 8900); "
        "record the right one in corpus/conflicts.yaml",
        f"{RAW}:103: warning: [moi-letter-2552-08-06] conflict count-districts: readings disagree "
        "(moi-letter-2552-08-06: ๘๗๗ อำเภอ; mou-annex-2552: ๘๘๘ อำเภอ); record the right one in corpus/conflicts.yaml",
        f"{RAW}:219: warning: [mou-annex-2552] conflict count-districts: readings disagree "
        "(moi-letter-2552-08-06: ๘๗๗ อำเภอ; mou-annex-2552: ๘๘๘ อำเภอ); record the right one in corpus/conflicts.yaml",
    ]


def _drop_correction(corpus: Path, cid: str):
    p = corpus / "corrections.yaml"
    blocks = p.read_text(encoding="utf-8").split("\n- id: ")
    p.write_text("\n- id: ".join(b for b in blocks if not b.startswith(cid + "\n")), encoding="utf-8")


def test_check_suggests_unapplied_confusions_and_mixed_script(tmp_path):
    corpus = copy_corpus(tmp_path)
    _drop_correction(corpus, "mou-taekyaek")
    _drop_correction(corpus, "guidance-poverty-latin")
    proc = run_cli("check", "--corpus", corpus)
    lines = proc.stdout.split("\n")
    assert (f"{RAW}:150: warning: [mou-2552-06-12] suggestion: 'แดกแยก' may be 'แตกแยก' (OCR confusion, "
            "in 'วยความคิดที่แตกต่าง แดกแยก การแบ่งฝักแบ่งฝ่าย '); if the scan confirms it, add it "
            "to corpus/corrections.yaml") in lines
    assert (f"{RAW}:307: warning: [expansion-guidance-2553] mixed-script: Latin letters 'riminal' inside "
            "Thai text 'การแก้ไขปัญหาคriminal'; add a reviewed fix to corpus/corrections.yaml") in lines


def test_stale_correction_is_a_warning(tmp_path):
    corpus = copy_corpus(tmp_path)
    with open(corpus / "corrections.yaml", "a", encoding="utf-8") as f:
        f.write("- id: stale\n  wrong: ไม่มีในเอกสาร\n  right: ไม่มีเอกสาร\n  scope: corpus\n  reason: t\n")
    proc = run_cli("check", "--corpus", corpus)
    n = (corpus / "corrections.yaml").read_text(encoding="utf-8").count("\n") - 4
    assert (f"corpus/corrections.yaml:{n}: warning: correction 'stale' ('ไม่มีในเอกสาร') matches no text "
            "in its scope 'corpus'") in proc.stdout.split("\n")


# --- conflicts ------------------------------------------------------------------------

def test_conflicts_detected():
    found = {c.id: [(r.doc_id, r.line, r.value) for r in c.readings] for c in detect(list(_docs().values()))}
    assert found == {
        "count-districts": [("moi-letter-2552-08-06", 103, "๘๗๗ อำเภอ"), ("mou-annex-2552", 219, "๘๘๘ อำเภอ")],
        "ref-moi-letter-2552-08-06": [("moi-letter-2552-08-06", 61, "มท ๐๔๐๔.๒/๔๙๐๐"),
                                      ("dla-letter-2552-08-20", 16, "มท 0404.2 / 8900")],
    }


def _letter(doc_id, number, date, *texts):
    """A normalized letter as detect() reads it: id, front matter number/date, lines."""
    import datetime as dt
    from types import SimpleNamespace

    front = SimpleNamespace(get={"number": number}.get, date=dt.date.fromisoformat(date))
    lines = [Line(t, (n,)) for n, t in enumerate(texts, start=1)]
    return SimpleNamespace(id=doc_id, doc=front, lines=lines)


def test_same_prefix_other_serial_is_another_letter_not_a_conflict():
    # One office numbers all its letters มท 0404.2/ว ...: a letter's own number, and a
    # citation dated differently from the letter with that prefix, are no disagreement.
    a = _letter("a", "มท 0404.2/ว 100", "2009-08-06", "ที่ มท 0404.2/ว 100", "")
    b = _letter("b", "มท 0404.2/ว 200", "2009-09-01", "ที่ มท 0404.2/ว 200",
                "อ้างถึง หนังสือ ที่ มท 0404.2/ว 150 ลงวันที่ 1 กรกฎาคม 2552")
    assert detect([a, b]) == []
    # The same citation dated like letter a (date on the next line with text): a conflict.
    c = _letter("c", "มท 0404.2/ว 300", "2009-09-02", "ที่ มท 0404.2/ว 300",
                "อ้างถึง หนังสือ ที่ มท 0404.2/ว 150", "", "ลงวันที่ ๖ สิงหาคม ๒๕๕๒")
    found = {x.id: [(r.doc_id, r.line, r.value) for r in x.readings] for x in detect([a, b, c])}
    assert found == {"ref-a": [("a", 1, "มท 0404.2/ว 100"), ("c", 2, "มท 0404.2/ว 150")]}


def _decide(corpus, cid, decision, note="checked against the paper original"):
    p = corpus / "conflicts.yaml"
    text = p.read_text(encoding="utf-8")
    head, rest = text.split(f"- id: {cid}\n", 1)
    rest = rest.replace("  decision:\n  note:\n", f"  decision: '{decision}'\n  note: {note}\n", 1)
    p.write_text(head + f"- id: {cid}\n" + rest, encoding="utf-8")


def test_recorded_decision_silences_the_conflict(tmp_path):
    corpus = copy_corpus(tmp_path)
    _decide(corpus, "ref-moi-letter-2552-08-06", "4900")
    proc = run_cli("check", "--corpus", corpus)
    assert "ref-moi-letter-2552-08-06" not in proc.stdout
    assert "count-districts" in proc.stdout


def test_decision_must_be_one_of_the_readings(tmp_path):
    corpus = copy_corpus(tmp_path)
    _decide(corpus, "count-districts", "๙๙๙")
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1
    assert proc.stderr.split("\n")[0] == (
        "corpus/conflicts.yaml:11: decision '๙๙๙' for 'count-districts' is none of the readings "
        "(๘๗๗ อำเภอ, ๘๘๘ อำเภอ)")


# --- diff and normalize verbs -----------------------------------------------------------

def test_diff_verb_lists_each_change_with_raw_line_and_rule():
    out = run_cli("diff", "mou-2552-06-12").stdout.split("\n")
    assert out[0] == f"--- {RAW} lines 136-198 (raw OCR)"
    i = out.index("@@ raw line 150 @@ correction:mou-taekyaek: ต read as ด; \"ความคิดที่แตกต่าง แตกแยก "
                  "การแบ่งฝักแบ่งฝ่าย\" (divided society)")
    assert "แดกแยก" in out[i + 1] and out[i + 1].startswith("-")
    assert "แตกแยก" in out[i + 2] and out[i + 2].startswith("+")
    assert "@@ raw line 154 @@ drop_page_numbers: page number" in out
    assert out[-2] == "6 changes in mou-2552-06-12"


def test_diff_verb_unknown_document():
    proc = run_cli("diff", "no-such-doc", check=False)
    assert proc.returncode == 2 and proc.stderr.startswith("no document 'no-such-doc'; documents: dla-letter")


def _tree(path):
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.rglob("*")) if p.is_file()}


def test_normalize_verb_tis620_input(tmp_path):
    src = tmp_path / "letter.txt"
    src.write_bytes("ความคิดที่แตกต่าง เเละ\nแตกแยก\n\n(๒)\n".encode("tis-620"))
    proc = run_cli("normalize", src, "--changes")
    assert proc.stdout == "ความคิดที่แตกต่าง และแตกแยก\n"
    assert f"note: {src}: converted from TIS-620/Windows-874 to UTF-8" in proc.stderr
    assert f"{src}:1: merge_doubled_vowels: 'ความคิดที่แตกต่าง เเละ' -> 'ความคิดที่แตกต่าง และ'" in proc.stderr


@pytest.mark.parametrize("data, message", [
    (b"", "{src}:1: the file is empty"),
    (b"abc\n\x00\x01binary", "{src}:2: binary file (NUL byte), not text; for a scan use an image or PDF file"),
])
def test_normalize_verb_refuses_bad_files(tmp_path, data, message):
    src = tmp_path / "in.txt"
    src.write_bytes(data)
    out = tmp_path / "out.txt"
    proc = run_cli("normalize", src, "-o", out, check=False)
    assert proc.returncode == 1 and proc.stderr.strip() == message.format(src=src)
    assert not out.exists()


def test_normalize_verb_never_writes_into_the_corpus(tmp_path):
    corpus = copy_corpus(tmp_path)
    before = _tree(corpus)
    src = tmp_path / "in.txt"
    src.write_text("ทดสอบ\n", encoding="utf-8")
    target = corpus / "raw" / "000_82af3cd14c1fd5a1.txt"
    proc = run_cli("normalize", src, "-o", target, "--corpus", corpus, check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"{target}: refusing to write into the corpus folder")
    assert _tree(corpus) == before


def test_normalize_verb_writes_output_and_applies_corpus_wide_corrections(tmp_path):
    corpus = copy_corpus(tmp_path)
    with open(corpus / "corrections.yaml", "a", encoding="utf-8") as f:
        f.write("- id: wide\n  wrong: แดกแยก\n  right: แตกแยก\n  scope: corpus\n  reason: t\n")
    src = tmp_path / "in.txt"
    src.write_text("ความคิดที่แตกต่าง แดกแยก\n", encoding="utf-8")
    out = tmp_path / "o" / "out.txt"
    run_cli("normalize", src, "-o", out, "--corpus", corpus)
    assert out.read_text(encoding="utf-8") == "ความคิดที่แตกต่าง แตกแยก\n"


# --- the site: both readings at the clause, raw and normalized side by side -------------

def test_site_shows_conflicting_readings_at_the_clause(built):
    html = (built / "site" / "documents" / "mou-annex-2552" / "index.html").read_text(encoding="utf-8")
    box = html.split('class="admonition warning no-search"', 1)[1].split("</div>", 1)[0]
    assert "ตัวเลขไม่ตรงกันระหว่างเอกสาร (จำนวนอำเภอ) ยังไม่มีข้อยุติ" in box
    assert "๘๗๗ อำเภอ" in box and "๘๘๘ อำเภอ" in box
    assert html.index('id="c2-2"') < html.index('class="admonition warning no-search"') < html.index('id="c3"')
    dla = (built / "site" / "documents" / "dla-letter-2552-08-20" / "index.html").read_text(encoding="utf-8")
    assert "มท 0404.2 / 8900" in dla.split('class="admonition warning no-search"', 1)[1]


def test_raw_page_is_side_by_side_with_the_change_list(built):
    html = (built / "site" / "raw" / "mou-2552-06-12" / "index.html").read_text(encoding="utf-8")
    row = next(r for r in html.split("<tr>") if r.lstrip().startswith("<td>150</td>"))
    assert "แดกแยก" in row and "แตกแยก" in row and "mou-taekyaek" in row
    assert 'href="../../documents/mou-2552-06-12/#l150"' in row
    assert 'id="changes"' in html and 'id="raw-text"' in html


@pytest.mark.slow  # normalizes a large text
def test_normalize_verb_large_text_is_linear_and_complete(tmp_path):
    # 4 MB (the 50 MB figure is in benchmarks/normalize_large.py): every copy of the
    # seed gets the same repairs, so the output is the one-copy output repeated.
    raw = (ROOT / "corpus" / "raw" / "000_82af3cd14c1fd5a1.txt").read_text(encoding="utf-8")
    seed = "\n".join(raw.split("\n")[135:298]).encode()  # the MOU and its annex (no letter header)
    one, big = tmp_path / "one.txt", tmp_path / "big.txt"
    one.write_bytes(seed + b"\n\n")
    copies = 4 * 1024 * 1024 // len(seed)
    big.write_bytes((seed + b"\n\n") * copies)
    out_one, out_big = tmp_path / "one.out", tmp_path / "big.out"
    run_cli("normalize", one, "-o", out_one, "--no-corrections")
    proc = run_cli("normalize", big, "-o", out_big, "--no-corrections")
    assert "normalizing" in proc.stderr  # progress for a long run
    unit = out_one.read_text(encoding="utf-8")
    assert out_big.read_text(encoding="utf-8") == "\n\n".join([unit.rstrip("\n")] * copies) + "\n"


def test_tis620_raw_file_is_read_converted_with_a_note(tmp_path):
    corpus = copy_corpus(tmp_path)
    data = "ความคิดที่แตกต่าง เเละแตกแยก\nการป้องกันและแก้ไขปัญหายาเสพติด\n".encode("tis-620")
    (corpus / "raw" / "001_tis.txt").write_bytes(data)
    with open(corpus / "raw" / "MANIFEST.yaml", "a", encoding="utf-8") as f:
        f.write(f"001_tis.txt:\n  sha256: {hashlib.sha256(data).hexdigest()}\n")
    proc = run_cli("check", "--corpus", corpus)
    assert ("corpus/raw/001_tis.txt:1: warning: TIS-620/Windows-874 text, read converted to UTF-8 "
            "(the file itself is kept as received)") in proc.stdout.split("\n")
    assert (corpus / "raw" / "001_tis.txt").read_bytes() == data


def test_a_conflict_with_many_readings_is_summarized_in_each_warning():
    from build_tools.normalization.conflicts import MAX_LISTED, Conflict, Reading, report

    readings = [Reading(f"d{i}", i + 1, f"{30 + i % 3} หมู่บ้าน", "") for i in range(40)]
    found = list(report([Conflict("count-villages", "count", "จำนวนหมู่บ้าน", readings)],
                        {f"d{i}": "x.txt" for i in range(40)}))
    assert len(found) == 40 and MAX_LISTED < 40
    assert found[7].message == (
        "[d7] conflict count-villages: readings disagree (40 readings, 3 different values, e.g. "
        "d0: 30 หมู่บ้าน; d1: 31 หมู่บ้าน; d2: 32 หมู่บ้าน; each reading is its own warning); "
        "record the right one in corpus/conflicts.yaml")
    assert (found[7].file, found[7].line) == ("corpus/raw/x.txt", 8)


# --- known names restored (normalization/rules/names.py) ------------------------------

NAMES = ("สยามเมืองยิ้ม", "กรมการพัฒนาชุมชน", "กรมส่งเสริมการปกครองท้องถิ่น", "สมาคมองค์การบริหารส่วนตำบล",
         "องค์การบริหารส่วนตำบล")


@pytest.mark.parametrize("raw, fixed", [
    ('โครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองอิ้ม"', 'โครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม"'),  # ย/อ
    ("กรมการพัฒนาซุมชน ร่วมกับ", "กรมการพัฒนาชุมชน ร่วมกับ"),  # ช/ซ
    ("กรมส่งเสริมการปกครองท้องถิน", "กรมส่งเสริมการปกครองท้องถิ่น"),  # a dropped tone mark
    ("อำเภอมัญจาดีรี จังหวัดขอนแก่น", "อำเภอมัญจาคีรี จังหวัดขอนแก่น"),  # a district, from the gazetteer
])
def test_known_names_damaged_by_ocr_are_restored_and_recorded(raw, fixed):
    ctx = Context(known_names=NAMES, restore_places=True)
    out, rules, _ = _rules(raw, ctx)
    assert out == fixed and rules == ["restore_known_names"]
    assert "known names damaged by OCR, restored" in ctx.changes[0].reason


@pytest.mark.parametrize("text", [
    "กรมการปกครองส่วนท้องถิ่น",  # another name: not one or two confusions away
    "นายสมชาย ศรีสุข",  # people's names are never in the list
    "จังหวัดขอนแก่นมีความก้าวหน้า",  # a place already right
])
def test_what_is_not_a_damaged_known_name_is_left_alone(text):
    out, rules, _ = _rules(text, Context(known_names=NAMES, restore_places=True))
    assert out == text and rules == []


def test_without_the_corpus_names_nothing_is_restored():
    assert _rules("กรมการพัฒนาซุมชน", Context())[0] == "กรมการพัฒนาซุมชน"


def test_restorable_names_never_include_people():
    from build_tools.normalization.known_names import restorable_names

    names = restorable_names(_corpus())
    assert "สยามเมืองยิ้ม" in names and "กรมการพัฒนาชุมชน" in names and "ศาลากลาง" not in names
    assert not set(_corpus().names.get("people", [])) & set(names)


@pytest.mark.parametrize("damaged, inserts", [
    ("นายองค์การ", True),  # a dropped letter (นายกองค์การ)
    ("ร้ว", True),  # a dropped mark (รั้ว)
    ("คักยภาพ", False),  # a swapped letter (ศักยภาพ)
    ("แดกแยก", False),
    ("สมชายศรีสุข", True),  # a name the corpus adds to the dictionary, a letter dropped
    ("ฮฮฮฮฮ", True),  # nothing near: no word begins so
])
def test_known_edits_find_every_word_edits_find(damaged, inserts):
    known = lexicon.words(("สมชายศรีสุขใจ",))
    everything = {c for c in edits(damaged, inserts) if c in known}
    assert {c for c in known_edits(damaged, inserts, known) if c in known} == everything
    assert len(known_edits(damaged, inserts, known)) <= len(edits(damaged, inserts))
