"""`ingest`: bring a new OCR text, scan image or PDF into the corpus.

inputs.py     read text (UTF-8 / TIS-620 / UTF-16) or a scan's pages, with the input limits
ocr.py        a page's text: preprocess.py (the page made easier), tesseract.py (one
              recognition: text and word boxes), layout.py (the text rebuilt from the boxes),
              digits.py (Thai digits read again, glyph by glyph)
split.py      cut a bundle into its documents (letters, annexes, guidance ...)
forms.py      the forms of official correspondence and their labels (found through OCR damage)
rows.py       the lines as extraction sees them (segments apart at wide gaps)
header.py     a letter's header by its form: top block, labelled fields, where the body starts;
              stamps.py: the receipt stamps above it (the receiving office's, not the letter's);
              field_lines.py: what a header line is (an item, a citation, a count, debris)
              row_apart.py: a row's first segments put right (a label apart, a margin speck);
              header_by_place.py: fields whose label OCR lost, read by their place
tail.py       where the body ends, signature block, contacts, the form's own date at the foot
letter.py     one letter's parts (number, date, references, enclosures ...) from the above
numbers.py    letter numbers as printed; dates.py: dates as printed (two-digit years, damage)
issuers.py    who issued it: letterhead and number (corpus/letter_codes.yaml) checked together
checks.py     numbers and dates checked, the likely reading suggested; prefixes.py: office
              digits against the code data; citations.py: against the corpus letters citing it
analyze.py    a text's documents: extract, identify, check, restore names, ids, references
resolve.py    link references to documents already in the corpus (exact / probable)
word_check.py review checks on the text: unknown words, mixed scripts, garbled lines
records.py    titles, front matter and --json records; report.py: the review report
store.py      ids, front matter text, the manifest, corrections.yaml; commit.py: the atomic commit
accept.py     --accept: a reviewed word into corpus/corrections.yaml, validated first
run.py        the whole command: plan -> review report -> commit, under the writer lock
"""
