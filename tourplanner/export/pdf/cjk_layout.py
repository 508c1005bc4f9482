"""How reportlab lays out the CJK runs of `fonts.markup`: bold kept, lines broken by CJK rules.

Two things reportlab does not do by itself, put right here for every paragraph:

- `<font name="TPCJK">` resets bold and italic to the named face's, so Chinese inside `<b>` or
  in a bold style printed regular: the CJK run keeps the bold and italic around it (drawn bold
  by `synthetic_bold`).
- A paragraph wraps Chinese between characters only if its style says `wordWrap="CJK"`, and
  reportlab's CJK wrap knows the Japanese closing marks but not the Chinese full-width ones
  ("，" "；" "：" "？" "！"), lets the second of two ("）。") start a line, and lets an opening
  mark end one. A paragraph holding a CJK run wraps the CJK way, by `break_at`: no line starts
  with a closing mark nor ends with an opening one (the character before goes down with it,
  as Chinese typesetters push in). Latin-only paragraphs keep reportlab's word wrap.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, cast
from weakref import WeakKeyDictionary

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph, paraparser

from tourplanner.export.pdf.fonts import CJK

# Marks that never start a line in Chinese (GB/T 15834 and the W3C's clreq): full-width
# closing punctuation, the ideographic ones reportlab already lists, closing quotes, ellipsis.
CLOSING = frozenset("，。、；：？！）」』】〕〉》］｝〗〙〛’”…‥·～％!),.:;?]}")
OPENING = frozenset("（「『【〔〈《［｛〖〘〚‘“([{")
FUZZ = 1e-6
NO_BREAK = frozenset("\u00a0\u202f\u2007\u2060")  # no-break spaces (phone numbers), word joiner


def _space(char: str) -> bool:
    """A space a line may break at (not a no-break one)."""
    return char.isspace() and char not in NO_BREAK


# One derived style per style, freed with it (every document makes its own style sheet).
_styles: WeakKeyDictionary[ParagraphStyle, ParagraphStyle] = WeakKeyDictionary()


def _cjk_style(style: ParagraphStyle) -> ParagraphStyle:
    """`style` wrapping the CJK way."""
    derived = _styles.get(style)
    if derived is None:
        derived = copy.copy(style)  # not a child: it must not keep `style` alive
        derived.name, derived.wordWrap = f"{style.name}-cjk", "CJK"
        derived.for_cjk_runs = True  # see _break_lines
        _styles[style] = derived
    return derived


CJK_TAG = f'<font name="{CJK}">'  # what fonts.markup puts around a CJK run


def wrapping_style(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """The style a paragraph of `text` wraps in, as `RunParser.parse` decides it: the CJK way
    when it holds a CJK run (for paragraphs made from fragments parsed before, unparsed)."""
    if CJK_TAG in text and not getattr(style, "wordWrap", None):
        return _cjk_style(style)
    return style


class RunParser(paraparser.ParaParser):
    """reportlab's paragraph parser, with the two corrections above."""

    def parse(self, text: str, style: Any) -> Any:
        self.has_cjk = False
        parsed_style, frags, bullet = super().parse(text, style)
        if self.has_cjk and not getattr(parsed_style, "wordWrap", None):
            parsed_style = _cjk_style(parsed_style)
        return parsed_style, frags, bullet

    def start_font(self, attr: dict[str, str]) -> None:
        super().start_font(attr)
        if (attr.get("name") or attr.get("face")) == CJK:
            self.has_cjk = True
            outer, run = self._stack[-2], self._stack[-1]
            run.bold, run.italic = outer.bold, outer.italic


def break_at(chars: Sequence[str], start: int, over: int) -> int:
    """Where a line from `start` ends (exclusive) when `chars[over]` no longer fits on it."""
    end = over
    if ord(chars[over][:1] or " ") < 0x3000 and not _space(chars[over]):
        # Inside a Latin word: end after the last space or CJK character on the line; a word
        # longer than the line is cut.
        for j in range(over - 1, start, -1):
            if _space(chars[j]) or ord(chars[j][:1] or " ") >= 0x3000:
                end = j + 1
                break
    while end > start + 1 and (chars[end] in CLOSING or chars[end - 1] in OPENING):
        end -= 1
    while end < len(chars) and _space(chars[end]):
        end += 1  # spaces at a break start no line
    return end


