"""The site search's postings are computed over all sections at once (numpy); each
impact must be exactly what the per-posting BM25 formula (site_search.impact) gives, in
term then section order, ties of rounding included."""
import random

import pytest

from build_tools.outputs.site import site_search


class _NoFiles:
    def dump(self, rel, data, sig=None):
        pass


@pytest.mark.parametrize("wide", [False, True])
def test_vectorized_postings_equal_the_formula_posting_by_posting(wide):
    # `wide`: more terms than 16-bit ids hold (postings are grouped by term with a
    # radix sort of 16-bit ids when they fit, else with a merge sort of 32-bit ones).
    rng = random.Random(3)
    sections = site_search._Sections(_NoFiles())
    words = [f"w{i}" for i in range(300)]
    expected_input = []
    for s in range(2000):
        terms = rng.sample(words, rng.randint(1, 40))
        if wide:
            terms += [f"u{s}-{k}" for k in range(34)]  # 68,000 words of one section each
        # weights as the analyzer gives them: sums of field weights and sub-word parts,
        # halves included (rounding ties)
        ws = tuple(rng.choice([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 0.25, 7.75]) * rng.randint(1, 6) for _ in terms)
        length = rng.randint(1, 400)
        sections.add([[f"documents/d{s}/", "t", "", ""]], [(tuple(terms), ws, length)])
        expected_input.append((terms, ws, length))
    avg = sum(length for _, _, length in expected_input) / len(expected_input)
    expected: dict[str, list[int]] = {}
    for i, (terms, ws, length) in enumerate(expected_input):
        for t, tf in zip(terms, ws):
            expected.setdefault(t, []).extend((i, site_search.impact(tf, length, avg)))
    assert (len(sections.vocab) > 1 << 16) == wide
    got = {t: p.tolist() for t, p in sections.postings().items()}
    assert got == expected


def test_postings_files_are_a_power_of_two_each_within_the_target_size():
    target = site_search.POSTINGS_TARGET_BYTES
    for total in (0, 1, target, target + 1, 3 * target, 170 * target, 171 * target + 5):
        n = site_search.postings_buckets(total)
        assert n & (n - 1) == 0
        assert total / n <= target  # each file within the target on average
        assert n == 1 or total / n > target / 2  # and never more files than needed
