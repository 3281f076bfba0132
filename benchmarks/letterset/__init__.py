"""A generated evaluation set of Thai official letters for `ingest` (issue #16).

specs.py    who writes what: the issuing offices, the 32 letters' forms, fonts, damage, formats
content.py  the words: subjects, bodies, references, enclosures, people (drawn by a seeded RNG)
compose.py  each form's printed rows (หนังสือภายนอก, บันทึกข้อความ, หนังสือประทับตรา, คำสั่ง, ประกาศ)
render.py   rows -> A4 page images (emblem, receipt stamps, signatures, tables, page breaks)
damage.py   scan damage (skew, blur, noise, fading, JPEG) and the files (PNG, JPEG, PDF, TIFF)
build.py    write_set(): every letter's scan, its typed text and its truth metadata

Everything is fictional and deterministic for a seed; nothing here is ever published."""
