"""Plain-language phrases for the patient care plan, in English and Chinese.

Every phrase is a pair ``(en, zh)`` under a key; :func:`say` picks the language and fills the
``{placeholders}``. The wording follows the seed interviews' patient advice (rule book §4–§6)
and is written for a patient, not a clinician: short sentences, no abbreviations without an
explanation. Lay names for drugs, histologies and bones live here too.
"""

from __future__ import annotations

from datetime import date

LANGS = ("en", "zh")

PHRASES: dict[str, tuple[str, str]] = {
    "title": ("My bone care plan", "我的骨健康管理计划"),
    "subtitle": (
        "Lung cancer that has spread to the bones: what is planned and what to watch for",
        "肺癌骨转移:治疗安排与注意事项",
    ),
    "patient": ("Patient", "患者"),
    "colon": (": ", ":"),
    "mrn": ("MRN", "病历号"),
    "as_of": ("Plan as of", "计划日期"),
    # --- diagnosis
    "sec_diagnosis": ("Your diagnosis", "您的诊断"),
    "dx_cancer": ("You have {histology}.", "您患有{histology}。"),
    "dx_cancer_stage": ("You have {histology} (stage {stage}).", "您患有{histology}({stage}期)。"),
    "dx_nsclc": (
        "This is a type of non-small cell lung cancer.",
        "这是非小细胞肺癌的一种类型。",
    ),
    "dx_drivers": (
        "Your tumour carries a gene change ({drivers}). Some of these can be treated with "
        "targeted medicines.",
        "您的肿瘤存在基因改变({drivers}),部分可以使用靶向药物治疗。",
    ),
    "dx_confirmed": (
        "Scans have shown that the cancer has spread to the bones (bone metastases).",
        "检查已证实肿瘤转移到了骨骼(骨转移)。",
    ),
    "dx_sites": ("Where: {sites}.", "部位:{sites}。"),
    "dx_confirmed_meaning": (
        "Bone metastases are lung cancer cells in the bone, not a new cancer. Treatment aims to "
        "control pain, keep the bones strong and prevent fractures.",
        "骨转移是肺癌细胞转移到骨骼,并不是另一种新的癌症。治疗的目的是控制疼痛、保护骨骼、"
        "预防骨折。",
    ),
    "dx_suspected": (
        "Some tests suggest that the cancer may have spread to the bones. More tests are needed "
        "to be sure.",
        "部分检查提示肿瘤可能转移到了骨骼,还需要进一步检查才能确定。",
    ),
    "dx_not_found": (
        "Tests so far have not shown any spread of the cancer to the bones.",
        "目前的检查没有发现肿瘤转移到骨骼。",
    ),
    # --- bone drug plan
    "sec_bone_drug": ("Your bone medicine", "您的护骨药物"),
    "bd_intro": (
        "This medicine protects your bones: it lowers the risk of pain, fractures, pressure on "
        "the spinal cord and high blood calcium. It does not treat the cancer itself.",
        "这种药物用于保护骨骼,可以减少骨痛、骨折、脊髓压迫和高钙血症的发生,但它本身不是抗肿瘤药。",
    ),
    "bd_drug": ("Medicine", "药物"),
    "bd_dose": ("Dose", "剂量"),
    "bd_how": ("How it is given", "用药方式"),
    "bd_interval": ("How often", "用药间隔"),
    "bd_next": ("Next dose", "下次用药"),
    "bd_next_due": ("{date}", "{date}"),
    "bd_next_overdue": (
        "was due on {date}: please contact the clinic to arrange it",
        "原定于{date},已经过期,请尽快联系门诊安排",
    ),
    "route_sc": ("injection under the skin", "皮下注射"),
    "route_iv": ("drip into a vein (infusion)", "静脉输注"),
    "every_weeks": ("every {n} weeks", "每{n}周一次"),
    "every_week": ("every week", "每周一次"),
    "every_days": ("every {n} days", "每{n}天一次"),
    "dose_mg": ("{dose} mg", "{dose}毫克"),
    "bd_za_kidney": (
        "The dose is matched to your kidney function. A blood test for kidney function "
        "(creatinine) is needed before each infusion.",
        "剂量需要根据肾功能调整,每次输注前都要抽血查肾功能(肌酐)。",
    ),
    "bd_den_no_stop": (
        "Do not stop or delay the injections on your own. If denosumab is stopped suddenly, "
        "bone breakdown can come back strongly and cause fractures of the spine. Always talk to "
        "your cancer doctor first.",
        "请不要自行停药或推迟注射。地舒单抗突然停药后,骨破坏可能出现明显反弹,甚至引起脊椎骨折。"
        "如需停药,请务必先与肿瘤科医生商量。",
    ),
    # --- supplements
    "sec_supplements": ("Calcium and vitamin D", "补充钙和维生素D"),
    "sup_take": (
        "Take calcium (at least 500 mg) and vitamin D (at least 400 IU) every day while you "
        "are on the bone medicine. They help prevent low blood calcium.",
        "使用护骨药物期间,请每天补充钙(至少500毫克)和维生素D(至少400国际单位),以预防低钙血症。",
    ),
    "sup_missing": (
        "You do not seem to be taking them yet: ask us which product and dose to use.",
        "目前记录显示您还没有服用,请向医生咨询具体的药品和剂量。",
    ),
    "sup_high_calcium": (
        "Your blood calcium was high on the last test: do NOT take calcium tablets until your "
        "doctor tells you to start again.",
        "您最近一次血钙偏高:在医生通知您之前,请暂停服用钙片。",
    ),
    "sup_low_calcium": (
        "Your blood calcium was low on the last test: your doctor will tell you how to correct "
        "it before the next dose.",
        "您最近一次血钙偏低:下次用药前,医生会告诉您如何纠正。",
    ),
    # --- dental
    "sec_dental": ("Teeth and mouth", "口腔与牙齿"),
    "dent_checkups": (
        "See a dentist for a check-up about every 6 months.",
        "大约每6个月看一次牙医,做口腔检查。",
    ),
    "dent_next_checkup": ("Next dental check-up: {when}.", "下次口腔检查:{when}。"),
    "dent_first_checkup": (
        "No dental check-up is on record: please have one soon.",
        "目前没有口腔检查记录,请尽快安排一次。",
    ),
    "dent_hygiene": (
        "Brush twice a day and keep your mouth clean. Tell every dentist that you take {drug}.",
        "每天刷牙两次,保持口腔清洁。看牙时请告诉牙医您正在使用{drug}。",
    ),
    "dent_hygiene_past": (
        "Brush twice a day and keep your mouth clean. Tell every dentist that you have had "
        "{drug}: its effect on the jawbone lasts after the last dose.",
        "每天刷牙两次,保持口腔清洁。看牙时请告诉牙医您曾使用过{drug},停药后药物对颌骨的影响仍会持续一段时间。",
    ),
    "dent_minor_ok": (
        "Root canal treatment, fillings, cleaning and crowns are fine: no need to stop the "
        "bone medicine.",
        "根管治疗、补牙、洗牙和戴牙冠都可以正常进行,不需要停用护骨药物。",
    ),
    "dent_no_invasive": (
        "No tooth extraction, implant or gum/jaw surgery without first talking to your cancer "
        "doctor. These can damage the jawbone while you are on this medicine.",
        "在与肿瘤科医生商量之前,请不要拔牙、种植牙或做牙龈/颌骨手术。使用此类药物期间,这些操作"
        "可能损伤颌骨。",
    ),
    "dent_planned_invasive": (
        "You have {procedure} planned on {date}: talk to your cancer doctor before it.",
        "您计划于{date}进行{procedure}:请在此之前先与肿瘤科医生商量。",
    ),
    # --- warning signs
    "sec_warning": ("Warning signs and what to do", "危险信号及应对方法"),
    "warn_emergency": (
        "EMERGENCY: new numbness or weakness in the legs or arms, or loss of control of the "
        "bladder or bowels. This can mean pressure on the spinal cord. Go to the emergency "
        "department straight away; do not wait for your next appointment.",
        "紧急情况:新出现的腿或手臂麻木、无力,或者大小便失控。这可能是脊髓受压的表现。"
        "请立即去急诊,不要等到下次复诊。",
    ),
    "warn_pain": (
        "New pain that stays in one spot of a bone, or pain that keeps getting worse: call the "
        "clinic within a few days.",
        "骨头某一固定部位出现新的疼痛,或疼痛持续加重:请在几天内联系门诊。",
    ),
    "warn_back_pain_den": (
        "Sudden back pain after denosumab was stopped can mean a fracture of the spine: call "
        "the clinic the same day.",
        "地舒单抗停药后突然出现腰背痛,可能是脊椎骨折:请当天联系门诊。",
    ),
    "warn_high_calcium_den": (
        "Signs of high calcium (it can rise after denosumab is stopped): great thirst, passing "
        "a lot of urine, nausea or vomiting, constipation, confusion or unusual tiredness. "
        "Call the clinic the same day.",
        "高钙的表现(地舒单抗停药后血钙可能升高):明显口渴、尿量增多、恶心或呕吐、便秘、意识模糊或"
        "异常乏力。请当天联系门诊。",
    ),
    "warn_low_calcium": (
        "Signs of low calcium: tingling or numbness around the mouth or in the fingers, muscle "
        "cramps or twitching. Call the clinic the same day.",
        "低钙的表现:口周或手指发麻、刺痛,肌肉抽筋或抽搐。请当天联系门诊。",
    ),
    "warn_jaw": (
        "Pain or swelling in the jaw, loose teeth, or bone showing in the mouth: tell the "
        "clinic and your dentist.",
        "下颌疼痛或肿胀、牙齿松动,或口腔内有骨头外露:请告知门诊医生和牙医。",
    ),
    # --- denosumab stopped
    "sec_den_stop": ("After stopping denosumab", "地舒单抗停药以后"),
    "den_stopped_since": (
        "Your last denosumab injection was on {date}.",
        "您最后一次注射地舒单抗是在{date}。",
    ),
    "den_why": (
        "When denosumab stops, the bone breakdown it held back can come back strongly "
        "(\"rebound\"), most often 2 to 4 months after the last injection. This can cause "
        "fractures of the spine. That is why denosumab must never be stopped on your own, and "
        "why we check your blood regularly for a year after stopping.",
        "地舒单抗停药后,原本被抑制的骨破坏可能明显反弹,多发生在最后一次注射后2到4个月,"
        "可能导致脊椎骨折。因此绝不能自行停药,停药后一年内需要定期抽血复查。",
    ),
    "den_peak": (
        "Highest-risk period: {start} to {end}.",
        "风险最高的时间段:{start}至{end}。",
    ),
    "den_until": ("Checks continue until {date}.", "复查持续到{date}。"),
    "den_high_risk": (
        "Your risk is higher than average (for example after a spine fracture, with "
        "osteoporosis, or after long treatment): keep every check.",
        "您的风险高于一般人(例如曾有脊椎骨折、骨质疏松或用药时间较长),请务必按时复查。",
    ),
    "den_checks": (
        "Blood checks (fasting morning CTX test and calcium) on: {dates}.",
        "需要复查的日期(空腹清晨抽血查CTX和血钙):{dates}。",
    ),
    "den_rebound_seen": (
        "Your latest test shows signs of this rebound. Your doctor will discuss restarting "
        "bone treatment with you.",
        "您最近的检查已出现反弹迹象,医生会与您商量重新开始护骨治疗。",
    ),
    # --- tests
    "sec_tests": ("Upcoming tests and appointments", "近期检查与预约"),
    "when_asap": ("as soon as possible (was due {date})", "尽快(原定{date})"),
    "when_now": ("now", "现在"),
    "when_before_dose": ("before the next dose ({date})", "下次用药之前({date})"),
    "test_ctx_check": (
        "Fasting morning blood test: CTX and calcium",
        "空腹清晨抽血:CTX和血钙",
    ),
    "test_calcium_before": ("Blood calcium (and albumin)", "抽血查血钙(和白蛋白)"),
    "test_creatinine_before": ("Kidney function blood test (creatinine)", "抽血查肾功能(肌酐)"),
    "test_dental": ("Dental check-up", "口腔检查"),
    "test_imaging_pain": ("Scan of the painful area", "疼痛部位的影像学检查"),
    "test_imaging_bones": ("Bone scan or MRI/CT to check the bones",
                           "骨骼影像学检查（骨扫描或磁共振/CT）"),
    "when_arranged": ("as arranged by your doctor", "由医生安排"),
    "event_radiotherapy": ("Radiotherapy", "放疗"),
    "event_surgery_to_bone": ("Bone surgery", "骨科手术"),
    "event_vertebroplasty": ("Vertebroplasty (cement into a vertebra)", "椎体成形术(骨水泥)"),
    "tests_what": ("What", "项目"),
    "tests_when": ("When", "时间"),
    # --- contacts
    "sec_contacts": ("Clinic contacts", "联系方式"),
    "contact_clinic": ("Clinic", "门诊"),
    "contact_phone": ("Phone", "电话"),
    "contact_after_hours": ("After hours / urgent", "夜间/紧急"),
    "contact_address": ("Address", "地址"),
    # --- page chrome
    "page": ("Page {n} of {total}", "第{n}页,共{total}页"),
    "printed": ("Printed {date}", "打印日期:{date}"),
    "signature": ("Clinician signature", "医生签名"),
    "sign_date": ("Date", "日期"),
    "footer_note": (
        "This plan was prepared by your care team. Bring it to every visit.",
        "本计划由您的医疗团队制定,请每次就诊时携带。",
    ),
    "list_sep": (", ", "、"),
    "range_sep": (" to ", "至"),
}

