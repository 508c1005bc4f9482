"""The documents' building blocks give reportlab exactly what its own parsing would."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from tourplanner.export.pdf.blocks import DETAILS, fragments, label, line, stack
from tourplanner.export.pdf.fonts import markup
from tourplanner.export.pdf.styles import make_styles

TEXTS = [
    "Hello",
    " Keynote  hall ",
    "+86\u00a0755\u00a02345",  # no-break spaces (keep_phones)
    "09:15–10:15",
    "x & y",
    'say "hi" <b>',
    "深圳会展中心 Hall 5",
    "two\nlines",
    "tab\there",
    "   ",
    "",
]


def frag_values(frags: list) -> list[dict]:
    return [dict(f.__dict__) for f in frags]


@pytest.mark.parametrize("raw", TEXTS)
def test_fragments_are_what_reportlab_parses(raw: str) -> None:
    s = make_styles()
    wrapped = f'<font name="TPSans-Bold" size="10" color="#1f2328">{markup(raw)}</font>'
    for style in (s.body, s.time, s.taxi, DETAILS):
        for text in (markup(raw), wrapped, "<b>CANCELLED · </b>" + markup(raw)):
            expected = frag_values(Paragraph(text, style).frags)
            assert frag_values(fragments(text, style)) == expected, (text, style.name)
            # Asked again (from the cache), the same.
            assert frag_values(fragments(text, style)) == expected


def test_a_stack_is_its_lines_joined_and_parsed_whole() -> None:
    s = make_styles()
    lines = [line("Opening", s.entry_title, prefix="<b>CANCELLED · </b>")]
    lines += [line(text, s.muted if n % 2 else s.taxi) for n, text in enumerate(TEXTS)]
    built = stack(lines, DETAILS)
    assert frag_values(built.frags) == frag_values(Paragraph(built.text, DETAILS).frags)
    assert built.wrap(300, 1000) == Paragraph(built.text, DETAILS).wrap(300, 1000)


def test_a_label_is_one_line_and_wraps_like_its_paragraph_when_too_wide() -> None:
    s = make_styles()
    assert label("09:15–10:15", s.time).wrap(70, 500) == (70, s.time.leading)
    text = "09:15–10:15 then a long note"
    narrow = label(text, s.time).wrap(40, 500)
    assert narrow == Paragraph(text, s.time).wrap(40, 500) and narrow[1] > s.time.leading
    # Markup or doubled spaces are a paragraph's to lay out.
    assert isinstance(label("a &amp; b", s.time), Paragraph)
    assert isinstance(label("a  b", s.time), Paragraph)
