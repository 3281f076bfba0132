"""`search` on the command line, in process: the answer card first and in --json, a
helpful empty result, --explain, and clear errors for filters that could only ever
return nothing (each was a silent empty list or a traceback before)."""
import json

import pytest

from build_tools.cli import main


def _search(capsys, out, *args):
    code = main(["search", *args, "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _json(capsys, out, *args):
    code, stdout, _ = _search(capsys, out, *args, "--json")
    assert code == 0
    return json.loads(stdout)


def test_json_has_the_answer_next_to_the_hits(capsys, indexed):
    data = _json(capsys, indexed, "ป.ป.ส.", "ทำอะไรในโครงการนี้")
    assert set(data) == {"query", "answer", "hits"}
    assert {"kind", "text", "url", "source"} <= set(data["answer"])
    assert data["answer"]["kind"] == "who" and data["answer"]["url"] == "agencies/oncb/"
    assert data["hits"] and all(h["match"] == "exact" for h in data["hits"])


def test_a_count_the_corpus_disagrees_on_shows_both_readings(capsys, indexed):
    card = _json(capsys, indexed, "พื้นที่ดำเนินการมีกี่อำเภอ")["answer"]
    assert card["kind"] == "how_many"
    assert [r["value"] for r in card["readings"]] == ["๘๗๗ อำเภอ", "๘๘๘ อำเภอ"]
    assert "ไม่ตรงกัน" in card["note"] and "๘๗๗" in card["text"] and "๘๘๘" in card["text"]


def test_the_card_prints_first(capsys, indexed):
    code, out, _ = _search(capsys, indexed, "กองทุนแม่ของแผ่นดินคืออะไร")
    assert code == 0 and out.startswith("คำตอบ (ความหมาย): กองทุนแม่ของแผ่นดิน: ")
    assert out.index("คำตอบ") < out.index("1. ")


def test_no_card_without_a_question(capsys, indexed):
    assert _json(capsys, indexed, "ยาเสพติด")["answer"] is None


def test_off_topic_finds_nothing_and_says_what_to_do(capsys, indexed):
    data = _json(capsys, indexed, "ราคาน้ำมันวันนี้เท่าไหร่")
    assert data["hits"] == [] and data["answer"] is None
    assert data["unmatched"] == ["ราคา", "น้ำมัน", "วันนี้"]
    assert [b["url"] for b in data["browse"]] == ["agencies/", "missions/", "guidance/"]
    _, out, _ = _search(capsys, indexed, "ราคาน้ำมันวันนี้เท่าไหร่")
    assert "ไม่พบคำว่า “ราคา” “น้ำมัน” “วันนี้”" in out and "/agencies/" in out


def test_near_spellings_are_marked_on_each_hit(capsys, indexed):
    hits = _json(capsys, indexed, "ยาเสพติต")["hits"]
    assert hits and {h["match"] for h in hits} == {"near"}
    mixed = _json(capsys, indexed, "ยาเสพติต", "หมู่บ้าน", "ชุมชน", "--limit", "40")["hits"]
    assert {h["match"] for h in mixed} == {"exact", "near"}  # per hit: both kinds in one list


def test_explain(capsys, indexed):
    code, out, _ = _search(capsys, indexed, "สถ. มีหน้าที่อะไร", "--explain")
    assert code == 0 and out.startswith("how the query was read:\n  search words: สถ · หน้าที่\n")
    assert "หน้าที่ also finds บทบาท" in out and "intent: who" in out and "weight" in out


@pytest.mark.parametrize("args, message", [
    (["--from", "2552-01-01"],
     "--from 2552-01-01 is a Buddhist-era year: dates are Gregorian (พ.ศ. 2552 = ค.ศ. 2009), e.g. 2009-01-01"),
    (["--to", "2553-12-31"],
     "--to 2553-12-31 is a Buddhist-era year: dates are Gregorian (พ.ศ. 2553 = ค.ศ. 2010), e.g. 2010-12-31"),
    (["--from", "2009-09-01", "--to", "2009-01-01"],
     "--from 2009-09-01 is after --to 2009-01-01: nothing can be in between"),
    (["--type", "memo"], "--type 'memo' is not known; choose one of: annex, framework, guidance, letter, mou"),
    (["--mission", "health"],
     "--mission 'health' is not known; choose one of: drug-prevention, national-institutions, poverty-sufficiency"),
])
def test_filters_that_can_only_return_nothing_are_errors(capsys, indexed, args, message):
    code, out, err = _search(capsys, indexed, "โครงการ", *args)
    assert (code, out, err.strip()) == (2, "", message)


def test_unknown_agency_lists_the_ids(capsys, indexed):
    code, _, err = _search(capsys, indexed, "โครงการ", "--agency", "nasa")
    assert code == 2 and err.startswith("--agency 'nasa' is not known; choose one of: cd-volunteers, cdd, ")


def test_a_bad_date_names_the_option_not_the_code(capsys, indexed):
    with pytest.raises(SystemExit) as exc:
        main(["search", "โครงการ", "--from", "2009-13-01", "--out", str(indexed)])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert "argument --from: not a date: '2009-13-01'; write YYYY-MM-DD (Gregorian), e.g. 2009-08-20" in err
    assert "_date" not in err


def test_a_thousand_word_query_is_no_recursion_error(capsys, indexed):
    data = _json(capsys, indexed, "ยาเสพติด" * 1250)
    assert data["hits"]
    words = " ".join(["ยาเสพติด หมู่บ้าน"] * 500)
    code, out, _ = _search(capsys, indexed, words)
    assert code == 0 and "คำค้นยาวเกินไป" in out and "1. " in out


def test_a_clause_hit_carries_its_citation(capsys, indexed, monkeypatch):
    # As the site's "อ้างอิง" button gives it (build_tools.knowledge.citation), with the
    # site's public address when one is set.
    monkeypatch.setenv("SIAM_YIM_SITE_URL", "https://example.go.th/siam-yim")
    hits = _json(capsys, indexed, "บทบาท", "ป.ป.ส.", "--limit", "10")["hits"]
    clause = next(h for h in hits if h["url"] == "documents/mou-annex-2552/#c3-2-3")
    assert clause["citation"] == ('รายละเอียดแนบท้ายบันทึกความร่วมมือ โครงการพลังชุมชนพลังสร้างสรรค์ "สยามเมืองยิ้ม" '
                                  "ลงวันที่ ๑๒ มิถุนายน ๒๕๕๒ ข้อ ๓.๒.๓ "
                                  "https://example.go.th/siam-yim/documents/mou-annex-2552/#c3-2-3")
    assert next(h for h in hits if h["url"].startswith("agencies/"))["citation"] is None  # pages of the model cite their clauses


@pytest.mark.parametrize("start, end", [("2009-06-12", "2009-08-06"), ("2009-06-13", "2009-08-20"),
                                        ("2009-08-06", "2009-08-06"), ("2000-01-01", "2009-06-11"),
                                        ("2009-08-07", None), (None, "2009-08-06")])
def test_a_date_range_finds_exactly_the_records_dated_in_it(capsys, indexed, start, end):
    # The index keeps a record's date in two tiers of terms (whoosh_index.Date): a range
    # must find the records of every day in it, ends included, and no other.
    every = _json(capsys, indexed, "โครงการ", "--limit", "500")["hits"]
    assert len({h["date"] for h in every if h["date"]}) >= 3
    bounds = [*(["--from", start] if start else []), *(["--to", end] if end else [])]
    got = _json(capsys, indexed, "โครงการ", "--limit", "500", *bounds)["hits"]
    inside = [h["url"] for h in every if h["date"] and (start or "") <= h["date"] <= (end or "9999")]
    assert sorted(h["url"] for h in got) == sorted(inside)


def test_an_index_written_by_another_version_asks_for_a_build(capsys, indexed, tmp_path):
    # An index whose fields are not the ones this version reads (its format, recorded
    # beside it by the build) is never read: the message says what to run.
    from conftest import copy_built

    from build_tools.outputs.search_index.whoosh_index import INDEX_FORMAT

    out = tmp_path / "out"
    copy_built(indexed / "build", out / "build")
    meta = out / "build" / "index" / "siam-yim-index.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace(f'"format": "{INDEX_FORMAT}"', '"format": "21"'),
                    encoding="utf-8")
    code, stdout, err = _search(capsys, out, "ยาเสพติด")
    assert code == 2 and stdout == ""
    assert err == (f"the search index in {out / 'build' / 'index'} was written by another version of the build tools "
                   f"(index format 21; this version reads {INDEX_FORMAT}): run `python -m build_tools build` to write "
                   "it again\n")