def _lines(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float], breaks: set[int]
) -> list[tuple[int, int, float, float, bool]]:
    """(start, end, width used, line width, forced) of each line; `breaks` are `<br/>`s."""
    lines: list[tuple[int, int, float, float, bool]] = []
    start, used, i = 0, 0.0, 0
    while i < len(chars):
        line_width = max_widths[min(len(lines), len(max_widths) - 1)]
        if i in breaks:
            lines.append((start, i + 1, used, line_width, True))
            start, used, i = i + 1, 0.0, i + 1
            continue
        if used + widths[i] > line_width + FUZZ and i > start:
            end = break_at(chars, start, i)
            shown = end  # the spaces at the break are dropped, as in a Latin paragraph
            while shown > start + 1 and _space(chars[shown - 1]):
                shown -= 1
            lines.append((start, shown, sum(widths[start:shown]), line_width, False))
            start, used, i = end, 0.0, end
            continue
        used += widths[i]
        i += 1
    if start < len(chars):
        line_width = max_widths[min(len(lines), len(max_widths) - 1)]
        lines.append((start, len(chars), used, line_width, False))
    return lines


def frag_split(
    frags: list[Any], max_widths: list[float], calc_bounds: bool, encoding: str = "utf8"
) -> Any:
    """reportlab's `cjkFragSplit` (paragraphs of several runs), breaking by `break_at`."""
    rl = cast(Any, paragraph)  # reportlab's CJK helpers, which its stubs do not declare
    units: list[Any] = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        if text:
            units.extend(rl.cjkU(t, frag, encoding) for t in text)
        else:
            units.append(rl.cjkU(text, frag, encoding))
    widths = []
    for u in units:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_widths[0]
            w = w.normalizedValue(max_widths[0])
        widths.append(w)
    breaks = {n for n, u in enumerate(units) if hasattr(u.frag, "lineBreak")}
    lines = [
        rl.makeCJKParaLine(units[a:b], line_width, used, line_width - used, forced, calc_bounds)
        for a, b, used, line_width, forced in _lines(units, widths, max_widths, breaks)
    ]
    return rl.ParaLines(kind=1, lines=lines)


def word_split(
    word: str, max_widths: float | list[float], font: str, size: float, encoding: str = "utf8"
) -> list[list[Any]]:
    """reportlab's `wordSplit` (a paragraph of one run), breaking by `break_at`."""
    text = word.decode(encoding) if isinstance(word, bytes) else word
    widths = [stringWidth(c, font, size) for c in text]
    limits = max_widths if isinstance(max_widths, (list, tuple)) else [max_widths]
    return [
        [line_width - used, text[a:b]]
        for a, b, used, line_width, _forced in _lines(text, widths, limits, set())
    ]


_reportlab_break_lines_cjk = paragraph.Paragraph.breakLinesCJK


def _line_texts(lines: Any) -> list[tuple[str, bool]]:
    """Each line of reportlab's word wrap (plain lines or lines of runs): its text, and whether
    a `<br/>` ends it."""
    if lines.kind == 0:
        return [(" ".join(words), False) for _space, words in lines.lines]
    return [
        ("".join(getattr(w, "text", "") or "" for w in line.words), bool(line.lineBreak))
        for line in lines.lines
    ]


def _latin(char: str) -> bool:
    return char.isalnum() and ord(char) < 0x3000


def _breaks_well(lines: Any, text: str) -> bool:
    """Whether reportlab's word wrap of `text` keeps the rules: no line starts with a closing
    mark nor ends with an opening one, and no Latin word is cut."""
    texts = _line_texts(lines)
    at = 0
    for n, (line, forced) in enumerate(texts):
        line = line.strip()
        if not line:
            continue
        found = text.find(line, at)
        if found < 0:
            return False  # spaces changed on the way: let the CJK wrap decide
        at = found + len(line)
        if n and line[0] in CLOSING:
            return False
        if n < len(texts) - 1 and not forced:
            after = text[at : at + 1]
            if line[-1] in OPENING or (after and _latin(line[-1]) and _latin(after)):
                return False
    return True


def _break_lines(self: paragraph.Paragraph, max_widths: Any) -> Any:
    """A paragraph wrapped the CJK way for its Chinese runs: reportlab's quick word wrap first,
    which is the answer when its lines keep the rules (names, rooms, titles, most addresses);
    the character-by-character wrap (`frag_split`, several times slower) only when they do not."""
    if getattr(self.style, "for_cjk_runs", False):
        frags = self.frags
        lines = self.breakLines(max_widths)
        self.frags = frags  # breakLines leaves its word list there; the next wrap needs the runs
        if _breaks_well(lines, "".join(getattr(f, "text", "") or "" for f in frags)):
            return lines
    return _reportlab_break_lines_cjk(self, max_widths)


@lru_cache(maxsize=1)
def install() -> None:
    """Put the corrections in place (once; `fonts.register_fonts` calls it)."""
    # reportlab looks these names up in its paragraph module at each CJK paragraph's wrap.
    paragraph.cjkFragSplit = frag_split  # type: ignore[attr-defined]
    paragraph.wordSplit = word_split  # type: ignore[attr-defined]
    paragraph.ParaParser = RunParser  # type: ignore[attr-defined]
    paragraph.Paragraph.breakLinesCJK = _break_lines  # type: ignore[method-assign, assignment]
