"""Review flags: everything a maintainer must look at before trusting an ingested text."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

# kind -> Thai heading used in the review report
KINDS = {
    "unknown_word": "คำที่ไม่พบในพจนานุกรม",
    "mixed_script": "ตัวอักษรปนหลายภาษา (เศษจาก OCR)",
    "garbled": "บรรทัดอ่านไม่ได้ (ตราประทับ/ลายเซ็น)",
    "number_conflict": "เลขที่หนังสือขัดกัน",
    "probable_reference": "การอ้างถึงที่น่าจะตรงกัน (รอตรวจยืนยัน)",
    "unresolved_reference": "การอ้างถึงที่ไม่พบในคลัง",
    "unknown_prefix": "รหัสหน่วยงานในเลขที่หนังสือที่ไม่รู้จัก",
    "missing": "ข้อมูลที่ขาด",
    "inherited": "ข้อมูลที่ใช้จากหนังสือนำส่ง",
    "id_collision": "รหัสเอกสารซ้ำ (ตั้งรหัสใหม่ให้แล้ว)",
}


@dataclass
class Flag:
    kind: str
    message: str
    line: int | None = None
    suggestion: str | None = None
    wrong: str | None = None  # the text a correction would replace
    id: str = ""

    def with_id(self, doc_key: str) -> "Flag":
        """A stable id (same input -> same id), so a flag can be accepted later."""
        h = hashlib.sha256(f"{doc_key}|{self.kind}|{self.line}|{self.wrong}|{self.message}".encode())
        self.id = "F" + h.hexdigest()[:8]
        return self

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "message": self.message, "line": self.line,
                "wrong": self.wrong, "suggestion": self.suggestion}
