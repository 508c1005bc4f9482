"""Which person field a spreadsheet column holds, recognised from its header (English or Chinese)."""

from __future__ import annotations

import re
import unicodedata

# Target fields of a column, in the order the GUI offers them, with their labels.
FIELDS: dict[str, str] = {
    "": "(ignore this column)",
    "full_name": "Full name (either script)",
    "name_latin": "Name (Latin script)",
    "name_local": "Name (local script)",
    "given_name": "Given name / 名",
    "family_name": "Family name / 姓",
    "honorific": "Honorific",
    "organization": "Organization",
    "organization_local": "Organization (local name)",
    "country": "Country",
    "role": "Role",
    "email": "Email",
    "phone": "Phone",
    "preferred_language": "Language",
    "dietary_needs": "Dietary needs",
    "accessibility_needs": "Accessibility needs",
    "emergency_contact": "Emergency contact",
    "passport_visa_notes": "Passport / visa (sensitive)",
    "medical_notes": "Medical notes (sensitive)",
    "group": "Group",
    "arrival": "Arrival (date and time)",
    "departure": "Departure (date and time)",
    "notes": "Notes",
}

# Recognised headers, compared after folding (lower case, no spaces, punctuation or '*').
# Order matters: the first field whose synonyms match wins.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name_local": (
        "localname",
        "chinesename",
        "nameinchinese",
        "namelocal",
        "nativename",
        "中文名",
        "中文姓名",
        "中文名字",
        "姓名中文",
        "汉字姓名",
    ),
    "name_latin": (
        "englishname",
        "nameinenglish",
        "latinname",
        "namelatin",
        "nameenglish",
        "pinyin",
        "pinyinname",
        "nameaspassport",
        "nameasinpassport",
        "passportname",
        "英文名",
        "英文姓名",
        "拼音",
        "姓名拼音",
        "护照姓名",
    ),
    "full_name": (
        "name",
        "fullname",
        "participant",
        "participantname",
        "delegate",
        "delegatename",
        "attendee",
        "attendeename",
        "person",
        "displayname",
        "姓名",
        "名字",
        "全名",
        "代表姓名",
    ),
    "given_name": ("firstname", "givenname", "forename", "first", "given", "名", "名字拼音"),
    "family_name": ("lastname", "familyname", "surname", "last", "family", "姓", "姓氏"),
    "honorific": (
        "honorific",
        "title",
        "salutation",
        "prefix",
        "mr/ms",
        "mrms",
        "称谓",
        "称呼",
        "尊称",
    ),
    "organization": (
        "organization",
        "organisation",
        "org",
        "company",
        "institution",
        "affiliation",
        "employer",
        "organizationname",
        "organisationname",
        "companyname",
        "institutionname",
        "agency",
        "department",
        "organizationenglish",
        "单位",
        "工作单位",
        "机构",
        "所在单位",
        "公司",
        "组织",
        "单位名称",
    ),
    "organization_local": (
        "organizationlocal",
        "organisationlocal",
        "organizationchinese",
        "中文单位",
        "单位中文",
        "单位中文名称",
    ),
    "country": ("country", "nationality", "citizenship", "国家", "国籍", "国家地区"),
    "role": ("role", "type", "participanttype", "category", "capacity", "角色", "身份", "类别"),
    "email": ("email", "e-mail", "emailaddress", "mail", "邮箱", "电子邮箱", "电子邮件", "邮件"),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "mobile",
        "cell",
        "cellphone",
        "mobilephone",
        "phonenumber",
        "电话",
        "手机",
        "联系电话",
        "手机号",
        "手机号码",
        "电话号码",
    ),
    "preferred_language": (
        "language",
        "preferredlanguage",
        "lang",
        "语言",
        "工作语言",
        "首选语言",
    ),
    "dietary_needs": (
        "dietary",
        "dietaryneeds",
        "dietaryrequirements",
        "dietaryrestrictions",
        "diet",
        "food",
        "meal",
        "mealpreference",
        "饮食",
        "饮食要求",
        "饮食禁忌",
        "餐饮",
        "忌口",
    ),
    "accessibility_needs": (
        "accessibility",
        "accessibilityneeds",
        "specialneeds",
        "mobility",
        "disability",
        "无障碍",
        "特殊需求",
        "特殊需要",
    ),
    "emergency_contact": (
        "emergencycontact",
        "emergency",
        "incaseofemergency",
        "ice",
        "紧急联系人",
        "紧急联系方式",
        "紧急联络人",
    ),
    "passport_visa_notes": (
        "passport",
        "passportno",
        "passportnumber",
        "visa",
        "passportvisa",
        "passport/visa",
        "passportvisanotes",
        "护照",
        "护照号",
        "护照号码",
        "签证",
        "护照签证",
    ),
    "medical_notes": ("medical", "medicalnotes", "health", "allergies", "医疗", "健康", "过敏"),
    "group": (
        "group",
        "groups",
        "delegation",
        "team",
        "tourgroup",
        "团组",
        "团",
        "代表团",
        "组别",
        "分组",
        "团名",
    ),
    "arrival": (
        "arrival",
        "arrivaldate",
        "arrivaltime",
        "arrivaldatetime",
        "arrives",
        "arrive",
        "到达",
        "到达时间",
        "抵达",
        "抵达时间",
        "抵京时间",
    ),
    "departure": (
        "departure",
        "departuredate",
        "departuretime",
        "departuredatetime",
        "leaves",
        "depart",
        "离开",
        "离开时间",
        "离境时间",
        "返程时间",
        "出发时间",
    ),
    "notes": ("notes", "note", "remarks", "comments", "comment", "备注", "说明", "其他"),
}

_LOOKUP = {syn: field for field, syns in SYNONYMS.items() for syn in syns}


def fold(header: str) -> str:
    """A header reduced for comparison: NFKC, lower case, without spaces and punctuation."""
    text = unicodedata.normalize("NFKC", header).casefold()
    return re.sub(r"[\s_\-\.\*:：()（）\[\]【】#'’]+", "", text)


def recognise(header: str) -> str:
    """The person field a header names, or '' when it is not recognised.

    Tries the whole header, then its parts ('Name Family' -> 'Family' -> family name;
    'Email / 邮箱' -> email), so merged two-row headers and bilingual headers work.
    """
    folded = fold(header)
    if not folded:
        return ""
    if folded in _LOOKUP:
        return _LOOKUP[folded]
    parts = [fold(p) for p in re.split(r"[\s/|,;]+|\n", header) if fold(p)]
    # The lower (more specific) header of a merged pair comes last: try the longest tails first
    # ('Name Family name' -> 'familyname'), then each word from the end.
    tails = ["".join(parts[i:]) for i in range(1, len(parts))]
    for part in [*tails, *reversed(parts)]:
        if part in _LOOKUP:
            return _LOOKUP[part]
    if "email" in folded or "邮箱" in folded:
        return "email"
    return ""


def recognise_all(headers: list[str]) -> dict[int, str]:
    """A column -> field mapping from the headers; a field is given to its first column only."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for col, header in enumerate(headers):
        field = recognise(header)
        if field and field not in taken:
            mapping[col] = field
            taken.add(field)
        else:
            mapping[col] = ""
    return mapping
