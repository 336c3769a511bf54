<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BiomarkersPage</name>
    <message>
        <source>Bone markers</source>
        <translation>骨代谢指标</translation>
    </message>
    <message>
        <source>ALP and serum β-CTX, compared with the patient's earlier values. Both are optional.</source>
        <translation>ALP 与血清 β-CTX，并与患者既往值比较。两项均可不填。</translation>
    </message>
    <message>
        <source>Earlier (%1): %2</source>
        <translation>既往值（%1）：%2</translation>
    </message>
    <message>
        <source>No earlier %1 on the chart.</source>
        <translation>病历中无既往 %1。</translation>
    </message>
    <message>
        <source>No %1 result</source>
        <translation>无 %1 结果</translation>
    </message>
    <message>
        <source>Marked rise (%1)</source>
        <translation>明显升高（%1）</translation>
    </message>
    <message>
        <source>Not a marked rise (%1)</source>
        <translation>非明显升高（%1）</translation>
    </message>
    <message>
        <source>Not judged (%1)</source>
        <translation>不作判断（%1）</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
</context>
<context>
    <name>BiopsyPage</name>
    <message>
        <source>Biopsy decision</source>
        <translation>活检决策</translation>
    </message>
    <message>
        <source>The rules call for a biopsy decision. Record a biopsy result if one is available; otherwise the MDT referral asks.</source>
        <translation>规则提示需作活检决策。如已有活检结果请录入；否则由MDT转诊提出问题。</translation>
    </message>
    <message>
        <source>Biopsy</source>
        <translation>活检</translation>
    </message>
    <message>
        <source>Biopsy da&amp;te</source>
        <translation>活检日期(&amp;T)</translation>
    </message>
    <message>
        <source>Biopsy &amp;region</source>
        <translation>活检部位(&amp;R)</translation>
    </message>
    <message>
        <source>Biopsy res&amp;ult</source>
        <translation>活检结果(&amp;U)</translation>
    </message>
    <message>
        <source>a biopsy result is &amp;available</source>
        <translation>已有活检结果(&amp;A)</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
</context>
<context>
    <name>ConclusionPage</name>
    <message>
        <source>Conclusion and next steps</source>
        <translation>结论与后续步骤</translation>
    </message>
    <message>
        <source>Drawn from the rules on the chart plus this work-up. Finish writes everything to the chart.</source>
        <translation>依据病历与本次检查的规则得出。点击完成后全部写入病历。</translation>
    </message>
    <message>
        <source>&amp;Question for the MDT (empty: no referral)</source>
        <translation>提交MDT的问题(&amp;Q)（留空：不转诊）</translation>
    </message>
    <message>
        <source>List for MDT &amp;meeting</source>
        <translation>列入MDT会议(&amp;M)</translation>
    </message>
    <message>
        <source>— not now —</source>
        <translation>— 暂不 —</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>Biopsy</source>
        <translation>活检</translation>
    </message>
    <message>
        <source>Bone-modifying drug</source>
        <translation>骨改良药物</translation>
    </message>
    <message>
        <source>Local therapy (from lesion scores)</source>
        <translation>局部治疗（依据病灶评分）</translation>
    </message>
    <message>
        <source>MDT referral</source>
        <translation>MDT转诊</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>供参考</translation>
    </message>
    <message>
        <source>Bone metastasis: %1</source>
        <translation>骨转移：%1</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Refer to the MDT with the question below.</source>
        <translation>以下方问题提交MDT讨论。</translation>
    </message>
    <message>
        <source>No further steps are called for by the rules.</source>
        <translation>规则未提示需要进一步步骤。</translation>
    </message>
    <message>
        <source>risk profile (%1)</source>
        <translation>风险概况（%1）</translation>
    </message>
    <message>
        <source>MDT listing (%1)</source>
        <translation>MDT会议列表（%1）</translation>
    </message>
    <message>
        <source>Finish will add to the chart: %1</source>
        <translation>完成后将写入病历：%1</translation>
    </message>
    <message>
        <source>nothing (only the work-up record)</source>
        <translation>无（仅检查记录）</translation>
    </message>
