"""Property-based tests (Hypothesis): normalization is idempotent, and clean Thai text
passes through unchanged."""
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools.normalization.rules import Context, normalize_text

WORDS = ["การ", "พัฒนา", "ชุมชน", "ท้องถิ่น", "ยาเสพติด", "ความยากจน", "โครงการ", "สนับสนุน",
         "กระทรวงมหาดไทย", "น้ำ", "ที่", "และ", "แผนงาน", "เศรษฐกิจพอเพียง", "ยิ้ม", "ศักยภาพ",
         "ปรึกษาหารือ", "ผู้ว่าราชการจังหวัด", "ประจำปี", "๒๕๕๓", "2552", "ฯ", "ๆ", "\"สยามเมืองยิ้ม\""]
MARKERS = ["", "", "", "๑. ", "๒.๑ ", "๓) ", "๑.๒) ", "- ", "เรื่อง ", "ตามที่ "]
# OCR noise: decomposed sara am, doubled sara e, tone before vowel, doubled marks,
# zero-width space, page numbers, catch-word marks, emphasis, table pipes, stamps.
NOISE = ["\u0e4d\u0e32", "เเ", "\u0e48\u0e34", "\u0e34\u0e34", "\u200b", "(๒)", "/", "....",
         "**", "| ", " |", "เลขรับ..... 12", "วันที่ 1 ส.ค. 2552", "เวลา.....", "ยอदนียม", "x", "  "]

word = st.sampled_from(WORDS)
clean_line = st.builds(lambda m, ws: m + " ".join(ws), st.sampled_from(MARKERS),
                       st.lists(word, min_size=1, max_size=8))
noisy_line = st.lists(st.one_of(word, st.sampled_from(NOISE), st.just(" ")), max_size=10).map("".join)
noisy_text = st.lists(st.one_of(noisy_line, st.just(""), clean_line), max_size=14).map("\n".join)
thai_chars = st.text(alphabet=st.sampled_from(
    list("กขคงดตนบปมยรลวสอหเแโใไะาำิีึืุู่้๊๋็์ัํ ๑๒.()|-/") + ["\n", "\u200b"]), max_size=80)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(noisy_text)
@example("๑. การ\n๑. การ\n๑. การ\n๑. การ\n๑. การ\nการ")  # a run of catch-words: gone in one pass
def test_idempotent_on_noisy_ocr_like_text(text):
    once, _ = normalize_text(text)
    twice, ctx = normalize_text(once)
    assert twice == once, [c.rule for c in ctx.changes]


@FAST
@given(thai_chars)
def test_idempotent_on_arbitrary_thai_characters(text):
    once, _ = normalize_text(text)
    twice, ctx = normalize_text(once)
    assert twice == once, [c.rule for c in ctx.changes]


class _Forgetful(set):
    """A Context.settled that keeps nothing: every pass runs every rule on every line."""

    def add(self, item):
        pass


@FAST
@given(noisy_text)
def test_skipping_settled_lines_changes_nothing(text):
    # The chain's confirming pass skips the lines a per-line rule already left as they
    # were (Context.settled); the text, every recorded change and every flag are what
    # running every rule on every line again gives.
    names = ("กรมการพัฒนาชุมชน", "กระทรวงมหาดไทย")
    fast, fast_ctx = normalize_text(text, ctx=Context(known_names=names, restore_places=True))
    slow, slow_ctx = normalize_text(text, ctx=Context(known_names=names, restore_places=True, settled=_Forgetful()))
    assert (fast, fast_ctx.changes, fast_ctx.flags) == (slow, slow_ctx.changes, slow_ctx.flags)
    assert not fast_ctx.settled  # used during the run only, never kept with a document


def _no_catch_word(paragraphs):
    # A numbered paragraph followed by one that starts with it (same number, same first
    # words) is exactly the printer's catch-word pattern the furniture rule removes
    # (raw lines 263/265: "๔) การแก้ไข" then "๔) การแก้ไขปัญหา..."): not clean text.
    return not any(b.startswith(a) and a != b for a, b in zip(paragraphs, paragraphs[1:]))


@FAST
@given(st.lists(clean_line, min_size=1, max_size=10).filter(_no_catch_word))
def test_clean_thai_passes_unchanged(paragraphs):
    # Clean text: one paragraph per line, paragraphs separated by a blank line.
    text = "\n\n".join(paragraphs)
    out, ctx = normalize_text(text)
    assert out == text
    assert ctx.changes == [] and ctx.flags == []


LABELS = ["ที่", "เรื่อง", "เรียน", "อ้างถึง", "สิ่งที่ส่งมาด้วย", "ด่วนที่สุด", "ส่วนราชการ"]


@FAST
@given(st.one_of(thai_chars, st.builds(str.__add__, st.sampled_from(LABELS), thai_chars)),
       st.sampled_from(LABELS), st.floats(0, 3))
def test_a_label_match_that_stops_early_gives_the_full_answer(text, label, bound):
    # prefix_match stops once a whole row of its table costs more than `bound`: only
    # when the full table would have found nothing within it.
    from build_tools.normalization.fuzzy import prefix_match

    full = prefix_match(text, label)
    assert prefix_match(text, label, bound) == (full if full[1] <= bound else (0, float("inf")))


def test_the_skeleton_table_is_the_skeleton_of_every_character():
    # Known names are found on a line's skeleton made by str.translate (fuzzy.SKELETON_TABLE):
    # it must be skeleton_char's, character by character, for every character there is.
    import sys

    from build_tools.normalization.fuzzy import NOT_IN_SKELETON, skeleton_char, skeleton_of

    assert [i for i in range(sys.maxunicode + 1) if skeleton_of(chr(i)) != skeleton_char(chr(i))] == []
    assert NOT_IN_SKELETON == {chr(i) for i in range(sys.maxunicode + 1) if skeleton_char(chr(i)) == ""}
