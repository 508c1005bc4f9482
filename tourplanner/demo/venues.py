"""The demo's venues (hotels, airports, sites) with their rooms, and travel times between them."""

from __future__ import annotations

from typing import TypedDict

from tourplanner.demo.plan import CHINA, EASTERN


class VenueRow(TypedDict):
    """A venue's key, its fields for `services.venues.create_venue`, its rooms (name, local
    name, places)."""

    key: str
    fields: dict[str, object]
    rooms: tuple[tuple[str, str, int | None], ...]


# fmt: off
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
) -> VenueRow:
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


VENUES: list[VenueRow] = [
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
# fmt: on
