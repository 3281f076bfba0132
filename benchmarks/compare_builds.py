"""Compare the outputs of two builds (two --out folders), to show a speed change left
them as they were: every file of site/ (the pages, the site search, the open data),
build/normalized/ and build/docs/ byte for byte, and the Whoosh index by content (its
segment files carry random names): the stored documents, every posting with its weight
and positions, the length column, the scorer's arrays and the files beside the index.
The build's stamp (.siam-yim-build, its id) differs by design and is left out.

    python benchmarks/compare_builds.py build/full/before build/full/after

Prints what differs; exit code 1 if anything does."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

STAMP = ".siam-yim-build"


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file() and p.name != STAMP}


def _differing(a: dict, b: dict) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def index_content(index_dir: Path) -> dict[str, object]:
    """What a Whoosh index holds, whatever its files are called."""
    from whoosh import index

    postings = hashlib.sha256()
    n = 0
    with index.open_dir(str(index_dir)).reader() as r:
        docs = hashlib.sha256(repr([sorted(r.stored_fields(i).items()) for i in r.all_doc_ids()]).encode())
        for field in sorted(r.indexed_field_names()):
            for term in r.lexicon(field):
                m = r.postings(field, term)
                while m.is_active():
                    postings.update(repr((field, term, m.id(), m.weight(), m.value())).encode())
                    n += 1
                    m.next()
        lengths = list(r.column_reader("length")) if r.has_column("length") else None
        count = r.doc_count_all()
    arrays = {f"{p.parent.name.split('-')[0]}/{p.name}": hashlib.sha1(p.read_bytes()).hexdigest()
              for p in index_dir.glob("*-*/*") if p.is_file()}
    beside = {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in index_dir.glob("*.json")}
    return {"documents": count, "stored fields": docs.hexdigest(), "postings": n,
            "postings' terms, weights, positions": postings.hexdigest(), "length column": lengths,
            "scorer's arrays": arrays, "files beside the index": beside}


def compare(a: Path, b: Path) -> int:
    differences = 0
    for sub in ("site", "build/normalized", "build/docs"):
        fa, fb = _files(a / sub), _files(b / sub)
        diff = _differing(fa, fb)
        differences += len(diff)
        search, data = (sum(1 for k in fa if k.startswith(p)) for p in ("search/", "data/"))
        print(f"{sub}: {len(fa)} and {len(fb)} files (search/ {search}, data/ {data}); "
              f"differing: {len(diff)} {diff[:10]}")
    ia, ib = index_content(a / "build" / "index"), index_content(b / "build" / "index")
    for key, value in ia.items():
        same = value == ib[key]
        differences += not same
        shown = value if isinstance(value, int) else len(value) if isinstance(value, (dict, list)) else ""
        print(f"index: {key} {shown} {'same' if same else 'DIFFERENT'}")
    print(f"{differences} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(compare(Path(sys.argv[1]), Path(sys.argv[2])))
