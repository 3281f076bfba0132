"""`python -m build_tools`: the command line (build_tools.cli), in a process of its own."""
import logging
import os
import sys

from build_tools.cli import main
from build_tools.common import process_end

# (a profiler or coverage tracer writes its results at the usual exit: see below)
traced = sys.getprofile() is not None or sys.gettrace() is not None
process_end.ENDS_WITHOUT_FREEING = not traced
code = main()
# The command is done and every file it wrote is closed (a build's writes are atomic).
# Exiting the usual way frees each of the objects a build at 10,000 letters still
# holds, one by one: half a second of a one-letter rebuild, for memory the system takes
# back at once.  So the output is flushed and the process ends without that (unless a
# profiler or coverage tracer runs: it writes its results at the usual exit).
if traced:
    raise SystemExit(code)
logging.shutdown()
for stream in (sys.stdout, sys.stderr):
    try:
        stream.flush()
    except (OSError, ValueError):  # a closed pipe (`... | head`): nothing more to say
        pass
os._exit(code if isinstance(code, int) else 0 if code is None else 1)
