"""Data files checked against schemas: every record of a YAML file is validated by a
pydantic model (types, required and unknown keys, a list never taken for a text, id
formats, allowed values), and every error is reported at its file and line in the words
the maintainer guide uses.  Checks that need other files (does this agency exist?) run
after, in the stage's loader, on the typed record."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Annotated, Any, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, PrivateAttr, StringConstraints, ValidationError, create_model

from build_tools.common.ids import ID_RE
from build_tools.common.problems import Problem
from build_tools.common.yamlio import LineDict, LineList

# Field types shared by the schemas.
Id = Annotated[str, StringConstraints(pattern=ID_RE.pattern)]
Text = Annotated[str, StringConstraints(min_length=1)]


class Record(BaseModel):
    """One record of a data file: strict types, no unknown keys, and where it stands."""

    model_config = ConfigDict(extra="forbid", strict=True)
    _file: str = PrivateAttr("")
    _line: int = PrivateAttr(1)
    _key_lines: dict = PrivateAttr(default_factory=dict)

    @property
    def file(self) -> str:
        return self._file

    @property
    def yaml_line(self) -> int:
        """The line the record starts at in its file."""
        return self._line

    def line_of(self, key: str) -> int:
        return self._key_lines.get(key, self._line)

    def get(self, key: str, default=None):
        """Dict-style access to a field (None or absent -> default)."""
        value = getattr(self, key, None)
        return default if value is None else value


R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Wording:
    """How a file's messages read: `what` names one record ("step", "correction")."""

    what: str
    missing: str = "{what} is missing required field '{field}'"
    unknown: str = "{what}: unknown field '{field}'"
    not_mapping: str = "each {what} must be a mapping"
    invalid: str = "{field} {problem}"
    # A field's own message for a wrong value (instead of "<field> must be text" ...).
    fields: tuple[tuple[str, str], ...] = ()


def _present(item: dict, cls: type[Record]) -> dict:
    """Empty values of known fields are absent: `decision:` with nothing after it means no
    decision, and a required field left empty is reported as missing.  An unknown key
    stays, empty or not, to be reported."""
    known = set(cls.model_fields) | {f.alias for f in cls.model_fields.values() if f.alias}
    return {k: v for k, v in item.items() if k not in known or v not in (None, "", [])}


def _line_at(item, loc: tuple) -> int:
    """The line of the value at `loc` inside a LineDict/LineList tree."""
    line = getattr(item, "line", 1)
    node = item
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.line_of(part)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


_PROBLEMS = {
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping",
    "model_attributes_type": "must be a mapping",
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
}


def _describe(err: dict) -> str:
    kind = err["type"]
    if kind == "string_pattern_mismatch":
        return f"'{err['input']}' must be lowercase ASCII words joined by '-'"
    if kind == "literal_error":
        allowed = err["ctx"]["expected"].replace("'", "").replace(" or ", ", ")
        return f"'{err['input']}' is not one of {allowed}"
    if kind in ("value_error", "assertion_error"):
        return str(err["ctx"]["error"])
    return _PROBLEMS.get(kind, err["msg"].lower())


def _field_name(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if not isinstance(p, int)) or "value"


def _own_message(w: Wording, field: str, err: dict) -> str | None:
    """The wording's own message for a field (or anything inside it), if it has one."""
    for prefix, message in w.fields:
        if field == prefix or field.startswith(prefix + "."):
            return message.replace("{input}", str(err.get("input")))
    return None


def _messages(err: dict, item, rel: str, w: Wording) -> Problem:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    field = _field_name(loc)
    if err["type"] == "missing" and len(loc) == 1:
        return Problem(rel, getattr(item, "line", 1), w.missing.format(what=w.what, field=loc[0]))
    if err["type"] == "extra_forbidden" and len(loc) == 1:
        return Problem(rel, _line_at(item, loc), w.unknown.format(what=w.what, field=field))
    # A validator's own message (value_error) is exact; a field's own wording covers the rest.
    own = None if err["type"] in ("value_error", "assertion_error") else _own_message(w, field, err)
    if own is not None:
        return Problem(rel, _line_at(item, loc), own)
    if err["type"] == "missing":
        return Problem(rel, _line_at(item, loc[:-1]), w.missing.format(what=w.what, field=field))
    if err["type"] == "extra_forbidden":
        return Problem(rel, _line_at(item, loc), w.unknown.format(what=w.what, field=field))
    return Problem(rel, _line_at(item, loc), w.invalid.format(what=w.what, field=field, problem=_describe(err)))


@functools.cache
def _partial_class(cls: type[R]) -> type[R]:
    """`cls` with every field optional and unknown keys ignored: holds what passed."""
    fields = {name: (Optional[f.annotation], None) for name, f in cls.model_fields.items()}
    partial = create_model(f"{cls.__name__}Partial", __base__=cls, **fields)
    partial.model_config["extra"] = "ignore"
    partial.model_rebuild(force=True)
    return partial


def _place(record: R, item, rel: str, line: int | None) -> R:
    record._file = rel
    record._line = getattr(item, "line", line or 1)
    record._key_lines = dict(getattr(item, "key_lines", {}))
    return record


def check_record(cls: type[R], item: Any, rel: str, wording: Wording,
                 line: int | None = None) -> tuple[R | None, list[Problem]]:
    """Validate one YAML mapping against `cls`: (record, []) when it is valid.  With
    problems, the record returned holds only the fields that passed (every other field
    None), so checks against other files can still run and one `check` shows every
    problem; callers keep only records without problems.  None if `item` is no mapping."""
    if not isinstance(item, dict):
        return None, [Problem(rel, line or getattr(item, "line", 1),
                              wording.not_mapping.format(what=wording.what))]
    present = _present(item, cls)
    try:
        return _place(cls.model_validate(present), item, rel, line), []
    except ValidationError as exc:
        errors = exc.errors()
    problems = sorted({_messages(e, item, rel, wording) for e in errors})
    failed = {e["loc"][0] for e in errors if e["loc"]}
    try:
        partial = _partial_class(cls).model_validate({k: v for k, v in present.items() if k not in failed})
    except ValidationError:
        return None, problems
    return _place(partial, item, rel, line), problems
