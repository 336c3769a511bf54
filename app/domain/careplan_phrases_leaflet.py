"""Care-plan phrases (rule book §11), part 2: "Your teeth", "When to contact us" (the leaflet
content and the clinic's contacts), "About your blood tests" and the page furniture.

Same conventions as :mod:`app.domain.careplan_phrases`: pairs ``(en, zh)``; the key phrases of
the §11 leaflet table appear verbatim ("thigh, hip or groin" / "大腿、髋部或腹股沟", …).
"""

from __future__ import annotations

LEAFLET_PHRASES: dict[str, tuple[str, str]] = {
    # --- "Your teeth"
    "sec_teeth": ("Your teeth", "您的牙齿"),
    "teeth_checkup": (
        "See a dentist for a check-up about every 6 months, and brush twice a day.",
        "大约每6个月看一次牙医做检查，每天刷牙两次。",
    ),
    "teeth_last_exam": ("Your last dental check-up on record: {date}.",
                        "最近一次口腔检查记录：{date}。"),
    "teeth_no_exam": ("We have no dental check-up on record: please have one soon.",
                      "目前没有口腔检查记录，请尽快安排一次。"),
    "teeth_minor_ok": (
        "Routine dental work such as cleaning, fillings, crowns or root canal treatment can go "
        "ahead.",
        "洗牙、补牙、牙冠或根管治疗等常规牙科治疗可以照常进行。",
    ),
    "teeth_invasive": (
        "Before any tooth extraction, implant, or gum or jaw surgery, talk to your cancer "
        "doctor first.",
        "拔牙、种植牙或牙龈、颌骨手术之前，请先与肿瘤科医生商量。",
    ),
    "teeth_jaw_signs": (
        "Tell us and your dentist about a sore in the mouth that does not heal, pain or "
        "swelling in the jaw, numbness, loose teeth or exposed bone.",
        "如果口腔溃疡不愈合，或出现颌骨疼痛、肿胀、麻木、牙齿松动或骨头外露，请告诉我们和牙医。",
    ),
    "teeth_tell": (
        "Always tell every dentist that you have had {drugs}, also after the treatment has "
        "stopped: its effect on the jaw bone lasts.",
        "看牙时请告诉每一位牙医您使用过{drugs}，停药以后也要告诉：药物对颌骨的影响会持续。",
    ),
    # --- "When to contact us"
    "sec_contact": ("When to contact us", "何时联系我们"),
    "ct_clinic": ("Clinic: {value}", "门诊：{value}"),
    "ct_phone": ("Phone: {value}", "电话：{value}"),
    "ct_after_hours": ("After hours / urgent: {value}", "夜间/紧急电话：{value}"),
    "ct_address": ("Address: {value}", "地址：{value}"),
    "ct_phone_blank": ("Phone: ________________________", "电话：________________________"),
    "ct_phone_blank_note": ("(your care team writes the clinic's phone number here)",
                            "（由医护人员填写门诊电话）"),
    "c_pain": (
        "Call us within a few days about new bone pain that stays in one place, or pain that "
        "keeps getting worse.",
        "如果出现固定部位的新发骨痛，或疼痛持续加重，请在几天内联系我们。",
    ),
    "c_thigh": (
        "New pain in your thigh, hip or groin: call us. Rarely, the thigh bone can break in an "
        "unusual way.",
        "大腿、髋部或腹股沟出现新的疼痛，请联系我们（少数情况下大腿骨可能发生不典型骨折）。",
    ),
    "c_ear": ("Ear pain, discharge from the ear or an ear infection: call us.",
              "耳痛、耳道流液或耳部感染，请联系我们。"),
    "c_low_calcium": (
        "Signs of low calcium: numbness or tingling around the mouth or in the fingers, muscle "
        "spasms, twitches or cramps. Call us the same day.",
        "低血钙的表现：口周或手指麻木或刺痛、肌肉痉挛、抽搐或抽筋。请当天联系我们。",
    ),
    "c_allergy": (
        "Swelling of the face or throat, a widespread rash or trouble breathing after a dose: "
        "call an ambulance.",
        "用药后出现面部或喉咙肿胀、大片皮疹或呼吸困难，请立即拨打120。",
    ),
    "c_flu": (
        "In the days after a drip of {drugs} you may have a flu-like reaction (fever, aches, "
        "tiredness). Drink plenty of fluids before and after each drip, unless you have been "
        "told to limit fluids.",
        "输注{drugs}后的几天内可能出现流感样反应（发热、酸痛、乏力）。除非医生要求限制饮水，"
        "每次输注前后请多喝水。",
    ),
    "c_kidney": (
        "Passing much less urine, or new swelling of the legs or ankles: call us, your kidneys "
        "need checking.",
        "尿量明显减少，或腿、脚踝新出现肿胀，请联系我们，需要检查肾功能。",
    ),
    "c_prolia": (
        "While you have denosumab (Xgeva), do not also have Prolia (another denosumab product) "
        "or a bisphosphonate (another kind of bone medicine, such as zoledronic acid).",
        "使用地舒单抗（安加维）期间，不要同时使用普罗力（另一种地舒单抗制剂）或唑来膦酸等双膦酸"
        "盐类骨保护药物。",
    ),
    "c_aclasta": (
        "While you have {drugs}, do not also have Aclasta (another zoledronic acid product), "
        "another bisphosphonate (a kind of bone medicine) or denosumab.",
        "使用{drugs}期间，不要同时使用密固达（另一种唑来膦酸制剂）、其他双膦酸盐类骨保护药物或"
        "地舒单抗。",
    ),
    "c_missed": (
        "If you miss an injection or infusion, call us to rebook it as soon as possible.",
        "如果错过注射或输液，请尽快联系我们重新预约。",
    ),
    # --- "About your blood tests"
    "sec_blood": ("About your blood tests", "关于您的血液检查"),
    "b_ctx": ("CTX is a blood test that shows how fast your bones are being broken down.",
              "CTX是一项血液检查，反映骨吸收（骨头被分解）的快慢。"),
    "b_fasting": ("Have it in the morning before breakfast: eating changes the result.",
                  "请在早晨早餐前空腹抽血，进食会影响结果。"),
    "b_calcium": (
        "Calcium: the amount of calcium in your blood; too much or too little can make you "
        "unwell.",
        "血钙：血液中钙的含量，过高或过低都会引起不适。",
    ),
    "b_creatinine": ("Creatinine: a blood test that shows how well your kidneys work.",
                     "肌酐：反映肾脏功能的血液检查。"),
    # --- page furniture
    "patient": ("Patient", "患者"),
    "mrn": ("MRN", "病历号"),
    "colon": (": ", "："),
    "page": ("Page {n} of {total}", "第{n}页，共{total}页"),
    "printed": ("Printed {date}", "打印日期：{date}"),
    "signature": ("Clinician signature", "医生签名"),
    "sign_date": ("Date", "日期"),
    "footer_note": ("This plan was prepared by your care team. Bring it to every visit.",
                    "本计划由您的医疗团队制定，请每次就诊时携带。"),
    "list_sep": (", ", "、"),
}
