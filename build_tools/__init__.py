"""Build tools for the "สยามเมืองยิ้ม" knowledge site.

Data flows one way: corpus/raw (immutable scans) -> normalized documents
(raw + corrections data) -> knowledge model -> Whoosh index, site pages, open data.
"""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# PyThaiNLP must never reach the network: only data shipped in the wheel is used.
# Set before any pythainlp import, wherever build_tools is imported.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_DATA", str(PROJECT_ROOT / ".pythainlp-data"))
Path(os.environ["PYTHAINLP_DATA"]).mkdir(parents=True, exist_ok=True)