</context>
<context>
    <name>ImagingPage</name>
    <message>
        <source>Imaging plan and results</source>
        <translation>影像检查计划与结果</translation>
    </message>
    <message>
        <source>The recommended next study, then each study's result.</source>
        <translation>推荐的下一项检查，然后录入各项检查结果。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>检查方式</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Destruction</source>
        <translation>骨质破坏</translation>
    </message>
    <message>
        <source>Studies entered in this work-up</source>
        <translation>本次检查录入的影像</translation>
    </message>
    <message>
        <source>&amp;Add study</source>
        <translation>添加检查(&amp;A)</translation>
    </message>
    <message>
        <source>Use reco&amp;mmendation</source>
        <translation>采用推荐(&amp;M)</translation>
    </message>
    <message>
        <source>Remove selected (Del)</source>
        <translation>删除所选（Del）</translation>
    </message>
    <message>
        <source>Region required</source>
        <translation>需填写部位</translation>
    </message>
    <message>
        <source>Result required</source>
        <translation>需选择结果</translation>
    </message>
    <message>
        <source>Enter the region the study covers.</source>
        <translation>请填写该检查覆盖的部位。</translation>
    </message>
    <message>
        <source>Choose the study's result.</source>
        <translation>请选择该检查的结果。</translation>
    </message>
    <message>
        <source>Study not added yet</source>
        <translation>检查尚未添加</translation>
    </message>
    <message>
        <source>Add the study in the form (Alt+A) or clear its region before going on.</source>
        <translation>继续前请添加表单中的检查（Alt+A）或清空其部位。</translation>
    </message>
    <message>
        <source>Next: %1 — %2 (%3)</source>
        <translation>下一步：%1 — %2（%3）</translation>
    </message>
    <message>
        <source>alternatives: %1</source>
        <translation>备选：%1</translation>
    </message>
    <message>
        <source>No further study needed now (%1)</source>
        <translation>目前无需进一步检查（%1）</translation>
    </message>
    <message>
        <source>no rule fired</source>
        <translation>无规则触发</translation>
    </message>
    <message>
        <source>Status now: %1 · Rules: %2 · Evidence: %3 — %4</source>
        <translation>当前状态：%1 · 规则：%2 · 证据：%3 — %4</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <source>confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>marrow: MRI first</source>
        <translation>骨髓：首选MRI</translation>
    </message>
    <message>
        <source>osteoblastic: CT / PET-CT</source>
        <translation>成骨性：CT / PET-CT</translation>
    </message>
    <message>
        <source>direct diagnosis</source>
        <translation>直接诊断</translation>
    </message>
    <message>
        <source>reassurance</source>
        <translation>可以放心</translation>
    </message>
    <message>
        <source>biopsy</source>
        <translation>活检</translation>
    </message>
    <message>
        <source>nothing more called for</source>
        <translation>无需更多检查</translation>
    </message>
