"""The HTML exporter of edgekit's reports: nbconvert's, without its closing re-parse.

nbconvert's :class:`~nbconvert.HTMLExporter` renders the page with its templates, then parses
the whole page again with BeautifulSoup to add two accessibility touches (a generic ``alt`` on
images that have none, ``tabindex="0"`` on input and output areas) and writes it out again. On
the report of a 10k-resource estate (a 7 MB page) that round trip is 0.3 s of the 0.5 s export,
after the kernel, on the report's critical path (benchmarks/RESULTS.md, issue 16).

:class:`ReportExporter` renders with the same templates and filters, and adds the same two
touches to the tags the templates emitted, by their exact spelling: the page it writes reads
the same as nbconvert's to an HTML parser (a test compares both, parsed, on a report).
AWS strings never match those spellings: every one of them is escaped in the outputs.
"""

from __future__ import annotations

import re
from typing import Any, Final

from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

FOCUSABLE: Final = re.compile(
    r'(<div class="[^"<>]*\b(?:jp-Cell-inputWrapper|jp-OutputArea-output)\b[^"<>]*")'
)
"""The opening tag of an input or output area as the lab templates write it (nbconvert makes
them focusable)."""
IMAGE_WITHOUT_ALT: Final = re.compile(r"<img(?![^<>]*\salt=)(?=[\s>/])")
"""An ``<img`` whose tag has no ``alt`` attribute."""
NO_ALT: Final = "No description has been provided for this image"
"""nbconvert's ``alt`` for an image that has none."""


class ReportExporter(HTMLExporter):
    """nbconvert's HTML exporter; the page is not parsed again (see the module docstring)."""

    def from_notebook_node(  # type: ignore[override]
        self, nb: Any, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        """The page and its resources, as :meth:`HTMLExporter.from_notebook_node` makes them."""
        language = nb.metadata.get("language_info", {})
        lexer = language.get("pygments_lexer", language.get("name", None))
        highlight = self.filters.get(
            "highlight_code",
            Highlight2HTML(pygments_lexer=lexer, parent=self),  # type: ignore[no-untyped-call]
        )
        resources = self._init_resources(resources)  # type: ignore[no-untyped-call]
        data_types = WidgetsDataTypeFilter(  # type: ignore[no-untyped-call]
            notebook_metadata=self._nb_metadata, parent=self, resources=resources
        )
        self.register_filter("highlight_code", highlight)  # type: ignore[no-untyped-call]
        self.register_filter("filter_data_type", data_types)  # type: ignore[no-untyped-call]
        page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return accessible(page), resources


def accessible(page: str) -> str:
    """nbconvert's two accessibility touches on a page its lab templates wrote."""
    page = FOCUSABLE.sub(r'\1 tabindex="0"', page)
    return IMAGE_WITHOUT_ALT.sub(f'<img alt="{NO_ALT}"', page)
