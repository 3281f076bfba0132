"""common.cache.PackedCache: the small entries a rebuild reads for every document (a
normalized document's head, its review), kept many to a file."""
import pickle

from build_tools.common.cache import PACK_SHARDS, ContentCache, PackedCache, shard_of


def _shards(folder) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in sorted(folder.glob("pack.*.pickle"))}


def test_entries_are_kept_a_shard_to_a_file_once_flushed(tmp_path):
    folder = tmp_path / "packed"
    cache = PackedCache(folder)
    for n in range(200):
        cache.put(f"key{n}", {"n": n})
    assert not folder.exists()  # held until the step that made them is done
    cache.flush()
    assert len(_shards(folder)) == PACK_SHARDS  # 200 entries, 32 files
    again = PackedCache(folder)
    assert [again.get(f"key{n}") for n in range(200)] == [{"n": n} for n in range(200)]
    assert again.get("absent") is None and not again.has("absent") and again.has("key7")
    assert again.get("key7") is not again.get("key7")  # each a fresh copy, as from a file


def test_one_changed_entry_rewrites_the_shards_of_its_old_and_new_keys_alone(tmp_path):
    folder = tmp_path / "packed"
    cache = PackedCache(folder)
    for n in range(200):
        cache.put(f"key{n}", n)
    cache.flush()
    before = _shards(folder)
    rebuild = PackedCache(folder)
    for n in range(1, 200):
        assert rebuild.get(f"key{n}") == n
    rebuild.put("new key", 0)  # key0 changed: its entry is now under another key
    assert rebuild.prune() == 1
    after = _shards(folder)
    rewritten = {name for name in before if after[name] != before[name]}
    assert rewritten == {f"pack.{shard_of(k, PACK_SHARDS):02d}.pickle" for k in ("key0", "new key")}
    last = PackedCache(folder)
    assert last.get("key0") is None and last.get("new key") == 0 and last.get("key1") == 1


def test_a_damaged_shard_is_an_empty_one_written_afresh(tmp_path):
    folder = tmp_path / "packed"
    cache = PackedCache(folder)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.flush()
    shard = folder / f"pack.{shard_of('a', PACK_SHARDS):02d}.pickle"
    shard.write_bytes(b"not a pickle")
    again = PackedCache(folder)
    assert again.get("a") is None  # a miss: computed again
    again.put("a", 1)
    again.flush()
    assert pickle.loads(pickle.loads(shard.read_bytes())["a"]) == 1
    unread = PackedCache(folder)
    unread.get("b")
    (folder / f"pack.{shard_of('b', PACK_SHARDS):02d}.pickle").write_bytes(b"")
    assert PackedCache(folder).get("b") is None  # an empty file too
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("pack.")) == []  # no temporary files


def test_a_content_caches_prune_prunes_its_packed_entries_too(tmp_path):
    cache = ContentCache(tmp_path / "c")
    cache.put("file entry", 1)
    cache.packed().put("kept", 1)
    cache.packed().put("dropped", 2)
    cache.packed().flush()
    again = ContentCache(tmp_path / "c")
    assert again.packed().get("kept") == 1 and again.get("file entry") == 1
    assert again.prune() == 1  # "dropped", no run asked for it
    assert ContentCache(tmp_path / "c").packed().get("dropped") is None
    last = ContentCache(tmp_path / "c")
    assert last.prune() == 2  # nothing asked for: the file entry and the packed one
    assert ContentCache(tmp_path / "c").packed().get("kept") is None
    assert ContentCache(None).packed().get("kept") is None
