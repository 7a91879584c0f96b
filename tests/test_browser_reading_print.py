"""Printing in a real Chromium: every page printed to PDF (page.pdf(), print styles) has no blank
sheet and no heading left alone at the bottom of a sheet; the self-check's answers print on one
sheet. The PDF is read from its bytes: each page's content stream, what it draws as text, where
and at what size."""

from __future__ import annotations

import re
import zlib

import pytest

from conftest import LANGUAGES, pages

pytestmark = pytest.mark.browser

SELF_CHECK_QUESTIONS = ".selfcheck__question"


def page_streams(pdf: bytes) -> list[bytes]:
    """The content stream of each page of a PDF as Chromium writes it (one stream a page, Flate
    compressed, no object streams), in page order."""
    offsets = {match.group(1): match.start() for match in re.finditer(rb"(\d+) 0 obj\s*<<", pdf)}
    order = re.search(rb"/Type\s*/Pages\b.*?/Kids\s*\[([^\]]*)\]", pdf, re.S)
    streams = []
    for number in re.findall(rb"(\d+) 0 R", order.group(1)):
        head = pdf[offsets[number] : offsets[number] + 2000]
        contents = re.search(rb"/Contents\s+(\d+) 0 R", head).group(1)
        body = pdf[offsets[contents] :]
        length = int(re.search(rb"/Length\s+(\d+)", body[:500]).group(1))
        start = body.index(b"stream") + len(b"stream")
        start += 2 if body[start : start + 2] == b"\r\n" else 1
        data = body[start : start + length]
        streams.append(zlib.decompress(data) if b"/FlateDecode" in body[:start] else data)
    return streams


TEXT_OPERATIONS = re.compile(
    rb"/\S+\s+(?P<size>[\d.]+)\s+Tf"
    rb"|(?:[-\d.]+\s+){5}(?P<y>[-\d.]+)\s+Tm"
    rb"|[-\d.]+\s+(?P<dy>[-\d.]+)\s+Td"
    rb"|(?P<glyphs><[0-9A-Fa-f]*>|\[[^\]]*\])\s*T[jJ]"
)


def text_runs(stream: bytes) -> list[tuple[float, float, int]]:
    """What a page draws as text: (vertical position, font size, glyphs) for each run of glyphs."""
    runs, size, y = [], 0.0, 0.0
    for match in TEXT_OPERATIONS.finditer(stream):
        if match.group("size"):
            size = float(match.group("size"))
        elif match.group("y"):
            y = float(match.group("y"))
        elif match.group("dy"):
            y += float(match.group("dy"))
        else:
            runs.append((y, size, max(1, len(re.findall(rb"[0-9A-Fa-f]{4}", match.group("glyphs"))))))
    return runs


def sheet_problems(pdf: bytes) -> list[str]:
    """Blank sheets, and sheets (but the last) whose lowest line is larger than most of their text:
    a heading left alone at the bottom."""
    problems = []
    streams = page_streams(pdf)
    for number, stream in enumerate(streams, 1):
        runs = text_runs(stream)
        if not runs and b" Do" not in stream:
            problems.append(f"sheet {number} of {len(streams)} is blank")
            continue
        if number == len(streams) or not runs:
            continue
        glyphs_by_size: dict[float, int] = {}
        for _, size, glyphs in runs:
            glyphs_by_size[size] = glyphs_by_size.get(size, 0) + glyphs
        body = max(glyphs_by_size, key=glyphs_by_size.get)
        lowest = max(y for y, _, _ in runs)
        last_line = [size for y, size, _ in runs if y > lowest - body * 0.5]
        if min(last_line) > body * 1.15:
            problems.append(
                f"sheet {number} of {len(streams)} ends with a heading (text of {min(last_line):.1f} beside body text of {body:.1f})"
            )
    return problems


def test_the_pdf_reading_finds_blank_sheets_and_a_heading_left_alone(page, server):
    """The reading of the PDF can fail: on sheets of a known size, a heading that ends the first
    sheet (once the site's rule that keeps it with its text is switched off) and a blank sheet
    are reported; with the rule, the heading moves to the next sheet with its text."""
    page.goto(server)
    page.evaluate(
        """() => {
      const text = document.querySelector('.md-content__inner');
      text.style.cssText = 'margin: 0 !important; padding: 0 !important';
      text.innerHTML = '<p style="font-size: 16px; margin: 0; height: 900px">Tekst</p><h2 style="font-size: 40px; line-height: 50px; margin: 0">Kop</h2>'
        + '<p style="font-size: 16px; line-height: 24px; margin: 10px 0 0">' + 'Tekst onder de kop. '.repeat(80) + '</p>'
        + '<div style="break-before: page; height: 50px"></div><p style="break-before: page">Na een leeg vel</p>';
    }"""
    )
    page.add_style_tag(content="@page { size: 800px 1000px; margin: 0; }")
    kept = sheet_problems(page.pdf(prefer_css_page_size=True))
    page.add_style_tag(content="@media print { .md-typeset h2 { break-after: auto !important; } }")
    alone = " ".join(sheet_problems(page.pdf(prefer_css_page_size=True)))
    assert "ends with a heading" in alone and "is blank" in alone, alone
    assert not any("ends with a heading" in problem for problem in kept), kept


def test_every_page_prints_without_blank_sheets_or_a_heading_alone_at_the_bottom(page, site, server):
    report = []
    for lang, prefix in LANGUAGES.items():
        for path in pages(site)[lang]:
            url = server + prefix + path.removesuffix("index.html")
            page.goto(url)
            report.extend(f"{url}: {problem}" for problem in sheet_problems(page.pdf()))
    assert report == [], "\n".join(report)


def test_the_self_checks_answers_print_on_one_sheet(page, site, server):
    """Every page with a self-check, both languages: answered and printed with its print button
    (which prints only the answers), one sheet with text on it."""
    page.add_init_script("window.print = () => {}")
    checked = 0
    for lang, prefix in LANGUAGES.items():
        for path in pages(site)[lang]:
            if "data-selfcheck>" not in (site / prefix / path).read_text(encoding="utf-8"):
                continue
            page.goto(server + prefix + path.removesuffix("index.html"))
            for question in page.locator(SELF_CHECK_QUESTIONS).all():
                question.locator("input[type=radio]").first.check()
            page.locator("[data-selfcheck-print]").click()
            streams = page_streams(page.pdf())
            assert len(streams) == 1 and text_runs(streams[0]), f"{prefix}{path}: {len(streams)} sheets"
            checked += 1
    assert checked > 0, "no self-check found"
