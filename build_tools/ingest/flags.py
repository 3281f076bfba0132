"""Review flags: everything a maintainer must look at before trusting an ingested text."""
from __future__ import annotations

from build_tools.common.findings import Finding

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
    "unlabelled": "ข้อมูลที่อ่านจากตำแหน่งตามแบบหนังสือ (ไม่พบป้ายชื่อ)",
    "inherited": "ข้อมูลที่ใช้จากหนังสือนำส่ง",
    "id_collision": "รหัสเอกสารซ้ำ (ตั้งรหัสใหม่ให้แล้ว)",
    "number_reading": "เลขที่หนังสือที่อ่านผ่านความเสียหายของ OCR (เครื่องหมาย / หรือ ว ตัวอักษรที่อ่านแทนเลข)",
    "number_check": "เลขที่หนังสือที่ต้องตรวจ (ข้อเสนอแนะคือเลขที่น่าจะถูก)",
    "date_check": "วันที่ที่ไม่เข้ากับข้อมูลอื่น (ตรารับ หนังสือที่อ้างถึง)",
    "date_invalid": "วันที่ที่อ่านไม่ได้หรือเป็นไปไม่ได้",
    "date_source": "วันที่ที่ไม่ได้มาจากตำแหน่งวันที่ของหนังสือ",
    "date_reading": "วันที่ที่อ่านผ่านความเสียหายของ OCR (ปีสองหลัก ชื่อเดือน วันที่อ่านเป็นตัวอักษร)",
    "ocr_reading": "ข้อความที่ OCR อ่านได้ไม่ตรงกันเมื่ออ่านซ้ำ",
    "name_suggestion": "ชื่อที่อาจเป็นชื่อที่รู้จักได้หลายชื่อ",
    "issuer_source": "หน่วยงานที่ออกหนังสือที่อ่านจากเนื้อความ (หัวหนังสือและเลขที่อ่านไม่ได้)",
}


# A review flag is the project's one kind of finding (build_tools.common.findings).
Flag = Finding
