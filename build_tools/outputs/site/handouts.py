"""Printable one-page A4 handouts (filled in below)."""


def handout_pages(site) -> dict[str, str]:
    return {}
