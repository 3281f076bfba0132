"""A command run as `python -m build_tools` ends its process with os._exit once its
output is flushed (build_tools/__main__.py): the system takes the memory back at once.
What a command holds until then would otherwise be freed object by object as its
functions return: at the end of a one-letter rebuild at 10,000 letters, the documents,
pages and states of the build, 0.3 s.  Such objects are handed to `keep_until_exit`.
In any other process (the tests, a program calling the build) nothing is kept."""
from __future__ import annotations

ENDS_WITHOUT_FREEING = False  # set by build_tools/__main__.py
_kept: list[tuple] = []


def keep_until_exit(*objects) -> None:
    """Keep `objects` alive until the process ends, when it ends without freeing them."""
    if ENDS_WITHOUT_FREEING:
        _kept.append(objects)
