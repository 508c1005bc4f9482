"""Chinese names in pinyin as passports and hotel systems spell them: 'Wang Xiaoming'.

The readings come from pypinyin; a surname is read as a surname (单 is Shan, 曾 is Zeng),
and ü is written YU as on Chinese passports, since hotel systems refuse it.
"""

from __future__ import annotations

from tourplanner.writing_systems import is_chinese

_COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "尉迟", "慕容", "令狐", "皇甫", "公孙", "夏侯",
    "长孙", "司徒", "宇文", "端木", "西门",
)  # fmt: skip
# Surnames whose reading differs from the character's usual one.
_SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha",
    "区": "ou", "盖": "ge", "乐": "yue", "覃": "qin", "尉迟": "yuchi", "万俟": "moqi",
    "缪": "miao", "翟": "zhai", "种": "chong", "员": "yun", "繁": "po", "过": "guo",
}  # fmt: skip


def _syllables(text: str) -> str:
    from pypinyin import lazy_pinyin  # a large dictionary: loaded when a name is asked for

    return "".join(lazy_pinyin(text)).replace("lv", "lyu").replace("nv", "nyu")


def pinyin_name(name_local: str) -> str:
    """'王小明' -> 'Wang Xiaoming'; '' for a name without Chinese characters."""
    name = "".join(name_local.split())
    # A foreign name written in characters ('鲍勃·奥尼尔') has its passport spelling already.
    if not is_chinese(name) or "·" in name or "•" in name:
        return ""
    surname = next((s for s in _COMPOUND_SURNAMES if name.startswith(s)), name[:1])
    given = name[len(surname) :]
    family = _SURNAME_READINGS.get(surname) or _syllables(surname)
    return f"{family.capitalize()} {_syllables(given).capitalize()}".strip()
