"""Care-plan phrases (rule book §11), part 1: the header, "Your bone medicine" (the next-dose
table and the lay reasons for a hold), calcium, the spine, the denosumab stop, the jaw and the
dental procedure.

Every entry is a pair ``(en, zh)`` under a key; ``{placeholders}`` are filled by
:func:`app.domain.careplan_text.say`. Phrases quoted in §11 are normative and appear here
verbatim (the Chinese as rules/2 gives it: 暂停, 肿瘤, 停药反跳, 地舒单抗（安加维）…). A
translator may edit the free text around them, never the quoted phrases, the section headings
(unique markers: each occurs nowhere else in a plan) or the phrases the plan must never print.
"""

from __future__ import annotations

PLAN_PHRASES: dict[str, tuple[str, str]] = {
    # --- header (section "Your bone care plan")
    "sec_header": ("Your bone care plan", "您的骨骼健康护理计划"),
    "subtitle": ("What is planned for your bones, and what to watch for",
                 "骨骼方面的治疗安排与注意事项"),
    "hdr_name": ("Name: {name}", "姓名：{name}"),
    "hdr_mrn": ("Record number (MRN): {mrn}", "病历号：{mrn}"),
    "plan_date": ("Plan date: {date}", "计划日期：{date}"),
    # --- "Your bone medicine"
    "sec_medicine": ("Your bone medicine", "您的骨保护药物"),
    "status_confirmed": ("The cancer has spread to your bones.", "肿瘤已转移到骨骼。"),
    "status_suspected": ("Tests are under way to check your bones.", "正在检查您的骨骼情况。"),
    "status_neutral": ("This plan explains how we look after your bones.",
                       "本计划说明如何保护您的骨骼健康。"),
    "sites": ("Where: {sites}.", "部位：{sites}。"),
    "med_intro": (
        "A bone medicine protects the bones: it lowers the risk of bone pain, fractures and "
        "high blood calcium. It does not treat the cancer itself.",
        "骨保护药物可以减少骨痛、骨折和高血钙的发生，但它本身不治疗肿瘤。",
    ),
    "med_drug": ("Medicine: {drug}, {route}.", "药物：{drug}，{route}。"),
    "med_drug_every": ("Medicine: {drug}, {route}, every {weeks} weeks.",
                       "药物：{drug}，{route}，每{weeks}周一次。"),
    "next_hold": ("Next dose: on hold until your doctor reviews it",
                  "下次用药：暂停，待医生评估后再安排"),
    "reason": ("Reason: {reason}", "原因：{reason}"),
    "next_confirm": ("Next dose: to be confirmed by your doctor", "下次用药：需医生确认"),
    "next_on": ("Next dose: {drug} on {date}", "下次用药：{drug}，{date}"),
    "next_overdue": ("Next dose: overdue since {date} - please call us to rebook",
                     "下次用药：已逾期（{date}），请联系我们重新预约"),
    "next_unbooked": ("Next dose: not booked yet - please call us to book it",
                      "下次用药：尚未预约，请联系我们预约"),
    "no_more": ("No further doses are planned at present.", "目前暂无用药安排。"),
    "den_no_stop": ("Do not stop denosumab without talking to your cancer doctor.",
                    "未经肿瘤科医生同意，不要自行停用地舒单抗。"),
    "den_no_stop_why": (
        "If it is stopped suddenly, bone breakdown can come back strongly and cause fractures "
        "of the spine.",
        "如果突然停药，骨破坏可能明显反弹，甚至引起脊椎骨折。",
    ),
    # lay reasons for a hold (§11 table), in the table's order
    "r_kidney_check": ("your kidney function needs to be checked first", "需要先评估肾功能"),
    "r_kidney_changed": ("your kidney blood test has changed", "您的肾功能检查结果有变化"),
    "r_dose_adjust": ("the dose must be adjusted to your kidney function",
                      "剂量需要根据肾功能调整"),
    "r_calcium_low": ("your blood calcium is too low and must be corrected first",
                      "血钙过低，需要先纠正"),
    "r_two_drugs": (
        "two bone medicines were given or planned too close together; your doctor will "
        "choose one",
        "两种骨保护药物用药间隔太近，医生会选择其中一种",
    ),
    "r_jaw": ("your jaw needs to be checked first", "需要先检查颌骨情况"),
    # --- "Calcium and vitamin D"
    "sec_calcium": ("Calcium and vitamin D", "钙和维生素D"),
    "ca_take": (
        "Take calcium (at least 500 mg) and vitamin D (at least 400 IU) every day while you "
        "have the bone medicine. They help prevent low blood calcium.",
        "每天补充钙剂（至少500毫克）和维生素D（至少400国际单位），使用骨保护药物期间请坚持，"
        "以预防低血钙。",
    ),
    "ca_target": (
        "Aim for 1000–1200 mg of calcium a day in total, from food and tablets together.",
        "每日钙的总摄入量（饮食加钙片）以1000–1200毫克为宜。",
    ),
    "ca_not_recorded": (
        "Our records do not show that you take them yet: ask us which product to use.",
        "目前记录显示您尚未服用，请向我们咨询具体用什么产品。",
    ),
    "ca_low": (
        "Your last blood test showed low calcium: your doctor will tell you how to correct it.",
        "您最近一次血钙偏低，医生会告诉您如何纠正。",
    ),
    "ca_stop": ("Do not take calcium tablets until your doctor tells you to.",
                "在医生允许之前请不要服用钙片。"),
    "ca_stop_why": (
        "Your blood calcium has been high recently. The same applies to vitamin D tablets.",
        "您近期血钙偏高。维生素D制剂也请暂停。",
    ),
    # --- "Urgent: your spine" and the non-urgent spine paragraphs
    "sec_spine": ("Urgent: your spine", "紧急：关于您的脊柱"),
    "spine_known": (
        "Your care team already knows about the pressure on your spinal cord or the nerve "
        "symptoms you reported, and is arranging urgent tests and treatment.",
        "医护团队已经了解您的情况（脊髓受压或神经症状），正在为您安排紧急检查和治疗。",
    ),
    "spine_signs": (
        "If you notice new or worse weakness or numbness in your legs, trouble walking, or loss "
        "of bladder or bowel control: call an ambulance straight away. Do not wait for your "
        "next appointment.",
        "如果出现新发或加重的双腿无力或麻木、行走困难，或大小便失控：请立即拨打120，不要等到"
        "下次复诊。",
    ),
    "spine_past": ("You had pressure on your spinal cord in the past.",
                   "您既往曾有脊髓受压。"),
    "spine_escc": (
        "Your scans show pressure close to your spinal cord, in the {sites}; your care team "
        "is planning its treatment.",
        "影像检查显示{sites}处脊髓附近受压，医护团队正在安排治疗。",
    ),
    "spine_generic": (
        "New weakness or numbness in your legs, trouble walking, or loss of bladder or bowel "
        "control can mean pressure on the spinal cord: call an ambulance.",
        "新出现的双腿无力或麻木、行走困难或大小便失控，可能是脊髓受压，请拨打120。",
    ),
    # --- "After stopping denosumab"
    "sec_den_stop": ("After stopping denosumab", "停用地舒单抗之后"),
    "den_last": ("Your last denosumab injection was on {date}.",
                 "您最后一次注射地舒单抗是在{date}。"),
    "den_risk": (
        "Stopping denosumab can make bone loss come back quickly (a rebound), most often 2 to "
        "4 months after the last injection. This can cause fractures of the spine.",
        "停用地舒单抗后，骨量可能快速流失（停药反跳），多发生在最后一次注射后2到4个月，可能"
        "引起脊椎骨折。",
    ),
    "den_until": ("This risk lasts until about {date}.", "这一风险大约持续到{date}。"),
    "den_checks": ("Blood tests to check for it:", "复查安排："),
    "den_check": ("{date}: blood test (CTX and calcium)", "{date}：血液检查（CTX和血钙）"),
    "den_check_overdue": (
        "{date}: blood test (CTX and calcium) - overdue, please call us to book it",
        "{date}：血液检查（CTX和血钙）——已逾期，请联系我们预约",
    ),
    "den_rebound": (
        "Your latest results show signs of this rebound; your doctor will discuss treatment "
        "with you soon.",
        "您最近的检查结果提示出现反弹，医生会尽快与您讨论治疗。",
    ),
    "den_no_start_stop": (
        "Do not start or stop a bone medicine without talking to your cancer doctor.",
        "未经肿瘤科医生同意，不要自行开始或停用骨保护药物。",
    ),
    "den_back_pain": (
        "Sudden back pain can mean a fracture of the spine: call us the same day.",
        "如果突然出现腰背痛，可能是脊椎骨折，请当天联系我们。",
    ),
    "den_high_calcium": (
        "Signs of high blood calcium: great thirst, passing a lot of urine, feeling sick, "
        "constipation, confusion or unusual tiredness. Call us the same day.",
        "高血钙的表现：明显口渴、尿多、恶心、便秘、意识模糊或异常乏力。请当天联系我们。",
    ),
    # --- "About your jaw"
    "sec_jaw": ("About your jaw", "关于您的颌骨"),
    "jaw_onj": (
        "You have osteonecrosis of the jaw: a part of the jaw bone has lost its blood supply "
        "and shows in the mouth. Your dentist or oral surgeon is looking after it.",
        "您患有颌骨坏死（颌骨的一部分失去血液供应，在口腔内外露），由牙医或口腔外科医生负责"
        "治疗。",
    ),
    "jaw_clean": (
        "Keep your mouth very clean: brush gently twice a day and rinse as your dentist advises.",
        "保持口腔清洁：每天轻柔刷牙两次，并按牙医的建议漱口。",
    ),
    "jaw_report": (
        "Tell us or your dentist straight away about more pain, swelling, pus, numbness, loose "
        "teeth or more exposed bone.",
        "如果疼痛或肿胀加重，或出现流脓、麻木、牙齿松动、露出的骨头增多，请立即告诉我们或牙医。",
    ),
    "jaw_no_work": (
        "Have dental treatment only when your dentist and your cancer doctor have agreed it.",
        "任何牙科治疗都需先经牙医和肿瘤科医生同意。",
    ),
    # --- "Your dental procedure"
    "sec_dental_proc": ("Your dental procedure", "您的牙科手术"),
    "dp_planned": ("{procedure}: planned on {date}.", "计划于{date}进行{procedure}。"),
    "dp_passed": ("This date has passed: please check the new date with us.",
                  "该日期已过，请与我们确认新的日期。"),
    "dp_why": (
        "Bone medicines can slow the healing of the jaw bone after such a procedure; a gap of "
        "at least {days} days between the last dose and the procedure is recommended.",
        "骨保护药物可能影响此类手术后颌骨的恢复，建议最后一次用药与手术之间至少间隔{days}天。",
    ),
    "dp_last": ("Your last bone-medicine dose before it: {date} ({days} days before).",
                "手术前最近一次用药：{date}（术前{days}天）。"),
    "dp_in_hold": ("Your doctors will decide whether to skip or move your dose(s) on {dates}.",
                   "医生会决定是否暂停或推迟{dates}的用药。"),
    "dp_earliest": ("The earliest date that keeps the recommended gap is {date}.",
                    "手术最早可安排在{date}。"),
    "dp_earliest_extraction": ("The earliest date that keeps the recommended gap is {date}.",
                               "拔牙最早可安排在{date}。"),
    "dp_den": ("A pause in denosumab must be planned by your doctor.",
               "暂停地舒单抗必须由医生安排。"),
    "dp_agree": ("Your cancer doctor and your dentist will agree this plan together.",
                 "肿瘤科医生和牙医会共同商定这一安排。"),
}