DRUGS: dict[str, tuple[str, str]] = {
    "denosumab": ("denosumab", "地舒单抗"),
    "zoledronic_acid": ("zoledronic acid", "唑来膦酸"),
    "pamidronate": ("pamidronate", "帕米膦酸二钠"),
    "ibandronate": ("ibandronate", "伊班膦酸"),
    "incadronate": ("incadronate", "因卡膦酸二钠"),
    "clodronate": ("clodronate", "氯膦酸二钠"),
}

HISTOLOGIES: dict[str, tuple[str, str]] = {
    "adenocarcinoma": ("lung adenocarcinoma", "肺腺癌"),
    "squamous": ("squamous cell lung cancer", "肺鳞癌"),
    "sclc": ("small cell lung cancer", "小细胞肺癌"),
    "large_cell": ("large cell lung cancer", "肺大细胞癌"),
    "nsclc_nos": ("non-small cell lung cancer", "非小细胞肺癌"),
    "other": ("lung cancer", "肺癌"),
}
NSCLC_SUBTYPES = ("adenocarcinoma", "squamous", "large_cell")

BONES: dict[str, tuple[str, str]] = {
    "femur": ("thigh bone", "股骨"),
    "tibia": ("shin bone", "胫骨"),
    "fibula": ("calf bone", "腓骨"),
    "humerus": ("upper arm bone", "肱骨"),
    "radius": ("forearm bone", "桡骨"),
    "ulna": ("forearm bone", "尺骨"),
    "pelvis": ("pelvis", "骨盆"),
    "rib": ("rib", "肋骨"),
    "sternum": ("breastbone", "胸骨"),
    "skull": ("skull", "颅骨"),
    "scapula": ("shoulder blade", "肩胛骨"),
    "clavicle": ("collarbone", "锁骨"),
}

