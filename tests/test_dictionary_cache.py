"""The dictionary's word list and prefix sets are kept in a build's normalization cache
(made: a second; read back: a fifth of one), so a one-letter rebuild does not make them."""
from build_tools.common import thai
from build_tools.common.cache import ContentCache
from build_tools.normalization.documents import warm_dictionary


def _entries(folder):
    return sorted(p.name for p in folder.glob("*.pickle"))


def test_made_once_then_read_back(tmp_path, monkeypatch):
    folder = tmp_path / "normalized"
    monkeypatch.setattr(thai, "_DICTIONARY", {})
    warm_dictionary(ContentCache(folder), needed=True)
    made = dict(thai._DICTIONARY)
    assert len(_entries(folder)) == 1
    monkeypatch.setattr(thai, "_DICTIONARY", {})
    warm_dictionary(ContentCache(folder), needed=True)
    assert thai._DICTIONARY["prefixes"] is not made["prefixes"]  # read back, not made
    assert thai.dictionary_words() == made["words"]
    prefixes = thai.dictionary_prefixes()
    assert (prefixes.words, prefixes.starts) == (made["prefixes"].words, made["prefixes"].starts)
    assert prefixes.prefixes("การพัฒนาชุมชน") == made["prefixes"].prefixes("การพัฒนาชุมชน") == ["กา", "การ", "การพัฒนา"]


def test_kept_by_a_build_that_normalizes_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "normalized"
    monkeypatch.setattr(thai, "_DICTIONARY", {})
    warm_dictionary(ContentCache(folder), needed=True)
    kept = _entries(folder)
    cache = ContentCache(folder)
    warm_dictionary(cache, needed=False)
    cache.prune()  # what the build does with the entries it did not use
    assert _entries(folder) == kept


def test_a_damaged_entry_is_made_again(tmp_path, monkeypatch):
    folder = tmp_path / "normalized"
    monkeypatch.setattr(thai, "_DICTIONARY", {})
    warm_dictionary(ContentCache(folder), needed=True)
    (entry,) = folder.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    monkeypatch.setattr(thai, "_DICTIONARY", {})
    warm_dictionary(ContentCache(folder), needed=True)
    assert "การพัฒนา" in thai.dictionary_prefixes()
    assert entry.read_bytes() != b"not a pickle"
