"""build/stages.py: when the Whoosh index's process is forked."""


def test_the_index_waits_for_the_pages_only_when_it_has_few_documents_to_index():
    # stages.index_can_wait: a rebuild's few changed letters are indexed after the pages
    # (forked before them, every page the pages write would be copied for it).
    from build_tools.build.stages import INDEX_LATE_MAX, index_can_wait

    now = {f"doc-{i}": f"fp-{i}" for i in range(100)}
    assert not index_can_wait(None, now) and not index_can_wait({"index": {}}, now)  # a full build
    assert index_can_wait({"index": dict(now)}, now)
    changed = {**now, **{f"doc-{i}": "new" for i in range(INDEX_LATE_MAX - 1)}, "doc-new": "fp"}
    assert index_can_wait({"index": now}, changed)  # INDEX_LATE_MAX to index
    assert not index_can_wait({"index": {**now, "doc-gone": "fp"}}, changed)  # and one to remove
