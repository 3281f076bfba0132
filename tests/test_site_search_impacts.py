"""The site search's postings are computed over all sections at once (numpy); each
impact must be exactly what the per-posting BM25 formula (site_search.impact) gives, in
term then section order, ties of rounding included."""
import random

import pytest

from build_tools.outputs.site import search_postings, site_search


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
    target = search_postings.POSTINGS_TARGET_BYTES
    for total in (0, 1, target, target + 1, 3 * target, 170 * target, 171 * target + 5):
        n = search_postings.postings_buckets(total)
        assert n & (n - 1) == 0
        assert total / n <= target  # each file within the target on average
        assert n == 1 or total / n > target / 2  # and never more files than needed


def _random_sections(seed: int, n: int = 600) -> "site_search._Sections":
    rng = random.Random(seed)
    sections = site_search._Sections(_NoFiles())
    words = [f"w{i}" for i in range(400)]
    for s in range(n):
        terms = rng.sample(words, rng.randint(1, 60))
        ws = tuple(rng.choice([0.5, 1.0, 1.5, 2.5, 0.25]) * rng.randint(1, 6) for _ in terms)
        sections.add([[f"documents/d{s}/", "t", "", ""]], [(tuple(terms), ws, rng.randint(1, 300))])
    return sections


@pytest.mark.parametrize("groups", [2, 3, 7])
def test_postings_made_a_group_at_a_time_are_the_postings_made_at_once(groups):
    whole = {t: p.tolist() for t, p in _random_sections(5).postings().items()}
    sections = _random_sections(5)
    group_of = {t: hash(t) % groups for t in sections.vocab}
    seen: dict[str, list[int]] = {}
    for g, part in enumerate(sections.postings_in_groups(group_of, groups)):
        assert {group_of[t] for t in part} <= {g}  # only the group's own terms
        seen.update((t, p.tolist()) for t, p in part.items())
    assert seen == whole


def test_the_postings_files_written_a_group_of_buckets_at_a_time_are_the_files_written_at_once(tmp_path, monkeypatch):
    """A hundred million postings at 100,000 letters are made a group of buckets at a
    time: the files (common terms' head and tail included) are byte for byte the same."""
    from build_tools.outputs.site.search_files import SearchFiles

    def written(folder, group_postings):
        monkeypatch.setattr(search_postings, "GROUP_POSTINGS", group_postings)
        monkeypatch.setattr(search_postings, "POSTINGS_HEAD", 40)  # common terms, with head and tail files
        monkeypatch.setattr(search_postings, "TAIL_RANGE", 100)
        monkeypatch.setattr(search_postings, "POSTINGS_TARGET_BYTES", 2_000)  # many buckets
        out = SearchFiles(folder)
        dicts, buckets, terms, total = search_postings.write_postings(out, _random_sections(11, 900))
        files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.json")}
        return files, dicts, buckets, terms, total

    at_once = written(tmp_path / "one", 10 ** 9)
    in_groups = written(tmp_path / "many", 2_000)
    assert in_groups[2] > 8  # the groups: several buckets each
    assert any(name.startswith("p/h") for name in at_once[0])
    assert in_groups == at_once
