"""The diagrams adapter: real PNG and SVG files, icons, determinism, no stray files."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from edgekit.errors import EdgekitError
from edgekit.render import entrypoint_spec, render_entrypoint
from edgekit.render.draw import ICONS, icon_file, render, render_formats
from edgekit.render.spec import DiagramSpec
from tests.render.helpers import PNG_MAGIC, fixed_findings, png_size, rich

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def spec() -> DiagramSpec:
    return entrypoint_spec(rich(), fixed_findings(), "www.example.com")


@pytest.fixture(scope="module")
def drawn(spec: DiagramSpec, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pictures")
    cwd = tmp_path_factory.mktemp("cwd")
    old = Path.cwd()
    os.chdir(cwd)  # diagrams writes relative to the working directory unless told otherwise
    try:
        png, svg = render_formats(spec, out, ["png", "svg"])
    finally:
        os.chdir(old)
    assert list(cwd.iterdir()) == [], "nothing may be written to the working directory"
    return {"png": png, "svg": svg, "out": out}


def test_png_is_a_readable_png(drawn: dict[str, Path]) -> None:
    data = drawn["png"].read_bytes()
    assert data.startswith(PNG_MAGIC)
    width, height = png_size(data)
    assert 800 < width < 5000 and 300 < height < 3000


def test_svg_stands_alone(drawn: dict[str, Path]) -> None:
    text = drawn["svg"].read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    images = root.iter(f"{SVG_NS}image")
    hrefs = [i.get("{http://www.w3.org/1999/xlink}href") or i.get("href") or "" for i in images]
    assert hrefs and all(h.startswith("data:image/png;base64,") for h in hrefs)
    assert "www.example.com" in text and "E1MAINDIST" in text


def test_only_the_pictures_are_left(drawn: dict[str, Path]) -> None:
    names = sorted(p.name for p in drawn["out"].iterdir())
    assert names == ["www-example-com.png", "www-example-com.svg"]  # the DOT file is removed


def test_deterministic_svg(spec: DiagramSpec, drawn: dict[str, Path], tmp_path: Path) -> None:
    again = render(spec, tmp_path, "svg")
    assert again.read_bytes() == drawn["svg"].read_bytes()


def test_render_entrypoint_for_notebooks(tmp_path: Path) -> None:
    path = render_entrypoint(rich(), "geo.example.com", findings=[], out_dir=tmp_path)
    assert path == tmp_path.resolve() / "geo-example-com.svg" and path.stat().st_size > 0


def test_every_icon_key_has_a_file() -> None:
    for key in ICONS:
        path = icon_file(key)
        assert (path is None) == (key == "none")
        assert path is None or Path(path).is_file(), key


def test_unknown_format_is_a_clear_error(spec: DiagramSpec, tmp_path: Path) -> None:
    with pytest.raises(EdgekitError, match="format"):
        render(spec, tmp_path, "gif")


def test_missing_graphviz_is_a_clear_error(
    spec: DiagramSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    with pytest.raises(EdgekitError, match="Graphviz"):
        render(spec, tmp_path, "png")
