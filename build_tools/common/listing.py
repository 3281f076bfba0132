"""Files under a folder, listed fast: os.walk and string sorts, in the order pathlib's
sorted(root.rglob(...)) gives (by path parts).  pathlib's rglob, relative_to and sorting
of thousands of Path objects cost more than what the build does with the list at 10,000
letters (the inputs' digest of a build with nothing to do, a rebuild's site search)."""
from __future__ import annotations

import os
from pathlib import Path


def files_under(root: Path | str, wanted, skip=None, follow_links: bool = False) -> list[str]:
    """Paths (relative, with /) of the files under `root` whose name `wanted(name)`
    accepts; `skip(rel)`: a folder (relative, with /) not to enter."""
    out = []
    top = os.path.join(root, "")  # os.walk's folders all start with it (relpath: slower)
    for folder, dirs, names in os.walk(top, followlinks=follow_links):
        rel = folder[len(top):].replace(os.sep, "/")
        prefix = rel + "/" if rel else ""
        if skip is not None:
            dirs[:] = [d for d in dirs if not skip(prefix + d)]
        out += [prefix + n for n in names if wanted(n)]
    return sorted(out, key=lambda rel: rel.split("/"))
