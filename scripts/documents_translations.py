"""Write the documents' Chinese strings as a .po fragment (docs/translations-documents.po).

The lead merges the fragment into tourplanner/resources/locale/zh_CN/LC_MESSAGES/tourplanner.po;
with `--into-catalog` the pairs are also added to that catalog (creating it if absent).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
FRAGMENT = ROOT / "docs" / "translations-documents.po"
CATALOG = ROOT / "tourplanner" / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "tourplanner.po"

PAIRS: dict[str, str] = {
    "Plan revision {revision} · printed {time} {zone} · {program}": "计划版本 {revision} · 打印于 {time} {zone} · {program}",
    "Day {number}": "第{number}天",
    "Dietary: {needs}": "饮食要求：{needs}",
    "Guide: {names}": "导游：{names}",
    "Interpreter: {names}": "翻译：{names}",
    "Language: {language}": "语言：{language}",
    "▶ YOU ARE {role} · please be in the room by {time}": "▶ 您的角色：{role} · 请于 {time} 前到场",
    "tentative": "待定",
    "Your seat: {seat}": "您的座位：{seat}",
    "Speakers: {names}": "发言人：{names}",
    "Chair: {names}": "主持人：{names}",
    "Confirmation {code}": "确认号 {code}",
    "{hours} h {minutes:02d} min": "{hours}小时{minutes:02d}分",
    "{zone} time at arrival": "到达时为{zone}时间",
    "travel time {duration}": "行程时间 {duration}",
    "Seat {seat}": "座位 {seat}",
    "Hotel check-in · {name}": "酒店入住 · {name}",
    "Hotel check-out · {name}": "酒店退房 · {name}",
    "PERSONAL ITINERARY": "个人行程",
    "Role": "身份",
    "Group": "团组",
    "Programmes": "活动",
    "Dietary needs": "饮食要求",
    "Accessibility": "无障碍需求",
    "Your emergency contact": "您的紧急联系人",
    "Passport / visa (confidential)": "护照 / 签证（保密）",
    "Medical (confidential)": "医疗信息（保密）",
    "Coordinators and emergency contacts": "联络人和紧急电话",
    "Every time is the local time where it happens, with its zone beside it. "
    "Addresses are given in English and in the local script, to show a driver; "
    "scan a QR code to open the place in your phone's map.": "所有时间均为当地时间，并注明时区。地址以中英文列出，可出示给司机；扫描二维码可在手机地图中打开该地点。",
    "in the air": "飞行途中",
    "You are in the air on this date: the flight crosses the date line.": "当日您在飞行途中：航班跨越国际日期变更线。",
    "Day by day": "每日行程",
    "Nothing is booked for {name} yet: no items, tours or travel.": "{name}尚无任何安排：没有活动、考察或行程。",
    "{day} (continued)": "{day}（续）",
    "Page {number} of {total}": "第{number}页，共{total}页",
    "Generated {day} with {program}": "由 {program} 于 {day} 生成",
    "SPEAKERS": "发言人",
    "CHAIRS": "主持人",
    "p.\u00a0{page}": "第{page}页",
    "SPEAKER INDEX": "发言人索引",
    "VENUES": "会场",
    "Name": "姓名",
    "Organization · role": "单位 · 身份",
    "Phone": "电话",
    "Dietary · access": "饮食 · 无障碍",
    "{confirmed} confirmed": "已确认{confirmed}人",
    "{confirmed} confirmed of {seats} seats": "已确认{confirmed}人，共{seats}个座位",
    "{over} over capacity": "超员{over}人",
    "{waiting} waitlisted": "候补{waiting}人",
    "{others} cancelled or declined": "取消或谢绝{others}人",
    "ON THE BUS": "乘车名单",
    "WAITLISTED (not on the bus)": "候补名单（未上车）",
    "{title} is a {kind}, not a tour: it has no bus and no roster to print": "{title}是{kind}，不是考察团：没有乘车名单可打印",
    "FOR THE DRIVER · 给司机看": "给司机看 · FOR THE DRIVER",
    "Show a card to a taxi driver; cut along the dashed lines to keep one in a wallet.": "请将卡片出示给出租车司机；沿虚线剪下可放入钱包。",
    "Clocks change: from here, {city} time is {abbr} ({offset}); clocks go forward {hours} h.": "时钟调整：自此起{city}时间为{abbr}（{offset}），时钟拨快{hours}小时。",
    "Clocks change: from here, {city} time is {abbr} ({offset}); clocks go back {hours} h.": "时钟调整：自此起{city}时间为{abbr}（{offset}），时钟拨慢{hours}小时。",
    "From here: {city} time, {abbr} ({offset}) — {hours} h ahead of {other} time ({other_abbr}).": "自此起：{city}时间，{abbr}（{offset}）— 比{other}时间（{other_abbr}）早{hours}小时。",
    "From here: {city} time, {abbr} ({offset}) — {hours} h behind {other} time ({other_abbr}).": "自此起：{city}时间，{abbr}（{offset}）— 比{other}时间（{other_abbr}）晚{hours}小时。",
    "Departs {departs} {departs_zone} · Arrives {arrives} {arrives_zone}{marker}": "出发 {departs} {departs_zone} · 到达 {arrives} {arrives_zone}{marker}",
    # Vocabulary labels as the documents print them (tourplanner.enums.label).
    "Keynote": "主旨演讲",
    "Plenary": "全体会议",
    "Session": "分会",
    "Panel": "圆桌讨论",
    "Workshop": "研讨会",
    "Ceremony": "仪式",
    "Meal": "用餐",
    "Reception": "招待会",
    "Site visit": "参观考察",
    "Transfer": "交通",
    "Free time": "自由活动",
    "Other": "其他",
    "Flight": "航班",
    "Train": "火车",
    "Road": "乘车",
    "Hotel": "酒店",
    "Delegate": "代表",
    "Speaker": "发言人",
    "Staff": "工作人员",
    "Interpreter": "翻译",
    "Guide": "导游",
    "Official": "官员",
    "VIP": "贵宾",
    "Attending": "参加",
    "Speaking": "发言",
    "Chairing": "主持",
    "Leading": "领队",
    "Interpreting": "翻译",
}
PLURALS: dict[tuple[str, str], str] = {
    (" (+{n} day)", " (+{n} days)"): "（+{n}天）",
    ("{n} night, check-out {when}", "{n} nights, check-out {when}"): "{n}晚，退房 {when}",
}


def fill(catalog: Catalog) -> None:
    for msgid, msgstr in PAIRS.items():
        if msgid not in catalog:
            catalog.add(msgid, msgstr)
    for ids, msgstr in PLURALS.items():
        if ids[0] not in catalog:
            catalog.add(ids, (msgstr,))


def main() -> None:
    fragment = Catalog(locale="zh_CN", project="TourPlanner documents")
    fill(fragment)
    with FRAGMENT.open("wb") as fh:
        write_po(fh, fragment, width=100)
    if "--into-catalog" in sys.argv:
        if CATALOG.exists():
            with CATALOG.open("rb") as fh:
                catalog = read_po(fh, locale="zh_CN")
        else:
            CATALOG.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale="zh_CN", project="TourPlanner")
        fill(catalog)
        with CATALOG.open("wb") as fh:
            write_po(fh, catalog, width=100)


if __name__ == "__main__":
    main()
