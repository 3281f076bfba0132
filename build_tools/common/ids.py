"""Ids are permalinks: lowercase ASCII words joined by '-', unique across the corpus."""
import re

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
