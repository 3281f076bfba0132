"""YAML with line numbers, so every error can name the file and line."""
from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.common.problems import Problem


def _rebuilt(cls, items, attributes: dict):
    """A LineDict or LineList as pickled (their __reduce__)."""
    made = cls(items)
    made.__dict__.update(attributes)
    return made


class LineDict(dict):
    """A mapping that remembers where it and each of its keys stand (1-based lines)."""

    line: int = 1
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)

    def __reduce__(self):
        # Pickled as (class, items, attributes): read back about nine times as fast as a
        # dict subclass is by default, and every build reads back 10,000 letters' front
        # matters (sources/document_records.py).
        return _rebuilt, (LineDict, dict(self), self.__dict__)


class LineList(list):
    line: int = 1
    item_lines: list

    def __reduce__(self):
        return _rebuilt, (LineList, list(self), self.__dict__)


class _LineLoader(yaml.SafeLoader):
    """The reference loader, in Python: its error messages are the ones we report."""


# The same loader over libyaml (about ten times faster: thousands of front matters and
# the model files are parsed on every check).  It gives the same nodes and line marks;
# on any error the file is parsed again by _LineLoader, so messages never change.
_FastLineLoader = type("_FastLineLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node, deep=False):
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    # Dates stay strings: a Buddhist-era date such as 2552-08-20 must never become a datetime.
    _loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


class YamlError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def parse_yaml(text: str, name: str, first_line: int = 1):
    """Parse YAML text; on error raise YamlError naming `name` and the line.

    `first_line` shifts line numbers, for YAML embedded in a larger file (front matter).
    """
    try:
        try:
            data = yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - SafeLoader subclass
        except yaml.YAMLError:  # the reference parser decides, and words the message
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
        if first_line != 1:
            _shift_lines(data, first_line - 1)
        return data
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line + first_line) if mark else first_line
        detail = getattr(exc, "problem", None) or str(exc)
        context, cmark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and cmark is not None and cmark.line + first_line != line:
            detail += f" ({context} at line {cmark.line + first_line})"
        raise YamlError(Problem(name, line, f"malformed YAML: {detail}")) from None


def _shift_lines(node, by: int) -> None:
    if isinstance(node, LineDict):
        node.line += by
        node.key_lines = {k: v + by for k, v in node.key_lines.items()}
        for v in node.values():
            _shift_lines(v, by)
    elif isinstance(node, LineList):
        node.line += by
        node.item_lines = [n + by for n in node.item_lines]
        for v in node:
            _shift_lines(v, by)


def load_yaml(path: Path, name: str):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise YamlError(Problem(name, line, "not valid UTF-8")) from None
    return _cached_parse(text, name, 1)


# Set by a build to a ContentCache (common/cache.py): parsed YAML (documents' front
# matter, the corpus's data files, the model's files) keyed by its text, since parsing
# thousands of unchanged documents' YAML, and the same data files on every build, is the
# slowest part of loading a corpus (PyYAML with line numbers runs in Python).  None:
# parse every time.
FRONT_MATTER_CACHE = None


def _cached_parse(text: str, name: str, first_line: int):
    cache = FRONT_MATTER_CACHE
    if cache is None:
        return parse_yaml(text, name, first_line=first_line)
    import sys

    from build_tools.common.cache import code_version, digest

    key = digest(code_version(sys.modules[__name__]), text, name, str(first_line))
    data = cache.get(key)
    if data is None:
        data = parse_yaml(text, name, first_line=first_line)
        cache.put(key, data)
    return data


def _parse_front_matter(text: str, name: str):
    return _cached_parse(text, name, 2)


def split_front_matter(text: str, name: str):
    """Split `---`-delimited YAML front matter from a Markdown text.

    Returns (metadata LineDict, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise YamlError(Problem(name, 1, "missing front matter (the file must start with ---)"))
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            meta = _parse_front_matter("\n".join(lines[1:i]), name)
            if not isinstance(meta, dict):
                raise YamlError(Problem(name, 2, "front matter must be a mapping of fields"))
            return meta, "\n".join(lines[i + 1 :]), i + 2
    raise YamlError(Problem(name, 1, "front matter is not closed (no second --- line)"))


def load_data_file(corpus_dir: Path, name: str, kind: type, shape: str, problems: list):
    """An optional data file corpus/<name>: its data when it exists, parses and is a
    `kind` (list or dict); otherwise None, with the reason appended to `problems` (a
    missing or empty file is no problem: it means no entries)."""
    rel = f"corpus/{name}"
    path = corpus_dir / name
    if not path.exists():
        return None
    try:
        data = load_yaml(path, rel)
    except YamlError as exc:
        problems.append(exc.problem)
        return None
    if data is None:
        return None
    if not isinstance(data, kind):
        problems.append(Problem(rel, getattr(data, "line", 1), f"must {shape}"))
        return None
    return data
