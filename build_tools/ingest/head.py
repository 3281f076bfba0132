"""What a letter's header holds once read (header.py reads it, letter.py makes the Letter
of it): the top block's parts, each labelled field's lines, and where OCR left gaps."""
from __future__ import annotations

from dataclasses import dataclass, field

from build_tools.ingest.dates import DateReading
from build_tools.ingest.forms import Form
from build_tools.ingest.numbers import Number


@dataclass
class Head:
    form: Form
    urgency: str | None = None
    number: Number | None = None
    number_line: int | None = None
    number_labelled: bool = False
    date: DateReading | None = None
    date_line: int | None = None
    date_above_number: bool = False  # read where receipt stamps stand, not below the number
    date_unread: tuple[int, str] | None = None  # the date line whose day OCR could not read
    # the number's row whose number OCR spoiled (a memo's), or whose code it lost: what it read
    number_unread: tuple[int, str] | None = None
    subject_unlabelled: int | None = None  # the line read as เรื่อง by its place (its label lost)
    addressee_unlabelled: int | None = None  # the line read as ถึง by its place (หนังสือประทับตรา)
    unlabelled: dict[str, int] = field(default_factory=dict)  # อ้างถึง / สิ่งที่ส่งมาด้วย read by place: its line
    offices: list[tuple[int, str]] = field(default_factory=list)  # letterhead / office names
    address: str | None = None
    fields: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    body_start: int | None = None  # index in rows
    consumed: set[int] = field(default_factory=set)  # raw lines that are not the letter's text
    title_index: int | None = None
    stamps: list[dict] = field(default_factory=list)  # receipt stamps of receiving offices
    label_rows: set[int] = field(default_factory=set)  # raw lines where a field's label is printed again
