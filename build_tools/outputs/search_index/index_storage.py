"""The folder the Whoosh index is written to, through Whoosh's pluggable Storage: its
FileStorage asks the disk whether a file exists on every call, and writing a segment
asks it once per posting of every field without lengths (the ids, keywords and dates:
Whoosh looks for their length column, which is never written), about 150,000 times at
1,000 letters.  Here the answers are kept, and every change made through the storage
(a file created, deleted or renamed; the folder cleaned) forgets them."""
from __future__ import annotations

from whoosh.filedb.filestore import FileStorage


class WritingStorage(FileStorage):
    """A FileStorage for a folder only the build writes to (the staged index, under
    the build's lock): file existence is asked of the disk once per name."""

    def __init__(self, path, **kwargs):
        super().__init__(path, **kwargs)
        self._exists: dict[str, bool] = {}

    def file_exists(self, name):
        known = self._exists.get(name)
        if known is None:
            known = self._exists[name] = super().file_exists(name)
        return known

    def _forget(self):
        self._exists.clear()

    def create(self):
        self._forget()
        return super().create()

    def destroy(self):
        self._forget()
        return super().destroy()

    def clean(self, ignore=False):
        self._forget()
        return super().clean(ignore)

    def create_file(self, name, excl=False, mode="wb", **kwargs):
        self._forget()
        return super().create_file(name, excl=excl, mode=mode, **kwargs)

    def delete_file(self, name):
        self._forget()
        return super().delete_file(name)

    def rename_file(self, oldname, newname, safe=False):
        self._forget()
        return super().rename_file(oldname, newname, safe=safe)