</context>
<context>
    <name>LesionForm</name>
    <message>
        <source>Lesion re&amp;gion</source>
        <translation>病灶部位(&amp;G)</translation>
    </message>
    <message>
        <source>B&amp;one</source>
        <translation>骨骼(&amp;O)</translation>
    </message>
    <message>
        <source>Le&amp;vel</source>
        <translation>节段(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Side</source>
        <translation>侧别(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pattern</source>
        <translation>类型(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;ain</source>
        <translation>疼痛(&amp;A)</translation>
    </message>
    <message>
        <source>Al&amp;ignment (SINS)</source>
        <translation>序列(&amp;I)（SINS）</translation>
    </message>
    <message>
        <source>&amp;Collapse (SINS)</source>
        <translation>塌陷(&amp;C)（SINS）</translation>
    </message>
    <message>
        <source>Posterola&amp;teral (SINS)</source>
        <translation>后外侧受累(&amp;T)（SINS）</translation>
    </message>
    <message>
        <source>&amp;ESCC grade</source>
        <translation>ESCC分级(&amp;E)</translation>
    </message>
    <message>
        <source>Si&amp;ze (Mirels)</source>
        <translation>大小(&amp;Z)（Mirels）</translation>
    </message>
    <message>
        <source>Mirels site</source>
        <translation>Mirels 部位</translation>
    </message>
    <message>
        <source>pe&amp;ritrochanteric (femur)</source>
        <translation>转子周围(&amp;R)（股骨）</translation>
    </message>
    <message>
        <source>as on the imaging, e.g. L3</source>
        <translation>与影像一致，如 L3</translation>
    </message>
</context>
<context>
    <name>LesionsPage</name>
    <message>
        <source>Lesions and scores</source>
        <translation>病灶与评分</translation>
    </message>
    <message>
        <source>Optional: record the lesions found; SINS, Mirels and ESCC decide the local-therapy referrals.</source>
        <translation>可选：录入发现的病灶；SINS、Mirels 与 ESCC 决定局部治疗转诊。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨骼</translation>
    </message>
    <message>
        <source>SINS</source>
        <translation>SINS</translation>
    </message>
    <message>
        <source>Mirels</source>
        <translation>Mirels</translation>
    </message>
    <message>
        <source>ESCC</source>
        <translation>ESCC</translation>
    </message>
    <message>
        <source>Lesions entered in this work-up, with scores</source>
        <translation>本次检查录入的病灶及评分</translation>
    </message>
    <message>
        <source>Add &amp;lesion</source>
        <translation>添加病灶(&amp;L)</translation>
    </message>
    <message>
        <source>Remove selected (Del)</source>
        <translation>删除所选（Del）</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Local therapy (from the scores)</source>
        <translation>局部治疗（依据评分）</translation>
    </message>
    <message>
        <source>No local-therapy rule fires.</source>
        <translation>无局部治疗规则触发。</translation>
    </message>
    <message>
        <source>Lesion not added yet</source>
        <translation>病灶尚未添加</translation>
    </message>
    <message>
        <source>Add the lesion in the form (Alt+L) or clear its region before going on.</source>
        <translation>继续前请添加表单中的病灶（Alt+L）或清空其部位。</translation>
    </message>
</context>
<context>
    <name>PresentationPage</name>
    <message>
        <source>Presentation</source>
        <translation>临床表现</translation>
    </message>
    <message>
        <source>Bone pain, neurological deficit and other symptoms today.</source>
        <translation>今日的骨痛、神经功能障碍及其他症状。</translation>
    </message>
    <message>
        <source>&amp;Visit date</source>
        <translation>就诊日期(&amp;V)</translation>
    </message>
    <message>
        <source>Bone pa&amp;in</source>
        <translation>骨痛(&amp;I)</translation>
    </message>
    <message>
        <source>Pain &amp;pattern</source>
        <translation>疼痛类型(&amp;P)</translation>
    </message>
    <message>
        <source>Pain &amp;site</source>
        <translation>疼痛部位(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Mechanical pain</source>
        <translation>机械性疼痛(&amp;M)</translation>
    </message>
    <message>
        <source>Ne&amp;urological deficit</source>
        <translation>神经功能障碍(&amp;U)</translation>
    </message>
    <message>
        <source>Deficit d&amp;escription</source>
        <translation>障碍描述(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Other symptoms</source>
        <translation>其他症状(&amp;O)</translation>
    </message>
    <message>
        <source>present</source>
        <translation>有</translation>
    </message>
    <message>
        <source>limb weakness, numbness or sphincter disturbance</source>
        <translation>肢体无力、麻木或括约肌功能障碍</translation>
    </message>
    <message>
        <source>e.g. L3, left femur</source>
        <translation>如 L3、左股骨</translation>
    </message>
    <message>
        <source>e.g. new weakness of both legs</source>
        <translation>如 新出现的双下肢无力</translation>
    </message>
    <message>
        <source>A neurological deficit leads at once to the urgent spinal-cord-compression page.</source>
        <translation>有神经功能障碍时立即转到脊髓压迫紧急页面。</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>Risk profile</source>
        <translation>风险概况</translation>
    </message>
    <message>
        <source>Prefilled from the chart; corrections are saved to the chart when the work-up is completed.</source>
        <translation>已按病历预填；修改将在完成检查时保存到病历。</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>分期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Histology</source>
        <translation>病理类型(&amp;H)</translation>
    </message>
    <message>
        <source>Driver testing</source>
        <translation>驱动基因检测</translation>
    </message>
    <message>
        <source>D&amp;rivers (positive)</source>
        <translation>驱动基因(&amp;R)（阳性）</translation>
    </message>
    <message>
        <source>Visceral staging</source>
        <translation>内脏转移评估</translation>
    </message>
    <message>
        <source>&amp;Visceral metastases</source>
        <translation>内脏转移(&amp;V)</translation>
    </message>
    <message>
        <source>don&amp;e (empty list = none found)</source>
        <translation>已检测(&amp;E)（留空 = 未发现）</translation>
    </message>
    <message>
        <source>s&amp;taged (empty list = none)</source>
        <translation>已评估(&amp;T)（留空 = 无）</translation>
    </message>
    <message>
        <source>comma-separated, e.g. EGFR L858R</source>
        <translation>以逗号分隔，如 EGFR L858R</translation>
    </message>
    <message>
        <source>comma-separated organs, e.g. liver, adrenal</source>
        <translation>以逗号分隔的器官，如 肝, 肾上腺</translation>
    </message>
    <message>
        <source>High-risk factors</source>
        <translation>高危因素</translation>
    </message>
    <message>
        <source>Bone metastasis is already confirmed: screening does not apply.</source>
        <translation>骨转移已确诊：不适用筛查。</translation>
    </message>
    <message>
        <source>High risk of bone metastasis (WU-HIGH-RISK)</source>
        <translation>骨转移高危（WU-HIGH-RISK）</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
    <message>
        <source>None of the rule book's high-risk factors is recorded.</source>
        <translation>未记录规则库中的任何高危因素。</translation>
    </message>
</context>
<context>
    <name>StudyForm</name>
    <message>
        <source>Study dat&amp;e</source>
        <translation>检查日期(&amp;E)</translation>
    </message>
    <message>
        <source>M&amp;odality</source>
        <translation>检查方式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>部位(&amp;R)</translation>
    </message>
    <message>
        <source>Res&amp;ult</source>
        <translation>结果(&amp;U)</translation>
    </message>
    <message>
        <source>Pa&amp;ttern</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>Bone destruction</source>
        <translation>骨质破坏</translation>
    </message>
    <message>
        <source>&amp;seen (cortical break, lysis)</source>
        <translation>可见(&amp;S)（骨皮质中断、溶骨）</translation>
    </message>
    <message>
        <source>e.g. L3, left femur, whole body</source>
        <translation>如 L3、左股骨、全身</translation>
    </message>
</context>
<context>
    <name>UrgentPage</name>
    <message>
        <source>Urgent: suspected spinal cord compression</source>
        <translation>紧急：怀疑脊髓压迫</translation>
    </message>
    <message>
        <source>Act now; the rest of the work-up can wait.</source>
        <translation>立即处理；其余检查可稍后进行。</translation>
    </message>
    <message>
        <source>Whole-spine &amp;MRI requested (within 24 hours)</source>
        <translation>已申请全脊柱MRI(&amp;M)（24小时内）</translation>
    </message>
    <message>
        <source>&amp;Corticosteroids started</source>
        <translation>已开始糖皮质激素(&amp;C)</translation>
    </message>
    <message>
        <source>Urgent spinal surgery / radiotherapy &amp;referral made</source>
        <translation>已紧急转诊脊柱外科/放疗(&amp;R)</translation>
    </message>
    <message>
        <source>Cord compression &amp;seen at (level)</source>
        <translation>脊髓压迫所见节段(&amp;S)</translation>
    </message>
    <message>
        <source>only if imaging already shows it, e.g. T10</source>
        <translation>仅在影像已显示时填写，如 T10</translation>
    </message>
    <message>
        <source>Continue with the full &amp;work-up after this page</source>
        <translation>本页之后继续完整检查(&amp;W)</translation>
    </message>
    <message>
        <source>WU-MSCC (critical)</source>
        <translation>WU-MSCC（危急）</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
</context>
<context>
    <name>WorkupWizard</name>
    <message>
        <source>Bone-metastasis work-up — %1 (resumed draft)</source>
        <translation>骨转移检查 — %1（已恢复草稿）</translation>
    </message>
    <message>
        <source>Bone-metastasis work-up — %1</source>
        <translation>骨转移检查 — %1</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Complete work-up</source>
        <translation>完成检查(&amp;C)</translation>
    </message>
    <message>
        <source>Save the work-up as a draft (Ctrl+S)</source>
        <translation>将检查保存为草稿（Ctrl+S）</translation>
    </message>
    <message>
        <source>The draft could not be saved</source>
        <translation>草稿未能保存</translation>
    </message>
    <message>
        <source>Bone-metastasis work-up — %1 (draft saved)</source>
        <translation>骨转移检查 — %1（草稿已保存）</translation>
    </message>
    <message>
        <source>Someone else saved this work-up meanwhile: close it and open it again.</source>
        <translation>其他人已同时保存了本次检查：请关闭后重新打开。</translation>
    </message>
    <message>
        <source>This work-up was already completed or cancelled.</source>
        <translation>本次检查已完成或已取消。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>is in the future: only a planned record can be dated after today</source>
        <translation>日期在未来：只有计划记录可以晚于今天</translation>
    </message>
    <message>
        <source>is not a unit of this analyte</source>
        <translation>不是该检验项目的单位</translation>
    </message>
    <message>
        <source>is not an allowed value</source>
        <translation>不是允许的取值</translation>
    </message>
    <message>
        <source>has the wrong type</source>
        <translation>类型错误</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <source>the patient is already listed for this meeting</source>
        <translation>该患者已列入此次会议</translation>
    </message>
    <message>
        <source>Discard the work-up?</source>
        <translation>放弃本次检查？</translation>
    </message>
    <message>
        <source>Discard the changes made since the draft was saved? The saved draft stays and can be resumed.</source>
        <translation>放弃保存草稿后的修改？已保存的草稿会保留，可稍后继续。</translation>
    </message>
    <message>
        <source>Discard everything entered in this work-up?</source>
        <translation>放弃本次检查中录入的全部内容？</translation>
    </message>
    <message>
        <source>Save draft and close</source>
        <translation>保存草稿并关闭</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Bone-metastasis &amp;work-up…</source>
        <translation>骨转移检查(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>YesNoCombo</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>_MarkerBox</name>
    <message>
        <source>&amp;ALP value</source>
        <translation>ALP 数值(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;CTX value</source>
        <translation>CTX 数值(&amp;C)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Fasting</source>
        <translation>空腹</translation>
    </message>
    <message>
        <source>Upper limit (lab)</source>
        <translation>上限（检验科）</translation>
    </message>
    <message>
        <source>fasting morning sample</source>
        <translation>空腹晨起标本</translation>
    </message>
    <message>
        <source>leave empty if not measured</source>
        <translation>未检测则留空</translation>
    </message>
    <message>
        <source>optional, in the unit above</source>
        <translation>可选，单位同上</translation>
    </message>
    <message>
        <source>%1 value: expected a number greater than 0</source>
        <translation>%1 数值：应为大于 0 的数字</translation>
    </message>
    <message>
        <source>%1 upper limit: expected a number greater than 0</source>
        <translation>%1 上限：应为大于 0 的数字</translation>
    </message>
</context>
</TS>