"""Pages are written from Jinja2 templates (templates/): the Thai text of every page and
label sits there, and Python only gathers what a page shows.  Templates write Markdown
(MkDocs turns it into HTML), so corpus text goes through the `md` filter (Markdown
escaping) and text inside HTML attributes through `h`; nothing is escaped implicitly."""
from __future__ import annotations

import functools
import os
from html import escape as html_escape

import jinja2

from build_tools import PROJECT_ROOT
from build_tools.common.thaidate import to_thai_digits
from build_tools.knowledge import urls
from build_tools.knowledge.model import LEVELS, MEANS, PHASES, PROJECT_KINDS
from build_tools.outputs.site.markup import attrs, escape, table, yaml_str
from build_tools.sources.corpus import DOC_TYPES

# What templates may call from knowledge/urls.py (the one module that owns paths and URLs).
URL_NAMES = ("link", "url_between", "open_data_file", "page_url", "doc_page", "raw_page", "agency_page",
             "project_page", "handout_page", "MATRIX_PAGE", "GUIDANCE_PAGE", "PROJECTS_PAGE", "OPEN_DATA_PAGE",
             "DOCUMENTS_PAGE", "AGENCIES_PAGE", "MISSIONS_PAGE", "MONITORING_PAGE", "GLOSSARY_PAGE", "TIMELINE_PAGE")


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("build_tools.outputs.site", "templates"),
        autoescape=False,  # Markdown, not HTML: escaping is explicit (| md, | h)
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined, bytecode_cache=compiled_templates())
    env.filters.update(md=escape, h=html_escape, thai=lambda v: to_thai_digits(str(v)),
                       yaml_str=yaml_str, attrs=lambda anchor, *c: attrs(anchor, *c),
                       short_name=lambda aid, site: site.agency_name(aid, short=True))
    # br: Markdown's line break (two trailing spaces), spelled out so no editor strips it.
    env.globals.update(table=table, attrs=attrs, br="  ", LEVELS=LEVELS, MEANS=MEANS, PHASES=PHASES,
                       PROJECT_KINDS=PROJECT_KINDS, DOC_TYPES=DOC_TYPES,
                       **{name: getattr(urls, name) for name in URL_NAMES})
    return env


def compiled_templates(kind: str = "jinja") -> jinja2.BytecodeCache | None:
    """Jinja's own cache of compiled templates (checked against each template's source),
    so a rebuild does not compile every template again (seconds); in the build cache
    folder (SIAM_YIM_CACHE, else build/cache), or none where that cannot be made.  `kind`:
    its subfolder (ours, or the site theme's: engine_mkdocs)."""
    folder = os.path.join(os.environ.get("SIAM_YIM_CACHE") or PROJECT_ROOT / "build" / "cache", kind)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(folder)


def render(template: str, **context) -> str:
    """The rendered template, ending in exactly one newline (a section's closing blank
    line is not the page's)."""
    return environment().get_template(template).render(**context).rstrip("\n") + "\n"


@functools.cache
def labels():
    """The macros of templates/labels.j2 as callables: the short Thai labels Python needs
    too (diagram captions, table cells), e.g. labels().step_title('step', '3')."""
    return environment().get_template("labels.j2").module
