"""The demo's organizations, people and groups, and who is on the post-conference tour."""

from __future__ import annotations

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
# fmt: on
