"""The demo plan: ICMA's delegation to the SAFEA Foreign Expert Affairs Conference, Shenzhen 2015.

Built from the story of ICMA's network in China (the MOU with SAFEA's training unit, the ICMA
China Center at CUPL, the Yangzhou training base): a three-day conference in Shenzhen with the
executive director's keynote and a signing ceremony, a pre-conference study tour in Beijing, a
post-conference tour to Yangzhou and Shanghai, flights across the Pacific and hotel stays.
A brownfields conference with NIST is still being planned.

Everything is written through the services, so the demo obeys the same rules as user input.
The data are tables of plain values; people, places and programmes are referred to by short keys.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from tourplanner.db import PlanFile
from tourplanner.errors import PlanFileError
from tourplanner.services import (
    items,
    organizations,
    participations,
    people,
    plans,
    programmes,
    travel,
    venues,
)

CHINA = "Asia/Shanghai"
EASTERN = "America/New_York"

# What `tourplanner check` reports on the demo on purpose, to show those rules at work.
# Everything else in the demo is meant to check clean.
DELIBERATE_FINDINGS: tuple[str, ...] = (
    "The three items of the ICMA–NIST Brownfields Redevelopment Conference (Gaithersburg, "
    "October 2015) are tentative: that conference is still being planned.",
    "Ahmed Hassan is still booked on the Shenzhen Bay evening cruise of 21 April, which was "
    "cancelled; the coordinator has to tell him and remove the booking.",
)

PLAN = {
    "title": "ICMA China Center — SAFEA Foreign Expert Affairs Conference 2015",
    "home_timezone": CHINA,
    "organization": "ICMA",
    "emergency_contacts": (
        "ICMA tour coordinator in China: Sarah Mitchell, +86 138 1047 2290 (China mobile), "
        "+1 202 555 0174 (U.S. mobile)\n"
        "ICMA China Center programme manager: Daniel Kim, +86 139 1165 0827\n"
        "SAFEA / CAIEP liaison (Beijing): Ms. Liu Yan, +86 10 6846 8823, +86 135 0120 4476\n"
        "ICMA headquarters, Washington DC: +1 202 962 3680\n"
        "China emergency numbers: police 110, ambulance 120, fire 119\n"
        "U.S. Embassy Beijing: +86 10 8531 3000 · U.S. Consulate General Guangzhou (Shenzhen): "
        "+86 20 3814 5000 · U.S. Consulate General Shanghai: +86 21 8011 2200"
    ),
    "travel_minutes_same_city": 30,
    "travel_minutes_other_city": 180,
}

# fmt: off
# key: (English name, local name, country)
ORGANIZATIONS: dict[str, tuple[str, str, str]] = {
    "icma": ("ICMA — International City/County Management Association", "国际市县管理协会", "United States"),
    "safea": ("State Administration of Foreign Experts Affairs (SAFEA)", "国家外国专家局", "China"),
    "caiep": (
        "China Association for International Exchange of Personnel (CAIEP)",
        "中国国际人才交流协会",
        "China",
    ),
    "cupl": ("China University of Political Science and Law (CUPL)", "中国政法大学", "China"),
    "namc": ("National Academy for Mayors of China (NAMC)", "全国市长研修学院", "China"),
    "yangzhou": ("Yangzhou Municipal People's Government", "扬州市人民政府", "China"),
    "szfeb": ("Shenzhen Municipal Foreign Experts Bureau", "深圳市外国专家局", "China"),
    "cits": ("China International Travel Service (CITS)", "中国国际旅行社", "China"),
    "arlington": ("Arlington County Government, Virginia", "美国弗吉尼亚州阿灵顿县政府", "United States"),
    "fortcollins": ("City of Fort Collins, Colorado", "美国科罗拉多州柯林斯堡市政府", "United States"),
    "sanantonio": ("City of San Antonio, Texas", "美国得克萨斯州圣安东尼奥市政府", "United States"),
}


def _person(
    key: str,
    name_latin: str,
    name_local: str,
    honorific: str,
    org: str,
    role: str,
    email: str,
    phone: str,
    **more: str,
) -> dict[str, str]:
    return {
        "key": key,
        "name_latin": name_latin,
        "name_local": name_local,
        "honorific": honorific,
        "org": org,
        "role": role,
        "email": email,
        "phone": phone,
        **more,
    }


PEOPLE: list[dict[str, str]] = [
    # ICMA
    _person(
        "oneill", "Bob O'Neill", "鲍勃·奥尼尔", "Mr.", "icma", "speaker",
        "bob.oneill@icma.org", "+1 202 962 3601",
        preferred_language="en",
        notes="ICMA Executive Director. Keynote speaker; signs the expert-exchange agreement.",
        emergency_contact="ICMA executive office, +1 202 962 3680",
    ),
    _person(
        "mitchell", "Sarah Mitchell", "", "Ms.", "icma", "staff",
        "smitchell@icma.org", "+1 202 555 0174",
        preferred_language="en",
        notes="Director, International Programs; tour leader. China mobile +86 138 1047 2290.",
        emergency_contact="Tom Mitchell (husband), +1 301 555 0119",
    ),
    _person(
        "kim", "Daniel Kim", "金大年", "Mr.", "icma", "staff",
        "dkim@icma.org", "+86 139 1165 0827",
        preferred_language="en",
        notes="Programme manager, ICMA China Center.",
        emergency_contact="Grace Kim (sister), +1 571 555 0163",
    ),
    _person(
        "echen", "Emily Chen", "陈爱美", "Ms.", "icma", "staff",
        "echen@icma.org", "+1 202 555 0188",
        preferred_language="en, zh",
        notes="Programme associate; bilingual, helps with on-the-spot interpreting.",
        emergency_contact="Chen Wen (father), +1 202 555 0135",
    ),
    _person(
        "rchen", "Robert Chen", "陈罗伯", "Mr.", "icma", "delegate",
        "rchen.advisor@icma.org", "+1 415 555 0127",
        preferred_language="en, zh",
        notes="ICMA Senior Advisor; retired city manager.",
        emergency_contact="Linda Chen (wife), +1 415 555 0128",
    ),
    _person(
        "wright", "Thomas Wright", "", "Mr.", "icma", "delegate",
        "twright@icma.org", "+1 919 555 0146",
        preferred_language="en",
        accessibility_needs="Knee replacement in 2014: avoid long stair climbs; takes the cable "
        "car at Mutianyu and a buggy at the Forbidden City.",
        notes="ICMA Life Member; retired county administrator.",
        emergency_contact="Anne Wright (wife), +1 919 555 0147",
    ),
    # US delegation: Arlington County
    _person(
        "walsh", "Jennifer Walsh", "", "Ms.", "arlington", "delegate",
        "jwalsh@arlingtonva.us", "+1 703 555 0142",
        preferred_language="en", dietary_needs="Vegetarian (no meat or fish; eggs and dairy fine).",
        notes="County Manager.",
        emergency_contact="Mary Walsh (sister), +1 703 555 0143",
    ),
    _person(
        "brooks", "Karen Brooks", "", "Ms.", "arlington", "delegate",
        "kbrooks@arlingtonva.us", "+1 703 555 0151",
        preferred_language="en",
        notes="Deputy County Manager.",
        emergency_contact="James Brooks (husband), +1 703 555 0152",
    ),
    _person(
        "oconnor", "James O'Connor", "", "Mr.", "arlington", "delegate",
        "joconnor@arlingtonva.us", "+1 703 555 0166",
        preferred_language="en",
        passport_visa_notes="Passport ending 4471, expires 11 Feb 2016 (under 12 months: checked "
        "with the embassy, fine for entry). Chinese F visa, multiple entry, valid to 20 Jan 2016.",
        notes="Budget Director.",
        emergency_contact="Siobhan O'Connor (wife), +1 703 555 0167",
    ),
    # US delegation: Fort Collins
    _person(
        "reyes", "Michael Reyes", "", "Mr.", "fortcollins", "delegate",
        "mreyes@fcgov.com", "+1 970 555 0110",
        preferred_language="en",
        notes="City Manager.",
        emergency_contact="Ana Reyes (wife), +1 970 555 0111",
    ),
    _person(
        "thompson", "David Thompson", "", "Dr.", "fortcollins", "delegate",
        "dthompson@fcgov.com", "+1 970 555 0124",
        preferred_language="en",
        dietary_needs="Severe peanut and tree-nut allergy: no nuts, no nut oils.",
        medical_notes="Anaphylaxis risk. Carries two adrenaline auto-injectors (EpiPen) in his "
        "day bag; the guides know where. Nearest hospitals noted per city by the coordinator.",
        notes="Chief Innovation Officer.",
        emergency_contact="Rachel Thompson (wife), +1 970 555 0125",
    ),
    _person(
        "hartman", "Lisa Hartman", "", "Ms.", "fortcollins", "delegate",
        "lhartman@fcgov.com", "+1 970 555 0133",
        preferred_language="en",
        notes="Environmental Services Director. Waitlisted on the post-conference tour.",
        emergency_contact="Paul Hartman (husband), +1 970 555 0134",
    ),
    _person(
        "park", "Susan Park", "", "Ms.", "fortcollins", "delegate",
        "spark@fcgov.com", "+1 970 555 0139",
        preferred_language="en",
        notes="Performance Management Director.",
        emergency_contact="Kevin Park (brother), +1 970 555 0140",
    ),
    # US delegation: San Antonio
    _person(
        "hassan", "Ahmed Hassan", "", "Mr.", "sanantonio", "delegate",
        "ahmed.hassan@sanantonio.gov", "+1 210 555 0171",
        preferred_language="en", dietary_needs="Halal; no pork, no alcohol in cooking.",
        notes="Assistant City Manager.",
        emergency_contact="Mariam Hassan (wife), +1 210 555 0172",
    ),
    _person(
        "gomez", "Patricia Gómez", "", "Ms.", "sanantonio", "delegate",
        "patricia.gomez@sanantonio.gov", "+1 210 555 0181",
        preferred_language="en, es",
        notes="Emergency Management Director.",
        emergency_contact="Luis Gómez (husband), +1 210 555 0182",
    ),
    _person(
        "jensen", "Mark Jensen", "", "Mr.", "sanantonio", "delegate",
        "mark.jensen@sanantonio.gov", "+1 210 555 0193",
        preferred_language="en",
        notes="Chief Financial Officer. Waitlisted on the post-conference tour.",
        emergency_contact="Karin Jensen (wife), +1 210 555 0194",
    ),
    # SAFEA and CAIEP
    _person(
        "nie", "Nie Biao", "聂彪", "Mr.", "safea", "official",
        "niebiao@safea.gov.cn", "+86 10 6894 8801",
        preferred_language="zh",
        notes="Director, Department of Culture, Educational and Health Experts Exchange Affairs.",
    ),
    _person(
        "sun", "Sun Zhaohua", "孙兆华", "Mr.", "safea", "vip",
        "sunzhaohua@safea.gov.cn", "+86 10 6894 8800",
        preferred_language="zh",
        notes="Vice President of SAFEA. Opens the conference.",
    ),
    _person(
        "zheng", "Zheng Jie", "郑杰", "Mr.", "safea", "official",
        "zhengjie@safea.gov.cn", "+86 10 6894 8830",
        preferred_language="zh",
        notes="Vice Director, SAFEA Training Center.",
    ),
    _person(
        "wang", "Wang Haiyang", "王海洋", "Mr.", "safea", "official",
        "wanghaiyang@safea.gov.cn", "+1 212 555 0109",
        preferred_language="zh, en",
        notes="Chief Representative, SAFEA New York office. Flies in from New York.",
    ),
    _person(
        "liu", "Liu Yan", "刘燕", "Ms.", "caiep", "official",
        "liuyan@caiep.org.cn", "+86 135 0120 4476",
        preferred_language="zh, en",
        notes="Training Department, CAIEP; liaison for the Beijing programme.",
    ),
    # Partners in Beijing and Yangzhou
    _person(
        "zhang", "Zhang Li", "张力", "Prof.", "cupl", "speaker",
        "zhangli@cupl.edu.cn", "+86 10 5890 8100",
        preferred_language="zh, en",
        notes="Co-director, ICMA China Center at CUPL.",
    ),
    _person(
        "chen_g", "Chen Gang", "陈刚", "Mr.", "namc", "official",
        "chengang@namc.org.cn", "+86 10 5893 3012",
        preferred_language="zh",
        notes="Deputy Director, Training Division, NAMC.",
    ),
    _person(
        "huang", "Huang Wei", "黄伟", "Mr.", "yangzhou", "official",
        "huangwei@yangzhou.gov.cn", "+86 514 8736 1001",
        preferred_language="zh",
        notes="Deputy Secretary-General, Yangzhou Municipal Government.",
    ),
    _person(
        "zhou", "Zhou Min", "周敏", "Ms.", "yangzhou", "official",
        "zhoumin@yangzhou.gov.cn", "+86 139 5271 6608",
        preferred_language="zh, en",
        notes="Director, ICMA China Center Yangzhou Training Base.",
    ),
    # Interpreters and guides
    _person(
        "li_na", "Li Na", "李娜", "Ms.", "caiep", "interpreter",
        "lina.interp@caiep.org.cn", "+86 138 0101 5527",
        preferred_language="zh, en",
        notes="Consecutive interpreter for the Beijing visits.",
    ),
    _person(
        "chen_xy", "Chen Xiaoyu", "陈晓雨", "Ms.", "szfeb", "interpreter",
        "chenxiaoyu@szfeb.gov.cn", "+86 137 2880 3146",
        preferred_language="zh, en",
        notes="Simultaneous interpreter (booth) for the conference plenaries.",
    ),
    _person(
        "wu", "Wu Hao", "吴浩", "Mr.", "yangzhou", "interpreter",
        "wuhao@yangzhou.gov.cn", "+86 151 9648 2210",
        preferred_language="zh, en",
        notes="Foreign Affairs Office, Yangzhou; interprets at the training base.",
    ),
    _person(
        "zhao", "Zhao Lei", "赵磊", "Mr.", "cits", "guide",
        "zhaolei@cits.com.cn", "+86 139 1088 7731",
        preferred_language="zh, en",
        notes="Licensed English-speaking guide, Beijing.",
    ),
    _person(
        "sun_li", "Sun Li", "孙丽", "Ms.", "cits", "guide",
        "sunli@cits.com.cn", "+86 138 5275 9024",
        preferred_language="zh, en",
        notes="Licensed English-speaking guide, Yangzhou.",
    ),
    _person(
        "gu", "Gu Jie", "顾杰", "Mr.", "cits", "guide",
        "gujie@cits.com.cn", "+86 136 2175 4480",
        preferred_language="zh, en",
        notes="Licensed English-speaking guide, Shanghai.",
    ),
]

US_DELEGATION = (
    "rchen", "wright", "walsh", "brooks", "oconnor", "reyes",
    "thompson", "hartman", "park", "hassan", "gomez", "jensen",
)
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "US delegation": ("City and county managers travelling with ICMA.", US_DELEGATION),
    "ICMA staff": ("ICMA's executive director and staff.", ("oneill", "mitchell", "kim", "echen")),
    "SAFEA hosts": (
        "SAFEA and CAIEP officials hosting the delegation.",
        ("nie", "sun", "zheng", "wang", "liu"),
    ),
    "Interpreters and guides": (
        "Interpreters and licensed guides, by city.",
        ("li_na", "chen_xy", "wu", "zhao", "sun_li", "gu"),
    ),
}
# The post-conference tour's minibus seats twelve; two more delegates wait for a seat.
POST_TOUR_SEATS = 12
POST_TOUR_DELEGATES = (
    "rchen", "wright", "walsh", "brooks", "oconnor", "reyes", "thompson", "park", "hassan", "gomez",
)
POST_TOUR_WAITLIST = ("hartman", "jensen")


def _venue(
    key: str,
    name_en: str,
    name_local: str,
    address_en: str,
    address_local: str,
    city: str,
    country: str,
    timezone: str,
    lat: float,
    lon: float,
    rooms: tuple[tuple[str, str, int | None], ...] = (),
    notes: str = "",
) -> dict[str, object]:
    return {
        "key": key,
        "fields": {
            "name_en": name_en,
            "name_local": name_local,
            "address_en": address_en,
            "address_local": address_local,
            "city": city,
            "country": country,
            "timezone": timezone,
            "latitude": lat,
            "longitude": lon,
            "notes": notes,
        },
        "rooms": rooms,
    }


VENUES: list[dict[str, object]] = [
    # Shenzhen
    _venue(
        "szcec", "Shenzhen Convention & Exhibition Center", "深圳会展中心",
        "111 Fuhua 3rd Road, Futian District, Shenzhen, Guangdong 518048",
        "广东省深圳市福田区福华三路111号",
        "Shenzhen", "China", CHINA, 22.5341, 114.0552,
        rooms=(
            ("Hall A", "A厅（主会场）", 1200),
            ("Hall B", "B厅", 300),
            ("Room 3", "3号会议室", 120),
            ("Room 5", "5号会议室", 80),
            ("Room 7", "7号会议室", 60),
            ("Banquet Hall", "宴会厅", 800),
            ("Hall A Foyer", "A厅前厅", None),
        ),
        notes="Enter by the north entrance on Fuhua 3rd Road; the delegation desk is in the "
        "Hall A foyer.",
    ),
    _venue(
        "shangrila_sz", "Shangri-La Hotel, Futian, Shenzhen", "深圳福田香格里拉大酒店",
        "4088 Yitian Road, Futian District, Shenzhen, Guangdong 518048",
        "广东省深圳市福田区益田路4088号",
        "Shenzhen", "China", CHINA, 22.5347, 114.0587,
        rooms=(("Grand Ballroom", "大宴会厅", 600), ("Shang Palace", "香宫中餐厅", 120)),
    ),
    _venue(
        "szx", "Shenzhen Bao'an International Airport (SZX)", "深圳宝安国际机场",
        "Terminal 3, Bao'an District, Shenzhen, Guangdong 518128",
        "广东省深圳市宝安区宝安国际机场T3航站楼",
        "Shenzhen", "China", CHINA, 22.6393, 113.8107,
    ),
    # Beijing
    _venue(
        "shangrila_bj", "Shangri-La Hotel, Beijing", "北京香格里拉饭店",
        "29 Zizhuyuan Road, Haidian District, Beijing 100089",
        "北京市海淀区紫竹院路29号",
        "Beijing", "China", CHINA, 39.9508, 116.3079,
        rooms=(("Café Cha", "咖啡苑", 150), ("Shang Palace", "香宫中餐厅", 80)),
    ),
    _venue(
        "forbidden_city", "The Palace Museum (Forbidden City)", "故宫博物院",
        "4 Jingshan Front Street, Dongcheng District, Beijing 100009",
        "北京市东城区景山前街4号",
        "Beijing", "China", CHINA, 39.9163, 116.3972,
        notes="Groups enter by the Meridian Gate (午门); the exit is the Gate of Divine Might.",
    ),
    _venue(
        "quanjude", "Quanjude Roast Duck Restaurant, Qianmen", "全聚德烤鸭店（前门店）",
        "30 Qianmen Street, Dongcheng District, Beijing 100051",
        "北京市东城区前门大街30号",
        "Beijing", "China", CHINA, 39.8974, 116.3979,
    ),
    _venue(
        "mutianyu", "Great Wall at Mutianyu", "慕田峪长城",
        "Mutianyu Village, Bohai Town, Huairou District, Beijing 101405",
        "北京市怀柔区渤海镇慕田峪村",
        "Beijing", "China", CHINA, 40.4319, 116.5704,
        notes="Cable car up to tower 14; toboggan or cable car down.",
    ),
    _venue(
        "schoolhouse", "The Schoolhouse at Mutianyu", "小园餐厅（慕田峪）",
        "12 Mutianyu Village, Bohai Town, Huairou District, Beijing 101405",
        "北京市怀柔区渤海镇慕田峪村12号",
        "Beijing", "China", CHINA, 40.4277, 116.5621,
    ),
    _venue(
        "safea_hq", "SAFEA and CAIEP Headquarters", "国家外国专家局 / 中国国际人才交流协会",
        "1 Zhongguancun South Street, Haidian District, Beijing 100873",
        "北京市海淀区中关村南大街1号",
        "Beijing", "China", CHINA, 39.9684, 116.3218,
        rooms=(("Conference Room 2", "第二会议室", 40),),
    ),
    _venue(
        "cupl", "China University of Political Science and Law, Haidian Campus",
        "中国政法大学（海淀校区）",
        "25 Xitucheng Road, Haidian District, Beijing 100088",
        "北京市海淀区西土城路25号",
        "Beijing", "China", CHINA, 39.9594, 116.3535,
        rooms=(
            ("ICMA China Center Seminar Room", "ICMA中国中心研讨室", 40),
            ("Faculty Dining Hall", "教工餐厅", 80),
        ),
    ),
    _venue(
        "namc", "National Academy for Mayors of China", "全国市长研修学院",
        "9 Sanlihe Road, Haidian District, Beijing 100835",
        "北京市海淀区三里河路9号",
        "Beijing", "China", CHINA, 39.9230, 116.3340,
        rooms=(("Lecture Hall 2", "第二报告厅", 120),),
    ),
    _venue(
        "liyuan", "Liyuan Theatre, Qianmen Jianguo Hotel", "梨园剧场（前门建国饭店）",
        "175 Yong'an Road, Xicheng District, Beijing 100050",
        "北京市西城区永安路175号",
        "Beijing", "China", CHINA, 39.8889, 116.3872,
    ),
    _venue(
        "pek", "Beijing Capital International Airport (PEK)", "北京首都国际机场",
        "Terminal 3, Capital Airport Road, Shunyi District, Beijing 100621",
        "北京市顺义区首都机场路 T3航站楼",
        "Beijing", "China", CHINA, 40.0522, 116.6075,
    ),
    # Yangzhou
    _venue(
        "yangzhou_base", "ICMA China Center Yangzhou Training Base (Municipal Administrative Center)",
        "ICMA中国中心扬州培训基地（扬州市行政中心）",
        "1 Wenchang West Road, Hanjiang District, Yangzhou, Jiangsu 225009",
        "江苏省扬州市邗江区文昌西路1号",
        "Yangzhou", "China", CHINA, 32.3937, 119.3975,
        rooms=(("Training Room 1", "第一培训教室", 60), ("Staff Canteen", "职工餐厅", 120)),
    ),
    _venue(
        "yz_guesthouse", "Yangzhou State Guest House", "扬州迎宾馆",
        "48 Changchun Road, Hanjiang District, Yangzhou, Jiangsu 225002",
        "江苏省扬州市邗江区长春路48号",
        "Yangzhou", "China", CHINA, 32.4061, 119.4225,
        rooms=(("Breakfast Room", "早餐厅", 100), ("Banquet Hall", "宴会厅", 200)),
    ),
    _venue(
        "slender_west_lake", "Slender West Lake Scenic Area", "瘦西湖风景区",
        "28 Da Hongqiao Road, Hanjiang District, Yangzhou, Jiangsu 225002",
        "江苏省扬州市邗江区大虹桥路28号",
        "Yangzhou", "China", CHINA, 32.4080, 119.4244,
    ),
    _venue(
        "ge_garden", "Ge Garden", "个园",
        "10 Yanfu East Road, Guangling District, Yangzhou, Jiangsu 225002",
        "江苏省扬州市广陵区盐阜东路10号",
        "Yangzhou", "China", CHINA, 32.3994, 119.4420,
    ),
    _venue(
        "fuchun", "Fuchun Teahouse", "富春茶社",
        "35 Deshengqiao, Guangling District, Yangzhou, Jiangsu 225002",
        "江苏省扬州市广陵区得胜桥35号",
        "Yangzhou", "China", CHINA, 32.3964, 119.4359,
    ),
    _venue(
        "dongguan", "Dongguan Street Historic District", "东关街历史文化街区",
        "Dongguan Street, Guangling District, Yangzhou, Jiangsu 225002",
        "江苏省扬州市广陵区东关街",
        "Yangzhou", "China", CHINA, 32.3978, 119.4412,
    ),
    _venue(
        "yty", "Yangzhou Taizhou International Airport (YTY)", "扬州泰州国际机场",
        "Dinggou Town, Jiangdu District, Yangzhou, Jiangsu 225261",
        "江苏省扬州市江都区丁沟镇",
        "Yangzhou", "China", CHINA, 32.5634, 119.7198,
    ),
    # Shanghai
    _venue(
        "peace_hotel", "Fairmont Peace Hotel", "费尔蒙和平饭店",
        "20 Nanjing East Road, Huangpu District, Shanghai 200002",
        "上海市黄浦区南京东路20号",
        "Shanghai", "China", CHINA, 31.2400, 121.4903,
        rooms=(("Jasmine Lounge", "茉莉酒廊", 60), ("Dragon Phoenix", "龙凤厅", 90)),
    ),
    _venue(
        "supec", "Shanghai Urban Planning Exhibition Center", "上海城市规划展示馆",
        "100 People's Avenue, Huangpu District, Shanghai 200003",
        "上海市黄浦区人民大道100号",
        "Shanghai", "China", CHINA, 31.2322, 121.4752,
    ),
    _venue(
        "sha", "Shanghai Hongqiao International Airport (SHA)", "上海虹桥国际机场",
        "2550 Hongqiao Road, Changning District, Shanghai 200335",
        "上海市长宁区虹桥路2550号",
        "Shanghai", "China", CHINA, 31.1979, 121.3363,
    ),
    # United States
    _venue(
        "iad", "Washington Dulles International Airport (IAD)", "华盛顿杜勒斯国际机场",
        "1 Saarinen Circle, Dulles, VA 20166, USA",
        "美国弗吉尼亚州杜勒斯市萨里宁环路1号",
        "Washington", "United States", EASTERN, 38.9531, -77.4565,
    ),
    _venue(
        "jfk", "John F. Kennedy International Airport (JFK)", "纽约约翰·肯尼迪国际机场",
        "Terminal 1, Jamaica, Queens, NY 11430, USA",
        "美国纽约州纽约市皇后区牙买加 1号航站楼",
        "New York", "United States", EASTERN, 40.6413, -73.7781,
    ),
    _venue(
        "nist", "NIST Gaithersburg Campus, Administration Building 101",
        "美国国家标准与技术研究院（盖瑟斯堡园区）",
        "100 Bureau Drive, Gaithersburg, MD 20899, USA",
        "美国马里兰州盖瑟斯堡市Bureau大道100号",
        "Gaithersburg", "United States", EASTERN, 39.1337, -77.2164,
        rooms=(("Green Auditorium", "格林报告厅", 300), ("Lecture Room A", "A报告室", 80)),
    ),
]

# Minutes by road between venues where the plan's same-city default (30) would be wrong.
TRAVEL_TIMES: list[tuple[str, str, int]] = [
    ("szcec", "shangrila_sz", 15),
    ("shangrila_sz", "szx", 45),
    ("shangrila_bj", "forbidden_city", 35),
    ("forbidden_city", "quanjude", 20),
    ("shangrila_bj", "mutianyu", 100),
    ("mutianyu", "schoolhouse", 10),
    ("shangrila_bj", "cupl", 20),
    ("cupl", "namc", 30),
    ("shangrila_bj", "pek", 60),
    ("yty", "yz_guesthouse", 60),
    ("yangzhou_base", "yz_guesthouse", 20),
    ("yz_guesthouse", "slender_west_lake", 10),
    ("yz_guesthouse", "peace_hotel", 240),
    ("peace_hotel", "supec", 15),
    ("peace_hotel", "sha", 45),
]

# key: programme fields; "parent" names another programme's key.
PROGRAMMES: dict[str, dict[str, object]] = {
    "conf": {
        "title_en": "SAFEA Foreign Expert Affairs Conference 2015",
        "title_local": "2015年国家外国专家局外国专家工作会议",
        "kind": "conference",
        "start_date": date(2015, 4, 20),
        "end_date": date(2015, 4, 23),
        "timezone": CHINA,
        "description": "Chinese national and sub-national officials, state-owned enterprises, "
        "ICMA members and other experts interested in technical assistance and training in "
        "China under the new MOU. Registration on 20 April, sessions 21-23 April.",
    },
    "pre": {
        "title_en": "Pre-conference study tour: Beijing",
        "title_local": "会前考察：北京",
        "kind": "pre_tour",
        "start_date": date(2015, 4, 15),
        "end_date": date(2015, 4, 19),
        "timezone": CHINA,
        "capacity": 20,
        "parent": "conf",
        "description": "Historical and cultural landmarks of Beijing, the ICMA China Center at "
        "CUPL, SAFEA/CAIEP and the National Academy for Mayors; group flight to Shenzhen. "
        "Coach: 20 seats.",
    },
    "post": {
        "title_en": "Post-conference study tour: Yangzhou and Shanghai",
        "title_local": "会后考察：扬州、上海",
        "kind": "post_tour",
        "start_date": date(2015, 4, 24),
        "end_date": date(2015, 4, 27),
        "timezone": CHINA,
        "capacity": POST_TOUR_SEATS,
        "parent": "conf",
        "description": "The ICMA China Center training base in Yangzhou, the city's gardens and "
        "the Grand Canal, then urban planning in Shanghai. Yangzhou municipal minibus: "
        f"{POST_TOUR_SEATS} passenger seats. Departures on 28 April are booked individually.",
    },
    "brownfields": {
        "title_en": "ICMA–NIST Brownfields Redevelopment Conference (in planning)",
        "title_local": "ICMA与美国国家标准与技术研究院棕地再开发会议（筹备中）",
        "kind": "conference",
        "start_date": date(2015, 10, 20),
        "end_date": date(2015, 10, 21),
        "timezone": EASTERN,
        "description": "Co-sponsored with the National Institute of Standards and Technology. "
        "Dates and programme are tentative.",
    },
}


def _item(
    key: str,
    start: str,
    end: str,
    kind: str,
    where: str | None,
    title_en: str,
    title_local: str = "",
    **extra: str,
) -> dict[str, object]:
    """One row of an item table: `where` is 'venue' or 'venue/room'; `end` may be just a time."""
    return {
        "key": key,
        "start": start,
        "end": end,
        "kind": kind,
        "where": where,
        "title_en": title_en,
        "title_local": title_local,
        **extra,
    }


SZ = "szcec"
ITEMS: dict[str, list[dict[str, object]]] = {
    "pre": [
        _item("pre_welcome", "2015-04-15 18:30", "20:30", "meal", "shangrila_bj/Shang Palace",
              "Welcome dinner and programme briefing", "欢迎晚宴及行程说明会",
              description="Sarah Mitchell introduces the programme; Beijing guide Zhao Lei on "
              "practical matters (money, phones, taxis)."),
        _item("pre_breakfast", "2015-04-16 07:00", "08:00", "meal", "shangrila_bj/Café Cha",
              "Breakfast at the hotel", "酒店早餐", recurrence="FREQ=DAILY;COUNT=4"),
        _item("pre_coach_fc", "2015-04-16 08:15", "08:55", "transfer", None,
              "Coach: hotel to the Forbidden City (Meridian Gate)", "乘车前往故宫（午门）"),
        _item("pre_forbidden_city", "2015-04-16 09:00", "12:00", "site_visit", "forbidden_city",
              "Guided visit: the Forbidden City", "参观故宫博物院",
              description="Meridian Gate, the Hall of Supreme Harmony, the inner court and the "
              "Imperial Garden. Comfortable shoes; bags are screened at the entrance."),
        _item("pre_duck", "2015-04-16 12:30", "13:45", "meal", "quanjude",
              "Lunch: Peking roast duck", "午餐：北京烤鸭"),
        _item("pre_caiep", "2015-04-16 14:30", "16:30", "site_visit", "safea_hq/Conference Room 2",
              "Briefing at SAFEA and CAIEP: the foreign expert programme",
              "国家外国专家局、中国国际人才交流协会座谈：外国专家项目介绍",
              description="How Chinese cities request foreign experts; the MOU signed in "
              "November 2014 and what it allows."),
        _item("pre_free_16", "2015-04-16 17:00", "21:00", "free_time", None,
              "Evening at leisure", "自由活动"),
        _item("pre_coach_wall", "2015-04-17 08:15", "09:45", "transfer", None,
              "Coach: hotel to the Great Wall at Mutianyu", "乘车前往慕田峪长城"),
        _item("pre_great_wall", "2015-04-17 09:45", "13:00", "site_visit", "mutianyu",
              "The Great Wall at Mutianyu", "游览慕田峪长城",
              description="Cable car up to tower 14, walk the restored section, toboggan or "
              "cable car down. Bring water and a hat."),
        _item("pre_wall_lunch", "2015-04-17 13:15", "14:30", "meal", "schoolhouse",
              "Lunch at the Schoolhouse", "午餐：小园餐厅"),
        _item("pre_coach_back", "2015-04-17 14:45", "16:15", "transfer", None,
              "Coach: Mutianyu back to the hotel", "乘车返回酒店"),
        _item("pre_free_17", "2015-04-17 17:00", "21:00", "free_time", None,
              "Evening at leisure (suggested: Houhai lakes)", "自由活动（推荐：后海）"),
        _item("pre_cupl", "2015-04-18 09:00", "12:00", "site_visit",
              "cupl/ICMA China Center Seminar Room",
              "The ICMA China Center at CUPL: seminar with faculty",
              "访问中国政法大学ICMA中国中心：与教师座谈",
              description="The Center for Cooperative Innovation for Governance by Law; planned "
              "exchanges of professors, researchers, students and interns."),
        _item("pre_cupl_lunch", "2015-04-18 12:00", "13:30", "meal", "cupl/Faculty Dining Hall",
              "Lunch hosted by CUPL", "中国政法大学午宴"),
        _item("pre_namc", "2015-04-18 14:30", "16:30", "site_visit", "namc/Lecture Hall 2",
              "Visit to the National Academy for Mayors of China", "访问全国市长研修学院",
              description="Joint training, translation of ICMA resources, academic conferences."),
        _item("pre_opera", "2015-04-18 18:30", "21:00", "other", "liyuan",
              "Dinner and Peking opera at the Liyuan Theatre", "梨园剧场晚餐及京剧欣赏"),
        _item("pre_coach_pek", "2015-04-19 10:30", "11:45", "transfer", None,
              "Coach: check-out and transfer to Beijing Capital Airport T3",
              "退房，乘车前往首都机场T3航站楼"),
        _item("pre_flight_szx", "2015-04-19 13:30", "16:55", "transfer", None,
              "Group flight CA 1315 Beijing Capital (PEK) to Shenzhen Bao'an (SZX)",
              "团队航班 CA1315 北京首都—深圳宝安",
              description="Group booking by CAIEP, reference CAIEP-GRP-0419; 20 kg checked bag."),
        _item("pre_coach_sz", "2015-04-19 17:30", "18:30", "transfer", None,
              "Coach: Shenzhen airport to the Shangri-La, Futian", "乘车前往福田香格里拉大酒店"),
        _item("pre_sz_dinner", "2015-04-19 19:15", "20:45", "meal", "shangrila_sz/Shang Palace",
              "Dinner at the hotel: Cantonese cuisine", "酒店晚餐：粤菜"),
    ],
    "conf": [
        # Monday 20 April: arrivals and registration
        _item("registration", "2015-04-20 14:00", "18:00", "other", f"{SZ}/Hall A Foyer",
              "Registration and badge pick-up", "报到注册、领取证件"),
        _item("welcome_reception", "2015-04-20 18:30", "20:30", "reception",
              "shangrila_sz/Grand Ballroom", "Welcome reception hosted by SAFEA",
              "国家外国专家局欢迎酒会"),
        # Tuesday 21 April
        _item("opening", "2015-04-21 08:30", "09:15", "ceremony", f"{SZ}/Hall A",
              "Opening ceremony", "开幕式", language="zh, en (simultaneous interpretation)"),
        _item("keynote", "2015-04-21 09:15", "10:15", "keynote", f"{SZ}/Hall A",
              "Keynote: U.S. Best Practices in City/County Management and Innovative Solutions "
              "for Urbanization", "主旨演讲：美国市县管理最佳实践与城镇化创新解决方案",
              language="en (simultaneous interpretation into zh)"),
        _item("break_21am", "2015-04-21 10:15", "10:45", "other", f"{SZ}/Hall A Foyer",
              "Tea break", "茶歇"),
        _item("plenary_21", "2015-04-21 10:45", "12:00", "plenary", f"{SZ}/Hall A",
              "Plenary: China's foreign expert programme — priorities for 2015",
              "全体会议：2015年外国专家工作重点"),
        _item("lunch_21", "2015-04-21 12:00", "13:30", "meal", f"{SZ}/Banquet Hall",
              "Lunch", "午餐"),
        _item("s1a", "2015-04-21 13:30", "15:00", "session", f"{SZ}/Room 3",
              "Performance management and citizen surveys", "绩效管理与市民调查",
              track="Management"),
        _item("s1b", "2015-04-21 13:30", "15:00", "panel", f"{SZ}/Room 5",
              "Panel: Eco-friendly urbanization — lessons from U.S. counties",
              "专题讨论：生态城镇化——美国县级政府的经验", track="Urbanization"),
        _item("s1c", "2015-04-21 13:30", "15:00", "workshop", f"{SZ}/Room 7",
              "Workshop: working in China as a foreign expert", "工作坊：在华担任外国专家",
              track="Expert exchange"),
        _item("break_21pm", "2015-04-21 15:00", "15:30", "other", f"{SZ}/Hall A Foyer",
              "Tea break", "茶歇"),
        _item("s2a", "2015-04-21 15:30", "17:00", "session", f"{SZ}/Room 3",
              "Sustainable development and brownfield redevelopment", "可持续发展与棕地再开发",
              track="Urbanization"),
        _item("s2b", "2015-04-21 15:30", "17:00", "panel", f"{SZ}/Room 5",
              "Panel: public-private partnerships for urban infrastructure",
              "专题讨论：城市基础设施的政府与社会资本合作", track="Finance"),
        _item("s2c", "2015-04-21 15:30", "17:00", "workshop", f"{SZ}/Room 7",
              "Workshop: training Chinese local officials — the ICMA China Center model",
              "工作坊：培训中国地方官员——ICMA中国中心模式", track="Expert exchange"),
        _item("cruise", "2015-04-21 19:30", "21:30", "site_visit", None,
              "Shenzhen Bay evening cruise", "深圳湾夜游", status="cancelled",
              description="Cancelled by the operator (vessel in maintenance)."),
        # Wednesday 22 April
        _item("plenary_22", "2015-04-22 09:00", "10:30", "plenary", f"{SZ}/Hall A",
              "Plenary: innovative solutions for urbanization — U.S. and Chinese cities",
              "全体会议：城镇化创新——中美城市的实践"),
        _item("break_22am", "2015-04-22 10:30", "11:00", "other", f"{SZ}/Hall A Foyer",
              "Tea break", "茶歇"),
        _item("signing", "2015-04-22 11:00", "12:00", "ceremony", f"{SZ}/Hall B",
              "Signing ceremony: ICMA–CAIEP technical expert exchange agreement",
              "签约仪式：ICMA与中国国际人才交流协会技术专家交流协议",
              description="Implements the November 2014 MOU: ICMA recommends experts in "
              "city/county management for SAFEA, ministries, provinces, cities and "
              "state-owned enterprises."),
        _item("lunch_22", "2015-04-22 12:00", "13:30", "meal", f"{SZ}/Banquet Hall",
              "Lunch", "午餐"),
        _item("s3a", "2015-04-22 13:30", "15:00", "session", f"{SZ}/Room 3",
              "Smart cities and digital public services", "智慧城市与数字化公共服务",
              track="Management"),
        _item("s3b", "2015-04-22 13:30", "15:00", "panel", f"{SZ}/Room 5",
              "Panel: water and environmental management", "专题讨论：水务与环境管理",
              track="Urbanization"),
        _item("s3c", "2015-04-22 13:30", "15:00", "workshop", f"{SZ}/Room 7",
              "Workshop: budgeting for results", "工作坊：绩效预算", track="Finance"),
        _item("break_22pm", "2015-04-22 15:00", "15:30", "other", f"{SZ}/Hall A Foyer",
              "Tea break", "茶歇"),
        _item("s4a", "2015-04-22 15:30", "17:00", "session", f"{SZ}/Room 3",
              "Foreign experts for state-owned enterprises", "国有企业引进外国专家",
              track="Expert exchange"),
        _item("s4b", "2015-04-22 15:30", "17:00", "panel", f"{SZ}/Room 5",
              "Panel: city-to-city partnerships between the United States and China",
              "专题讨论：中美城市间伙伴关系", track="Expert exchange"),
        _item("banquet", "2015-04-22 18:30", "21:00", "meal", "shangrila_sz/Grand Ballroom",
              "Conference banquet", "大会晚宴"),
        # Thursday 23 April
        _item("plenary_23", "2015-04-23 09:00", "10:15", "plenary", f"{SZ}/Hall A",
              "Plenary: requesting ICMA experts under the new MOU",
              "全体会议：如何依据新备忘录申请ICMA专家"),
        _item("break_23", "2015-04-23 10:15", "10:45", "other", f"{SZ}/Hall A Foyer",
              "Tea break", "茶歇"),
        _item("s5a", "2015-04-23 10:45", "12:00", "session", f"{SZ}/Room 3",
              "Local government survey research", "地方政府调查研究", track="Management"),
        _item("s5b", "2015-04-23 10:45", "12:00", "workshop", f"{SZ}/Room 5",
              "Workshop: emergency management and resilient cities",
              "工作坊：应急管理与韧性城市", track="Management"),
        _item("lunch_23", "2015-04-23 12:00", "13:30", "meal", f"{SZ}/Banquet Hall",
              "Lunch", "午餐"),
        _item("closing_plenary", "2015-04-23 14:00", "15:30", "plenary", f"{SZ}/Hall A",
              "Closing plenary: reports from the sessions", "闭幕全体会议：分会场报告"),
        _item("closing", "2015-04-23 15:30", "16:00", "ceremony", f"{SZ}/Hall A",
              "Closing ceremony", "闭幕式"),
        _item("farewell_conf", "2015-04-23 18:30", "20:30", "meal", "shangrila_sz/Grand Ballroom",
              "Farewell dinner hosted by ICMA", "ICMA答谢晚宴"),
    ],
    "post": [
        _item("post_coach_szx", "2015-04-24 08:15", "09:15", "transfer", None,
              "Coach: hotel to Shenzhen Bao'an Airport", "乘车前往深圳宝安机场"),
        _item("post_flight", "2015-04-24 10:40", "12:50", "transfer", None,
              "Group flight ZH 9835 Shenzhen (SZX) to Yangzhou Taizhou (YTY)",
              "团队航班 ZH9835 深圳—扬州泰州",
              description="Group booking by the Yangzhou Foreign Affairs Office, reference "
              "YZFAO-0424."),
        _item("post_coach_yz", "2015-04-24 13:30", "14:30", "transfer", None,
              "Minibus: Yangzhou Taizhou Airport to the Yangzhou State Guest House",
              "乘车前往扬州迎宾馆"),
        _item("post_welcome", "2015-04-24 15:30", "17:30", "site_visit",
              "yangzhou_base/Training Room 1",
              "Welcome at the ICMA China Center Yangzhou Training Base",
              "ICMA中国中心扬州培训基地欢迎会"),
        _item("post_welcome_dinner", "2015-04-24 18:15", "20:15", "meal",
              "yz_guesthouse/Banquet Hall",
              "Welcome dinner hosted by the Yangzhou Municipal Government: Huaiyang cuisine",
              "扬州市人民政府欢迎晚宴：淮扬菜"),
        _item("post_breakfast", "2015-04-25 07:00", "08:00", "meal",
              "yz_guesthouse/Breakfast Room", "Breakfast at the guest house", "酒店早餐",
              recurrence="FREQ=DAILY;COUNT=3", exdates="2015-04-26T07:00",
              description="Not on 26 April: dim sum at the Fuchun Teahouse instead."),
        _item("post_training", "2015-04-25 08:30", "12:00", "workshop",
              "yangzhou_base/Training Room 1",
              "Training exchange: city management practice with Yangzhou district officials",
              "培训交流：与扬州各区官员交流城市管理实践"),
        _item("post_lunch_25", "2015-04-25 12:00", "13:30", "meal", "yangzhou_base/Staff Canteen",
              "Lunch at the training base", "培训基地午餐"),
        _item("post_dongguan", "2015-04-25 14:00", "16:30", "site_visit", "dongguan",
              "Grand Canal heritage: regeneration of Dongguan Street",
              "大运河文化遗产：东关街保护与更新"),
        _item("post_free_25", "2015-04-25 17:00", "21:00", "free_time", None,
              "Evening at leisure", "自由活动"),
        _item("post_dimsum", "2015-04-26 07:30", "08:45", "meal", "fuchun",
              "Dim sum breakfast at the Fuchun Teahouse", "富春茶社早茶"),
        _item("post_lake", "2015-04-26 09:15", "11:45", "site_visit", "slender_west_lake",
              "Slender West Lake by boat", "乘船游览瘦西湖"),
        _item("post_lunch_26", "2015-04-26 12:00", "13:30", "meal", "yz_guesthouse/Banquet Hall",
              "Lunch at the guest house", "迎宾馆午餐"),
        _item("post_ge_garden", "2015-04-26 14:00", "16:00", "site_visit", "ge_garden",
              "Ge Garden: a Qing-dynasty salt merchant's garden", "个园：清代盐商园林"),
        _item("post_dinner_26", "2015-04-26 18:30", "20:30", "meal", "yz_guesthouse/Banquet Hall",
              "Dinner: Yangzhou fried rice and the chef's demonstration", "晚餐：扬州炒饭制作展示"),
        _item("post_coach_sh", "2015-04-27 08:30", "12:00", "transfer", None,
              "Minibus: Yangzhou to Shanghai (Fairmont Peace Hotel)", "乘车前往上海和平饭店"),
        _item("post_lunch_27", "2015-04-27 12:30", "13:45", "meal", "peace_hotel/Jasmine Lounge",
              "Lunch and check-in at the Peace Hotel", "和平饭店午餐、入住"),
        _item("post_supec", "2015-04-27 14:30", "16:30", "site_visit", "supec",
              "Shanghai Urban Planning Exhibition Center", "参观上海城市规划展示馆"),
        _item("post_bund", "2015-04-27 16:45", "18:00", "free_time", None,
              "Walk along the Bund", "漫步外滩"),
        _item("post_farewell", "2015-04-27 18:30", "20:30", "meal", "peace_hotel/Dragon Phoenix",
              "Farewell dinner", "告别晚宴"),
    ],
    "brownfields": [
        _item("bf_opening", "2015-10-20 09:00", "10:30", "plenary", "nist/Green Auditorium",
              "Opening plenary: from brownfields to productive land — U.S. and Chinese "
              "perspectives", "开幕全体会议：从棕地到可用土地——中美视角", status="tentative"),
        _item("bf_measurement", "2015-10-20 11:00", "12:30", "session", "nist/Lecture Room A",
              "Measuring soil and groundwater contamination: NIST reference methods",
              "土壤与地下水污染测量：NIST参考方法", status="tentative"),
        _item("bf_site_visit", "2015-10-21 09:00", "12:00", "site_visit", None,
              "Site visit: redeveloped brownfields in Montgomery County, Maryland",
              "实地考察：马里兰州蒙哥马利县棕地再开发项目", status="tentative"),
    ],
}

# Whole-programme bookings: (programme, person or "group:NAME", role, status).
PROGRAMME_BOOKINGS: list[tuple[str, str, str, str]] = [
    ("pre", "group:US delegation", "attending", "confirmed"),
    ("pre", "oneill", "attending", "confirmed"),
    ("pre", "kim", "attending", "confirmed"),
    ("pre", "echen", "attending", "confirmed"),
    ("pre", "mitchell", "leading", "confirmed"),
    ("conf", "group:US delegation", "attending", "confirmed"),
    ("conf", "group:ICMA staff", "attending", "confirmed"),
    ("conf", "nie", "attending", "confirmed"),
    ("conf", "sun", "attending", "confirmed"),
    ("conf", "zheng", "attending", "confirmed"),
    ("conf", "wang", "attending", "confirmed"),
    ("post", "mitchell", "leading", "confirmed"),
    ("post", "echen", "attending", "confirmed"),
    *(("post", key, "attending", "confirmed") for key in POST_TOUR_DELEGATES),
    *(("post", key, "attending", "waitlisted") for key in POST_TOUR_WAITLIST),
]

# Item roles: item key -> {role: people}.
ITEM_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "opening": {"speaking": ("sun",), "chairing": ("zheng",), "interpreting": ("chen_xy",)},
    "keynote": {"speaking": ("oneill",), "chairing": ("nie",), "interpreting": ("chen_xy",)},
    "plenary_21": {"speaking": ("nie",), "chairing": ("wang",), "interpreting": ("chen_xy",)},
    "s1a": {"speaking": ("park",), "chairing": ("kim",)},
    "s1b": {"speaking": ("walsh", "brooks"), "chairing": ("zheng",), "interpreting": ("chen_xy",)},
    "s1c": {"speaking": ("wang",)},
    "s2a": {"speaking": ("hartman",), "chairing": ("mitchell",)},
    "s2b": {"speaking": ("hassan", "jensen"), "chairing": ("rchen",)},
    "s2c": {"speaking": ("echen",), "chairing": ("kim",)},
    "plenary_22": {
        "speaking": ("reyes", "walsh"),
        "chairing": ("mitchell",),
        "interpreting": ("chen_xy",),
    },
    "signing": {"speaking": ("oneill", "nie"), "chairing": ("sun",), "interpreting": ("chen_xy",)},
    "s3a": {"speaking": ("thompson",)},
    "s3b": {"speaking": ("reyes",), "chairing": ("walsh",)},
    "s3c": {"speaking": ("oconnor", "jensen")},
    "s4a": {"speaking": ("zheng",), "chairing": ("nie",)},
    "s4b": {
        "speaking": ("oneill", "wang", "rchen"),
        "chairing": ("mitchell",),
        "interpreting": ("chen_xy",),
    },
    "plenary_23": {"speaking": ("kim", "zheng"), "interpreting": ("chen_xy",)},
    "s5a": {"speaking": ("wright",), "chairing": ("kim",)},
    "s5b": {"speaking": ("gomez",)},
    "closing_plenary": {"chairing": ("kim",), "interpreting": ("chen_xy",)},
    "closing": {"speaking": ("nie", "oneill"), "interpreting": ("chen_xy",)},
    "pre_forbidden_city": {"leading": ("zhao",)},
    "pre_great_wall": {"leading": ("zhao",)},
    "pre_caiep": {"speaking": ("liu",), "interpreting": ("li_na",)},
    "pre_cupl": {"speaking": ("zhang",), "interpreting": ("li_na",)},
    "pre_cupl_lunch": {"attending": ("zhang",), "interpreting": ("li_na",)},
    "pre_namc": {"speaking": ("chen_g",), "interpreting": ("li_na",)},
    "post_welcome": {"speaking": ("huang",), "chairing": ("zhou",), "interpreting": ("wu",)},
    "post_welcome_dinner": {"attending": ("huang", "zhou"), "interpreting": ("wu",)},
    "post_training": {"chairing": ("zhou",), "interpreting": ("wu",)},
    "post_dongguan": {"leading": ("sun_li",)},
    "post_lake": {"leading": ("sun_li",)},
    "post_ge_garden": {"leading": ("sun_li",)},
    "post_supec": {"leading": ("gu",)},
    "post_bund": {"leading": ("gu",)},
    # Deliberate: a booking left on a cancelled item (see DELIBERATE_FINDINGS).
    "cruise": {"attending": ("hassan",)},
}

# Breakouts each person attends (where they do not speak or chair): one per time slot.
BREAKOUTS: dict[str, tuple[str, ...]] = {
    "walsh": ("s2a", "s4b", "s5b"),
    "brooks": ("s2b", "s3b", "s4b", "s5a"),
    "oconnor": ("s1a", "s2b", "s4a", "s5a"),
    "reyes": ("s1b", "s2a", "s4b", "s5b"),
    "thompson": ("s1a", "s2c", "s4b", "s5a"),
    "hartman": ("s1b", "s3b", "s4a", "s5b"),
    "hassan": ("s1c", "s3c", "s4b", "s5b"),
    "gomez": ("s1b", "s2a", "s3a", "s4b"),
    "jensen": ("s1a", "s4a", "s5a"),
    "rchen": ("s1c", "s3a", "s5a"),
    "wright": ("s1a", "s2c", "s3a", "s4b"),
    "park": ("s2c", "s3c", "s4a", "s5a"),
    "oneill": ("s1c",),
    "echen": ("s3a", "s5b"),
    "mitchell": ("s3b",),
    "kim": ("s3c", "s4a"),
}
# Everyone on the post-conference tour is booked into the training exchange (a workshop).
BREAKOUTS_POST = ("post_training",)

CARRIERS = {
    "UA": "United Airlines",
    "CA": "Air China",
    "MU": "China Eastern Airlines",
}
AIRPORTS = {
    "IAD": ("Washington Dulles (IAD)", EASTERN, "iad"),
    "JFK": ("New York JFK, Terminal 1", EASTERN, "jfk"),
    "PEK": ("Beijing Capital (PEK), Terminal 3", CHINA, "pek"),
    "SZX": ("Shenzhen Bao'an (SZX), Terminal 3", CHINA, "szx"),
    "SHA": ("Shanghai Hongqiao (SHA), Terminal 2", CHINA, "sha"),
}
# key: (flight number, from, local departure, to, local arrival) — each time local to its airport.
FLIGHTS: dict[str, tuple[str, str, str, str, str]] = {
    "UA897": ("UA 897", "IAD", "2015-04-14 12:40", "PEK", "2015-04-15 14:35"),
    # A late departure: 23:55 EDT is 11:55 the next day in Beijing, so 13 h 45 in the air lands
    # at 01:40 CST two calendar days after leaving Washington.
    "CA818": ("CA 818", "IAD", "2015-04-13 23:55", "PEK", "2015-04-15 01:40"),
    "CA982": ("CA 982", "JFK", "2015-04-18 13:00", "PEK", "2015-04-19 15:00"),
    "CA1355": ("CA 1355", "PEK", "2015-04-19 17:30", "SZX", "2015-04-19 20:45"),
    "CA1301": ("CA 1301", "PEK", "2015-04-20 08:00", "SZX", "2015-04-20 11:15"),
    "CA1304": ("CA 1304", "SZX", "2015-04-24 08:30", "PEK", "2015-04-24 11:45"),
    "UA898_24": ("UA 898", "PEK", "2015-04-24 16:55", "IAD", "2015-04-24 17:50"),
    "CA981": ("CA 981", "PEK", "2015-04-24 13:00", "JFK", "2015-04-24 14:10"),
    "MU5103": ("MU 5103", "SHA", "2015-04-28 09:00", "PEK", "2015-04-28 11:15"),
    "UA898_28": ("UA 898", "PEK", "2015-04-28 16:55", "IAD", "2015-04-28 17:50"),
}

HOTEL_NOTES = {
    "shangrila_bj": "Deluxe room, breakfast included.",
    "shangrila_sz": "Deluxe room facing the convention centre, breakfast included.",
    "yz_guesthouse": "Garden-view room, breakfast included.",
    "peace_hotel": "Fairmont room, breakfast included.",
}

# Journeys are sequences of steps:
#   ("flight", FLIGHTS key)
#   ("road", from, to, local start, local end)  — a car or coach the person takes alone
#   ("hotel", venue key, local check-in, local check-out)
ARRIVE_UA897 = [
    ("flight", "UA897"),
    ("road", "Beijing Capital (PEK) T3", "Shangri-La Hotel, Beijing", "2015-04-15 15:30", "16:45"),
    ("hotel", "shangrila_bj", "2015-04-15 16:45", "2015-04-19 10:30"),
]
ARRIVE_REDEYE = [
    ("flight", "CA818"),
    ("road", "Beijing Capital (PEK) T3", "Shangri-La Hotel, Beijing", "2015-04-15 02:30", "03:30"),
    ("hotel", "shangrila_bj", "2015-04-15 03:30", "2015-04-19 10:30"),
]
SHENZHEN_THEN_POST_TOUR = [
    ("hotel", "shangrila_sz", "2015-04-19 18:30", "2015-04-24 08:00"),
    ("hotel", "yz_guesthouse", "2015-04-24 14:30", "2015-04-27 08:15"),
    ("hotel", "peace_hotel", "2015-04-27 12:15", "2015-04-28 07:00"),
    ("road", "Fairmont Peace Hotel", "Shanghai Hongqiao (SHA) T2", "2015-04-28 07:15", "08:00"),
    ("flight", "MU5103"),
    ("flight", "UA898_28"),
]
SHENZHEN_THEN_HOME = [
    ("hotel", "shangrila_sz", "2015-04-19 18:30", "2015-04-24 06:15"),
    ("road", "Shangri-La Hotel, Futian", "Shenzhen Bao'an (SZX) T3", "2015-04-24 06:15", "07:00"),
    ("flight", "CA1304"),
    ("flight", "UA898_24"),
]
BEIJING_OFFICIAL = [
    ("flight", "CA1301"),
    ("road", "Shenzhen Bao'an (SZX) T3", "Shangri-La Hotel, Futian", "2015-04-20 11:45", "12:30"),
    ("hotel", "shangrila_sz", "2015-04-20 12:30", "2015-04-24 06:15"),
    ("road", "Shangri-La Hotel, Futian", "Shenzhen Bao'an (SZX) T3", "2015-04-24 06:15", "07:00"),
    ("flight", "CA1304"),
]
FROM_NEW_YORK = [
    ("flight", "CA982"),
    ("flight", "CA1355"),
    ("road", "Shenzhen Bao'an (SZX) T3", "Shangri-La Hotel, Futian", "2015-04-19 21:15", "22:00"),
    ("hotel", "shangrila_sz", "2015-04-19 22:00", "2015-04-24 06:15"),
    ("road", "Shangri-La Hotel, Futian", "Shenzhen Bao'an (SZX) T3", "2015-04-24 06:15", "07:00"),
    ("flight", "CA1304"),
    ("flight", "CA981"),
]

JOURNEYS: dict[str, list[tuple[str, ...]]] = {
    "oneill": ARRIVE_REDEYE + SHENZHEN_THEN_HOME,
    "kim": ARRIVE_UA897 + SHENZHEN_THEN_HOME,
    "mitchell": ARRIVE_UA897 + SHENZHEN_THEN_POST_TOUR,
    "echen": ARRIVE_UA897 + SHENZHEN_THEN_POST_TOUR,
    **{key: ARRIVE_UA897 + SHENZHEN_THEN_POST_TOUR for key in POST_TOUR_DELEGATES},
    **{key: ARRIVE_UA897 + SHENZHEN_THEN_HOME for key in POST_TOUR_WAITLIST},
    "nie": BEIJING_OFFICIAL,
    "sun": BEIJING_OFFICIAL,
    "zheng": BEIJING_OFFICIAL,
    "wang": FROM_NEW_YORK,
}

# Notes on a person's flights (or on one flight: 'person/flight'); airline special meals
# follow the traveller's dietary needs.
FLIGHT_NOTES = {
    "walsh": "Special meal requested: vegetarian (VLML).",
    "hassan": "Special meal requested: Muslim meal (MOML).",
    "thompson": "Nut allergy declared to the airline; no special meal available.",
    "wright": "Aisle seat requested (knee).",
    "oneill/CA818": "Late departure after the ICMA board meeting on 13 April; arrives in Beijing "
    "in the small hours of 15 April, a day before the tour's first visit.",
}


VENUES_BY_KEY = {str(v["key"]): v for v in VENUES}
# fmt: on


def _at(text: str, *, day_of: str | None = None) -> datetime:
    """'2015-04-21 08:30', or just '08:30' on the date of `day_of`: a naive wall-clock time."""
    if len(text) <= 5 and day_of is not None:
        text = f"{day_of[:10]} {text}"
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def _code(*parts: str, digits: bool = False) -> str:
    """A stable, made-up booking reference (a 6-letter PNR, or an 8-digit hotel number)."""
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    if digits:
        return "".join(str(b % 10) for b in digest[:8])
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(alphabet[b % len(alphabet)] for b in digest[:6])


def populate_demo(session: Session) -> None:
    """Write the whole demo into an empty plan file, through the services."""
    plans.create_plan(session, **PLAN)
    person_ids, group_ids = _add_people(session)
    venue_ids, room_ids = _add_venues(session)
    programme_ids, item_ids = _add_programmes(session, venue_ids, room_ids)
    _add_bookings(session, person_ids, group_ids, programme_ids, item_ids)
    for key, steps in JOURNEYS.items():
        _add_journey(session, key, person_ids[key], steps, venue_ids)


def _add_people(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    org_ids = {
        key: organizations.create_organization(
            session, name_en=name_en, name_local=name_local, country=country
        )
        for key, (name_en, name_local, country) in ORGANIZATIONS.items()
    }
    person_ids: dict[str, int] = {}
    for row in PEOPLE:
        fields = {k: v for k, v in row.items() if k not in ("key", "org")}
        person_ids[row["key"]] = people.create_person(
            session, organization_id=org_ids[row["org"]], **fields
        )
    group_ids: dict[str, int] = {}
    for name, (description, members) in GROUPS.items():
        group_ids[name] = organizations.create_group(session, name=name, description=description)
        organizations.add_group_members(session, group_ids[name], [person_ids[k] for k in members])
    return person_ids, group_ids


def _add_venues(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    venue_ids: dict[str, int] = {}
    room_ids: dict[str, int] = {}  # by "venue/room"
    for row in VENUES:
        key = str(row["key"])
        venue_ids[key] = venues.create_venue(session, **row["fields"])  # type: ignore[arg-type]
        for name, name_local, capacity in row["rooms"]:  # type: ignore[attr-defined]
            room_ids[f"{key}/{name}"] = venues.add_room(
                session, venue_ids[key], name=name, name_local=name_local, capacity=capacity
            )
    for a, b, minutes in TRAVEL_TIMES:
        venues.set_travel_time(session, venue_ids[a], venue_ids[b], minutes)
    return venue_ids, room_ids


def _add_programmes(
    session: Session, venue_ids: dict[str, int], room_ids: dict[str, int]
) -> tuple[dict[str, int], dict[str, int]]:
    programme_ids: dict[str, int] = {}
    for key, spec in PROGRAMMES.items():  # parents come first in the table
        fields = {k: v for k, v in spec.items() if k != "parent"}
        parent = spec.get("parent")
        programme_ids[key] = programmes.create_programme(
            session, parent_id=programme_ids[str(parent)] if parent else None, **fields
        )
    item_ids: dict[str, int] = {}
    table_columns = ("key", "start", "end", "where", "title_en", "title_local", "kind")
    for prog_key, rows in ITEMS.items():
        for row in rows:
            where = row["where"]
            venue_id = venue_ids[str(where).split("/")[0]] if where else None
            room_id = room_ids[str(where)] if where and "/" in str(where) else None
            item_ids[str(row["key"])] = items.create_item(
                session,
                programme_id=programme_ids[prog_key],
                title_en=row["title_en"],
                title_local=row["title_local"],
                kind=row["kind"],
                venue_id=venue_id,
                room_id=room_id,
                start=_at(str(row["start"])),
                end=_at(str(row["end"]), day_of=str(row["start"])),
                **{k: v for k, v in row.items() if k not in table_columns},
            )
    return programme_ids, item_ids


def _add_bookings(
    session: Session,
    person_ids: dict[str, int],
    group_ids: dict[str, int],
    programme_ids: dict[str, int],
    item_ids: dict[str, int],
) -> None:
    for prog_key, who, role, status in PROGRAMME_BOOKINGS:
        if who.startswith("group:"):
            participations.assign_group(
                session,
                group_ids[who.removeprefix("group:")],
                programme_id=programme_ids[prog_key],
                role=role,
                status=status,
            )
        else:
            participations.add_participation(
                session,
                person_ids[who],
                programme_id=programme_ids[prog_key],
                role=role,
                status=status,
            )
    for item_key, roles in ITEM_ROLES.items():
        for role, keys in roles.items():
            for key in keys:
                participations.add_participation(
                    session, person_ids[key], item_id=item_ids[item_key], role=role
                )
    for key, booked in BREAKOUTS.items():
        for item_key in booked:
            participations.add_participation(session, person_ids[key], item_id=item_ids[item_key])
    for item_key in BREAKOUTS_POST:
        for key in ("echen", *POST_TOUR_DELEGATES):
            participations.add_participation(session, person_ids[key], item_id=item_ids[item_key])
        participations.add_participation(
            session, person_ids["mitchell"], item_id=item_ids[item_key], role="leading"
        )


def _add_journey(
    session: Session,
    key: str,
    person_id: int,
    steps: list[tuple[str, ...]],
    venue_ids: dict[str, int],
) -> None:
    for step in steps:
        if step[0] == "flight":
            number, origin, dep, dest, arr = FLIGHTS[step[1]]
            from_place, from_zone, from_venue = AIRPORTS[origin]
            to_place, to_zone, _ = AIRPORTS[dest]
            carrier = number.split()[0]
            travel.create_travel(
                session,
                person_id=person_id,
                kind="flight",
                carrier=CARRIERS[carrier],
                number=number,
                confirmation_code=_code(key, carrier),
                from_place=from_place,
                to_place=to_place,
                start=_at(dep),
                start_timezone=from_zone,
                end=_at(arr),
                end_timezone=to_zone,
                venue_id=venue_ids[from_venue],
                notes=FLIGHT_NOTES.get(f"{key}/{step[1]}", FLIGHT_NOTES.get(key, "")),
            )
        elif step[0] == "road":
            _, origin, dest, start, end = step
            travel.create_travel(
                session,
                person_id=person_id,
                kind="road",
                carrier="ICMA chartered car",
                from_place=origin,
                to_place=dest,
                start=_at(start),
                start_timezone=CHINA,
                end=_at(end, day_of=start),
                end_timezone=CHINA,
            )
        else:
            _, hotel, check_in, check_out = step
            travel.create_travel(
                session,
                person_id=person_id,
                kind="hotel",
                confirmation_code=_code(key, hotel, digits=True),
                to_place=str(VENUES_BY_KEY[hotel]["fields"]["name_en"]),  # type: ignore[index]
                venue_id=venue_ids[hotel],
                start=_at(check_in),
                end=_at(check_out),
                notes=HOTEL_NOTES.get(hotel, ""),
            )


def write_demo_plan(path: Path | str) -> None:
    """Write the demo plan to a new file; refuses an existing path, leaves nothing on failure."""
    path = Path(path)
    if path.exists():
        raise PlanFileError(f"{path} already exists; the demo plan is only written to a new file")
    plan = PlanFile.create(path)
    try:
        with plan.transaction() as session:
            populate_demo(session)
    except BaseException:
        plan.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    plan.close()