SPINE: dict[str, tuple[str, str]] = {
    "C": ("neck spine", "颈椎"),
    "T": ("upper/mid back spine", "胸椎"),
    "L": ("lower back spine", "腰椎"),
    "S": ("sacrum", "骶椎"),
}

SIDES: dict[str, tuple[str, str]] = {
    "left": ("left", "左"),
    "right": ("right", "右"),
    "bilateral": ("both sides", "双侧"),
    "midline": ("", ""),
}

DENTAL_PROCEDURES: dict[str, tuple[str, str]] = {
    "extraction": ("a tooth extraction", "拔牙"),
    "implant": ("a dental implant", "种植牙"),
    "periodontal_surgery": ("gum surgery", "牙周手术"),
    "oral_surgery": ("oral surgery", "口腔手术"),
}


_ZH_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})


def _zh(table: dict[str, tuple[str, str]]) -> None:
    """Chinese text takes full-width punctuation (the source is typed with ASCII)."""
    for key, (en, zh) in table.items():
        table[key] = (en, zh.translate(_ZH_PUNCT))


for _table in (PHRASES, DRUGS, HISTOLOGIES, BONES, SPINE, SIDES, DENTAL_PROCEDURES):
    _zh(_table)


def pick(pair: tuple[str, str], lang: str) -> str:
    """The English or Chinese member of a phrase pair."""
    return pair[1] if lang == "zh" else pair[0]


def say(lang: str, key: str, **values: object) -> str:
    """The phrase ``key`` in ``lang`` with its placeholders filled."""
    text = pick(PHRASES[key], lang)
    return text.format(**values) if values else text


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_date(d: date, lang: str) -> str:
    """A date as a patient reads it: ``21 Nov 2026`` / ``2026年11月21日``."""
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def fmt_dose(dose_mg: float, lang: str) -> str:
    text = f"{dose_mg:g}"
    return say(lang, "dose_mg", dose=text)


def fmt_interval(days: int, lang: str) -> str:
    if days == 7:
        return say(lang, "every_week")
    if days % 7 == 0:
        return say(lang, "every_weeks", n=days // 7)
    return say(lang, "every_days", n=days)


def join(items: list[str], lang: str) -> str:
    return say(lang, "list_sep").join(items)
