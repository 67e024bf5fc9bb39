"""One module per medium escapes untrusted text (issue #11 items 8, 12, 14)."""

from __future__ import annotations

import html

import mistune
import pytest

from edgekit.escape import csvcell, htmltext, mdtext, terminal

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "a|b|c",
    "`code` and ``two``",
    "*bold* _em_ ~~strike~~ $x$",
    "# heading",
    "- item",
    "1. first",
    "> quote",
    "&lt;b&gt; &amp;",
    "line\nbreak\n# heading",
    "back\\slash",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_text_renders_literally(value: str) -> None:
    rendered = mistune.html(mdtext.text(value)).strip()
    one_line = value.replace("\n", " ")
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert html.unescape(rendered[3:-4]) == one_line


@pytest.mark.parametrize("value", ["a|b", "x\ny|z"])
def test_markdown_cell_keeps_the_table_row(value: str) -> None:
    md = mistune.create_markdown(plugins=["table"])
    rendered = md(f"| h |\n|---|\n| {mdtext.cell(value)} |\n")
    assert isinstance(rendered, str)
    assert rendered.count("<td>") == 1
    assert value.replace("\n", " ") in html.unescape(rendered)


@pytest.mark.parametrize("value", ["a`b", "``x``", "`", "<i>x</i>", ""])
def test_markdown_code_span_is_never_closed_early(value: str) -> None:
    rendered = str(mistune.html(f"before {mdtext.code(value)} after"))
    assert rendered.count("<code>") == 1
    inner = rendered.split("<code>")[1].split("</code>")[0]
    assert html.unescape(inner).strip() == value.strip()


def test_markdown_fmt_escapes_every_value() -> None:
    assert mdtext.fmt("**{}** on {}", "a*b", "[x](y)") == "**a\\*b** on \\[x\\](y)"


def test_html_text_escapes_quotes_too() -> None:
    assert htmltext.text("<a href='x'>\"") == "&lt;a href=&#x27;x&#x27;&gt;&quot;"


def test_xml_text_drops_what_xml_forbids() -> None:
    assert htmltext.xml_text("a\x1b[31m\x00b\u202ec<") == "a[31mbc&lt;"


def test_plain_graphviz_label_is_never_html() -> None:
    assert htmltext.plain_label("<b>x</b>") == " <b>x</b>"
    assert htmltext.plain_label("us-east-1") == "us-east-1"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("red\x1b[31mX\x1b[0m", "redX"),
        ("title\x1b]0;pwned\x07!", "title!"),
        ("st\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "stlink"),
        ("c1\x9b31mX", "c1X"),
        ("bidi\u202eevil\u2066x\u2069", "bidievilx"),
        ("tab\tnew\nline\rcr", "tab new line cr"),
        ("bell\x07nul\x00del\x7f", "bellnuldel"),
        ("[bold red]x[/]", "[bold red]x[/]"),  # rich markup is not the terminal's business
    ],
)
def test_terminal_clean(raw: str, clean: str) -> None:
    assert terminal.clean(raw) == clean


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_formula_is_neutralised(value: str) -> None:
    assert csvcell.cell(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "a=b", "", -5, 3.5, None])
def test_csv_other_values_unchanged(value: object) -> None:
    assert csvcell.cell(value) == value
