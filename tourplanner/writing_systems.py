"""Which writing system a character or a text is in: the one place that tells Chinese (Han),
the CJK scripts, right-to-left scripts and emoji apart.

Used where the script decides something: a name in Han characters is a Chinese name (pinyin,
the name's order), a cell in CJK script is the local-script name on import, and the printed
documents choose a font per run, shape and reorder right-to-left text and leave out emoji that
no bundled font draws (`export/pdf/fonts.py`).
"""

from __future__ import annotations

import re

# The Han ideographs: CJK Unified (with extension A) and Compatibility Ideographs.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Han with the Japanese kana and Korean hangul: text in an East Asian script.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Emoji and pictographs (Unicode's emoji blocks, dingbats, flags, skin tones), and the invisible
# marks that join or style them (variation selectors, the zero-width joiner, tag characters).
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\U0001f1e6-\U0001f1ff]")
EMOJI_MARKS = re.compile("[\ufe0e\ufe0f\u200d\u20e3\U000e0020-\U000e007f]")
# The right-to-left blocks: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, their supplements
# and presentation forms.
RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def is_chinese(text: str) -> bool:
    """Whether the text has Chinese characters (Han)."""
    return bool(HAN.search(text))


def has_rtl(text: str) -> bool:
    return bool(RTL.search(text))


def is_emoji(char: str) -> bool:
    return bool(EMOJI.fullmatch(char) or EMOJI_MARKS.fullmatch(char))
