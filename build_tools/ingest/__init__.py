"""`ingest`: bring a new OCR text, scan image or PDF into the corpus.

inputs.py   read text (UTF-8 / TIS-620) or OCR an image / PDF
split.py    cut a bundle into its documents (letters, annexes, guidance ...)
letter.py   extract a Thai official letter's parts (number, date, references ...)
words.py    review checks on the text: unknown words, mixed scripts, garbled lines
resolve.py  link references to documents already in the corpus (exact / probable)
store.py    ids, front matter, the atomic commit into corpus/, corrections.yaml
run.py      the whole command: plan -> review report -> commit
"""
