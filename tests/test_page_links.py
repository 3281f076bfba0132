"""What an incremental MkDocs run is given besides the changed pages (page_links.py)."""
from build_tools.outputs.site.page_links import linked_files, nav_pages


def test_every_link_form_mkdocs_resolves_names_its_file():
    markdown = "\n".join([
        "[ต้นฉบับ](../raw/synth-letter-00001.md) [อ้างถึง](synth-letter-00003.md#l84 \"ชื่อ\")",
        "![ตรา](../images/garuda%20small.png)",
        '<a href="../agencies/dla.md#roles">กรม</a> <img src="../images/stamp.svg">',
        "[def]: ../glossary/index.md",
        "  [spaced]: <../timeline/index.md>",
    ])
    assert linked_files("documents/synth-letter-00001.md", markdown) == {
        "raw/synth-letter-00001.md", "documents/synth-letter-00003.md", "images/garuda small.png",
        "agencies/dla.md", "images/stamp.svg", "glossary/index.md", "timeline/index.md"}


def test_links_that_name_no_file_of_the_docs_folder_are_left_out():
    markdown = ("[web](https://www.cdd.go.th/x.md) [mail](mailto:a@b.c) [top](#c1) "
                "[abs](/documents/x.md) [out](../../outside.md) <a href=\"//host/x.md\">x</a>")
    assert linked_files("documents/x.md", markdown) == set()


def test_the_navigation_s_pages_titled_or_not():
    nav = [{"หน้าแรก": "index.md"}, "about.md",
           {"หนังสือ": ["documents/index.md", {"ฉบับหนึ่ง": "documents/a.md"}]},
           {"ภายนอก": "https://www.dla.go.th/"}]
    assert nav_pages(nav) == {"index.md", "about.md", "documents/index.md", "documents/a.md"}
    # the pages MkDocs takes the title of from the page itself: rendered in every build
    assert nav_pages(nav, titled=False) == {"about.md", "documents/index.md"}
