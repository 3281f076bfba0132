"""Project locations checked against the gazetteer of the `geothai` package (every
province, district and sub-district of Thailand, shipped in the wheel: no network)."""
from __future__ import annotations

from importlib.metadata import version

import geothai

_PREFIXES = ("จังหวัด", "อำเภอ", "เขต", "ตำบล", "แขวง", "จ.", "อ.", "ต.")
SOURCE = f"geothai {version('geothai')}"


def _clean(name) -> str:
    name = str(name).strip()
    for p in _PREFIXES:
        if name.startswith(p) and len(name) > len(p):
            return name[len(p):].strip()
    return name


def _find(areas, name):
    n = geothai.normalize(_clean(name))
    return next((a for a in areas if n in (geothai.normalize(a.name_th), geothai.normalize(a.name_en))), None)


def resolve(location) -> dict:
    """The gazetteer records of a (valid) location: codes and Thai/English names."""
    p = _find(geothai.provinces(), location["province"])
    out = {"province": {"code": p.code, "name_th": p.name_th, "name_en": p.name_en}}
    if location.get("district"):
        d = _find(geothai.districts(p.code), location["district"])
        out["district"] = {"code": d.code, "name_th": d.name_th, "name_en": d.name_en}
        if location.get("subdistrict"):
            s = _find(geothai.subdistricts(d.code), location["subdistrict"])
            out["subdistrict"] = {"code": s.code, "name_th": s.name_th, "name_en": s.name_en}
    return out


def check_location(location, line: int):
    """Yield (line, message) for a location {province, district?, subdistrict?}."""
    if not isinstance(location, dict) or not location.get("province"):
        yield line, ("location must be {province: ..., district: ..., subdistrict: ...} "
                     "(district and subdistrict optional)")
        return
    for key in location:
        if key not in ("province", "district", "subdistrict"):
            yield location.line_of(key), f"location: unknown field '{key}'"
    p = _find(geothai.provinces(), location["province"])
    if p is None:
        yield (location.line_of("province"),
               f"location: '{location['province']}' is not a province of Thailand ({SOURCE})")
        return
    if location.get("subdistrict") and not location.get("district"):
        yield location.line_of("subdistrict"), "location: a subdistrict needs its district"
        return
    if not location.get("district"):
        return
    d = _find(geothai.districts(p.code), location["district"])
    if d is None:
        yield location.line_of("district"), (f"location: '{location['district']}' is not a district of "
                                             f"province {p.name_th} ({SOURCE})")
        return
    if location.get("subdistrict") and _find(geothai.subdistricts(d.code), location["subdistrict"]) is None:
        yield location.line_of("subdistrict"), (f"location: '{location['subdistrict']}' is not a subdistrict of "
                                                f"district {d.name_th}, province {p.name_th} ({SOURCE})")
