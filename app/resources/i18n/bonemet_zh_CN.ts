<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddCaseDialog</name>
    <message>
        <source>%1 patients match — pick one from the list</source>
        <translation>%1 位患者匹配 — 请从列表中选择</translation>
    </message>
    <message>
        <location filename="../../app/ui/mdt/dialogs.py" line="+233"/>
        <source>Add a patient to an MDT meeting</source>
        <translation>将患者加入MDT会议</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>MRN, name or pinyin — pick from the list</source>
        <translation>病历号、姓名或拼音——从列表中选择</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What should the MDT decide? e.g. radiotherapy or surgery for L3?</source>
        <translation>需要MDT决定什么？例如：L3放疗还是手术？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Meeting:</source>
        <translation>会议(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Patient (MRN):</source>
        <translation>患者（病历号）(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
</context>
<context>
    <name>BackupHub</name>
    <message>
        <location filename="../../app/ui/backup/install.py" line="+92"/>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the registry to a verified, timestamped backup file</source>
        <translation>将登记库复制为经过校验、带时间戳的备份文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the registry by a backup (a safety copy of the current one is kept)</source>
        <translation>用备份替换登记库（当前登记库会先保存一份安全副本）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：未做任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The registry is in use by another BoneMet window or program. Close it there, then restore again. Nothing was changed.</source>
        <translation>登记库正被另一个 BoneMet 窗口或程序使用。请先在那里关闭它，然后再恢复。未做任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operation failed (%1). Nothing was changed.</source>
        <translation>操作失败（%1）。未做任何更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backing up the registry…</source>
        <translation>正在备份登记库…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup saved and verified: %1</source>
        <translation>备份已保存并校验：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The scheduled backup failed (%1).</source>
        <translation>定时备份失败（%1）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+43"/>
        <location line="+10"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Close every chart, MDT and worklist window first: the registry is replaced as a whole.</source>
        <translation>请先关闭所有病历、MDT 和工作清单窗口：登记库将被整体替换。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>BoneMet backups (*.sqlite);;All files (*)</source>
        <translation>BoneMet 备份 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This file cannot be restored: %1</source>
        <translation>此文件无法恢复：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace the whole registry by this backup (%1 patients)?

%2

A safety copy of the current registry will be saved first as:
%3</source>
        <translation>用此备份（%1 名患者）替换整个登记库？

%2

将先把当前登记库的安全副本保存为：
%3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restoring the registry…</source>
        <translation>正在恢复登记库…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The registry was restored (%1 patients). The previous registry was saved as:
%2</source>
        <translation>登记库已恢复（%1 名患者）。原登记库已保存为：
%2</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../app/ui/settings/backup_tab.py" line="+24"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up at start-up every N days</source>
        <translation>启动时每 N 天备份一次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number of backups kept</source>
        <translation>保留的备份数量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When BoneMet starts on a registry file, it makes a verified backup into the backups folder beside it if the newest one is this many days old, then keeps only the newest backups (safety copies taken before a restore are never deleted). File → Back up now… makes one at any time.</source>
        <translation>BoneMet 在打开登记库文件启动时，若最新备份已达此天数，会在其旁边的 backups 文件夹中生成一份经过校验的备份，并只保留最新的若干份备份（恢复前保存的安全副本从不删除）。随时可用“文件 → 立即备份…”生成备份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back up &amp;every:</source>
        <translation>备份间隔(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep the newest:</source>
        <translation>保留最新(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>BiomarkersPage</name>
    <message>
        <location filename="../../app/ui/workup/pages_labs.py" line="+127"/>
        <source>Bone markers</source>
        <translation>骨代谢标志物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALP and serum β-CTX, compared with the patient&apos;s earlier values. Both are optional.</source>
        <translation>ALP 和血清 β-CTX，与患者既往数值比较。两项均为可选。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Earlier (%1): %2</source>
        <translation>既往（%1）：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No earlier %1 on the chart.</source>
        <translation>病历中无既往 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No %1 result</source>
        <translation>无 %1 结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marked rise (%1)</source>
        <translation>明显升高（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a marked rise (%1)</source>
        <translation>无明显升高（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not judged (%1)</source>
        <translation>未判定（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
</context>
<context>
    <name>BiopsyForm</name>
    <message>
        <location filename="../../app/ui/forms/simple_forms.py" line="+60"/>
        <source>&amp;Region</source>
        <translation>部位(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ult</source>
        <translation>结果(&amp;U)</translation>
    </message>
</context>
<context>
    <name>BiopsyPage</name>
    <message>
        <location filename="../../app/ui/workup/pages_imaging.py" line="+284"/>
        <source>Biopsy decision</source>
        <translation>活检决策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rules call for a biopsy decision. Record a biopsy result if one is available; otherwise the MDT referral asks.</source>
        <translation>规则要求作出活检决策。如已有活检结果请记录；否则由 MDT 转诊提出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <source>Biopsy</source>
        <translation>活检</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Biopsy da&amp;te</source>
        <translation>活检日期(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Biopsy &amp;region</source>
        <translation>活检部位(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biopsy res&amp;ult</source>
        <translation>活检结果(&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a biopsy result is &amp;available</source>
        <translation>已有活检结果(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
</context>
<context>
    <name>BoolInput</name>
    <message>
        <location filename="../../app/ui/forms/fields.py" line="+71"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>CancerForm</name>
    <message>
        <location filename="../../app/ui/forms/section_forms.py" line="+49"/>
        <source>&amp;Histology</source>
        <translation>病理类型(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stage (AJCC 8th)</source>
        <translation>分期（AJCC 第 8 版）(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Driver alterations</source>
        <translation>驱动基因改变(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positive alterations, comma-separated (e.g. EGFR L858R); &apos;-&apos; = none found; empty = not tested</source>
        <translation>阳性改变，以逗号分隔（如 EGFR L858R）；“-”表示未发现；留空表示未检测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Targeted therapy</source>
        <translation>靶向治疗(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Immunotherapy</source>
        <translation>免疫治疗(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prior chemotherapy</source>
        <translation>既往化疗(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visceral metastases (organs)</source>
        <translation>内脏转移（器官）(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organs, comma-separated (e.g. adrenal, brain); &apos;-&apos; = none</source>
        <translation>器官，以逗号分隔（如 肾上腺, 脑）；“-”表示无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visceral mets t&amp;reatable</source>
        <translation>内脏转移可治疗(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disse&amp;minated</source>
        <translation>广泛播散(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visceral &amp;lesion count</source>
        <translation>内脏病灶数(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;ECOG (0–5)</source>
        <translation>ECOG (0–5)(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;KPS (0–100)</source>
        <translation>KPS (0–100)(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Frankel grade</source>
        <translation>Frankel 分级(&amp;F)</translation>
    </message>
</context>
<context>
    <name>CarePlanPrint</name>
    <message>
        <source>No clinic phone number is set, so the care plan prints a blank line to write it on. Set the clinic&apos;s contacts in File → Settings → Clinic.</source>
        <translation>尚未设置门诊电话，护理计划会留出一行空白供手写。请在 文件 → 设置 → 门诊 中设置门诊联系方式。</translation>
    </message>
    <message>
        <source>The clinic details cannot be read (%1): the care plan is printed without them. Check File → Settings → Clinic.</source>
        <translation>无法读取门诊信息（%1）：护理计划将不含门诊信息打印。请检查 文件 → 设置 → 门诊。</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/careplan_print.py" line="+118"/>
        <source>Preparing the care plan…</source>
        <translation>正在生成患者管理计划…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+38"/>
        <source>Print care plan</source>
        <translation>打印患者管理计划</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Care plan — %1</source>
        <translation>患者管理计划 — %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The care plan could not be prepared (%1).</source>
        <translation>无法生成患者管理计划（%1）。</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../app/ui/mdt/models.py" line="+88"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question for the MDT</source>
        <translation>提交MDT的问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
</context>
<context>
    <name>ChartDocuments</name>
    <message>
        <location filename="../../app/ui/mdt/install.py" line="+57"/>
        <source>&amp;Documents</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print care plan…</source>
        <translation>打印患者管理计划(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The patient&apos;s care plan in their language: preview, print, save as PDF</source>
        <translation>以患者的语言生成管理计划：预览、打印、另存为PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to &amp;MDT meeting…</source>
        <translation>加入MDT会议(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List this patient for an upcoming MDT meeting with a question</source>
        <translation>将此患者连同问题列入即将召开的MDT会议</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add to MDT meeting</source>
        <translation>加入MDT会议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no upcoming MDT meeting. Create one in the MDT meetings window (registry window: View → MDT meetings, Ctrl+M).</source>
        <translation>没有即将召开的MDT会议。请在MDT会议窗口中新建（登记窗口：视图 → MDT会议，Ctrl+M）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Listed for the MDT meeting on %1.</source>
        <translation>已列入%1的MDT会议。</translation>
    </message>
</context>
<context>
    <name>ChartHeader</name>
    <message>
        <location filename="../../app/ui/chart/header.py" line="+56"/>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight not recorded</source>
        <translation>未记录体重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MRN %1</source>
        <translation>病历号 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age %1</source>
        <translation>年龄 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not tested / not recorded</source>
        <translation>未检测 / 未记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none found</source>
        <translation>未发现</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ECOG %1</source>
        <translation>ECOG %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KPS %1</source>
        <translation>KPS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frankel %1</source>
        <translation>Frankel %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lung cancer: %1 · stage %2 · drivers: %3</source>
        <translation>肺癌：%1 · %2 期 · 驱动基因：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>histology ?</source>
        <translation>病理类型 ?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bone metastasis: %1 — basis: %2</source>
        <translation>骨转移：%1 — 依据：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bone drug: %1 every %2 days</source>
        <translation>骨改良药物：%1，每 %2 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bone drug: none active</source>
        <translation>骨改良药物：无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next due %1</source>
        <translation>下次到期 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(OVERDUE)</source>
        <translation>（已逾期）</translation>
    </message>
</context>
<context>
    <name>ChartOpener</name>
    <message>
        <location filename="../../app/ui/chart/opener.py" line="+87"/>
        <source>&amp;Open chart</source>
        <translation>打开病历(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected patient&apos;s chart (Enter)</source>
        <translation>打开所选患者的病历 (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Worklist</source>
        <translation>工作清单(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patients needing action across the registry: critical findings, doses due, rebound checks, dental, work-ups</source>
        <translation>登记库中需要处理的患者：危急提示、到期给药、反跳复查、口腔、评估</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recompute all &amp;summaries</source>
        <translation>重新计算全部摘要(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the rules again for every patient and update the registry list</source>
        <translation>对每位患者重新运行规则并更新登记列表</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Recomputing the patients&apos; summaries…</source>
        <translation>正在重新计算患者摘要…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChartWindow</name>
    <message>
        <source>Tre&amp;nds (ALP, CTX)</source>
        <translation>趋势 (ALP, CTX)(&amp;N)</translation>
    </message>
    <message>
        <source>Add lab panel (several results of one sample)…</source>
        <translation>添加检验组合（同一份样本的多项结果）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart/chart_window.py" line="+173"/>
        <source>&amp;Record</source>
        <extracomment>Record kinds offered in the Record menu, with their shortcuts (&quot;&quot; = menu only).</extracomment>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add %1…</source>
        <translation>添加%1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit %1…</source>
        <translation>编辑%1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Correct selected record…</source>
        <translation>更正所选记录(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark selected record entered in &amp;error…</source>
        <translation>将所选记录标记为录入错误(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to the record behind the finding</source>
        <translation>转到该提示依据的记录(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload chart</source>
        <translation>重新载入病历(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close chart</source>
        <translation>关闭病历(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Lesions &amp;&amp; scores</source>
        <translation>病灶与评分</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to %1</source>
        <translation>转到 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;rends (ALP, CTX)</source>
        <translation>趋势 (ALP, CTX)(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Patient chart — %1</source>
        <translation>患者病历 — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Findings (%1), most severe first — Enter goes to the record behind one:</source>
        <translation>提示（%1 项），最严重者在前 — 按回车转到其依据的记录：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Patient not found</source>
        <translation>未找到患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This patient is no longer in the registry.</source>
        <translation>该患者已不在登记库中。</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Mark entered in error</source>
        <translation>标记为录入错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why was this record entered in error? (kept in the history)</source>
        <translation>为何此记录录入错误？（记入历史）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reason required</source>
        <translation>必须填写原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed: a reason is required.</source>
        <translation>未作任何修改：必须填写原因。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changed elsewhere</source>
        <translation>已在别处修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This record was changed on another workstation. The chart is reloaded.</source>
        <translation>此记录已在其他工作站被修改。病历已重新载入。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This finding is not about a single record (see its data).</source>
        <translation>此提示不针对单条记录（请查看其数据）。</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../../app/ui/forms/choices.py" line="+19"/>
        <source>Symptom</source>
        <translation>症状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab result</source>
        <translation>检验结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biopsy</source>
        <translation>活检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bone lesion</source>
        <translation>骨病灶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BMA dose</source>
        <translation>骨改良药物给药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BMA stop</source>
        <translation>骨改良药物停药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dosing interval</source>
        <translation>给药间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dental exam</source>
        <translation>口腔检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dental procedure</source>
        <translation>口腔操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinical event</source>
        <translation>临床事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancer and performance status</source>
        <translation>肿瘤与体能状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplements</source>
        <translation>补充剂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bone-metastasis status override</source>
        <translation>骨转移状态人工修订</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bone pain</source>
        <translation>骨痛</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neurological deficit</source>
        <translation>神经功能缺损</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed site</source>
        <translation>固定部位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migratory</source>
        <translation>游走性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bone scan</source>
        <translation>骨扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRI</source>
        <translation>MRI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CT</source>
        <translation>CT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X-ray</source>
        <translation>X 线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PET-CT</source>
        <translation>PET-CT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equivocal</source>
        <translation>可疑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-diagnostic</source>
        <translation>未能确诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Osteolytic</source>
        <translation>溶骨性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Osteoblastic</source>
        <translation>成骨性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed</source>
        <translation>混合性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vertebra</source>
        <translation>椎体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Femur</source>
        <translation>股骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tibia</source>
        <translation>胫骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fibula</source>
        <translation>腓骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Humerus</source>
        <translation>肱骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radius</source>
        <translation>桡骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulna</source>
        <translation>尺骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pelvis</source>
        <translation>骨盆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rib</source>
        <translation>肋骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sternum</source>
        <translation>胸骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skull</source>
        <translation>颅骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scapula</source>
        <translation>肩胛骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clavicle</source>
        <translation>锁骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Midline</source>
        <translation>中线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilateral</source>
        <translation>双侧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper limb</source>
        <translation>上肢</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower limb</source>
        <translation>下肢</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mechanical</source>
        <translation>机械性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occasional</source>
        <translation>偶发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Functional</source>
        <translation>功能性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subluxation/translation</source>
        <translation>半脱位/移位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De novo deformity</source>
        <translation>新发畸形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collapse &gt; 50%</source>
        <translation>塌陷 &gt; 50%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collapse &lt; 50%</source>
        <translation>塌陷 &lt; 50%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No collapse, &gt; 50% body involved</source>
        <translation>无塌陷，椎体受累 &gt; 50%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unilateral</source>
        <translation>单侧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; 1/3 of cortex</source>
        <translation>&lt; 1/3 皮质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1/3 – 2/3 of cortex</source>
        <translation>1/3 – 2/3 皮质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; 2/3 of cortex</source>
        <translation>&gt; 2/3 皮质</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root canal</source>
        <translation>根管治疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scaling</source>
        <translation>洁治</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filling</source>
        <translation>补牙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crown</source>
        <translation>牙冠修复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extraction</source>
        <translation>拔牙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implant</source>
        <translation>种植牙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periodontal surgery</source>
        <translation>牙周手术</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral surgery</source>
        <translation>口腔手术</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pathological fracture</source>
        <translation>病理性骨折</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fracture</source>
        <translation>骨折</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spinal cord compression</source>
        <translation>脊髓压迫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radiotherapy</source>
        <translation>放疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surgery to bone</source>
        <translation>骨手术</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertebroplasty/kyphoplasty</source>
        <translation>椎体成形术/后凸成形术</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hypercalcaemia</source>
        <translation>高钙血症</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Osteonecrosis of the jaw</source>
        <translation>颌骨坏死</translation>
    </message>
    <message>
        <source>Systemic therapy line</source>
        <translation>全身治疗线</translation>
    </message>
    <message>
        <source>PD-L1 result</source>
        <translation>PD-L1 结果</translation>
    </message>
    <message>
        <source>Smoking history</source>
        <translation>吸烟史</translation>
    </message>
    <message>
        <source>Diagnosis / recurrence / stage</source>
        <translation>确诊 / 复发 / 分期</translation>
    </message>
</context>
<context>
    <name>ClinicTab</name>
    <message>
        <source>The care-plan settings file cannot be used (%1): saving replaces it.</source>
        <translation>护理计划设置文件无法使用（%1）：保存时将替换该文件。</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>保存于 %1</translation>
    </message>
    <message>
        <source>Print a daily calcium &amp;target of 1000–1200 mg (food and tablets together)</source>
        <translation>打印每日钙摄入目标 1000–1200 毫克（饮食加钙片）(&amp;T)</translation>
    </message>
    <message>
        <source>Printed on patients&apos; care plans so that they know whom to call. Empty fields are left out; without a phone number the plan prints a line to write it on. Used from the next printout, in the app and by &quot;bonemet careplan&quot;.</source>
        <translation>打印在患者的护理计划上，方便患者知道该联系谁。空白项不打印；没有电话号码时，计划会留出一行供手写。从下一次打印起生效，应用程序和“bonemet careplan”命令均使用。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="+54"/>
        <source>Clinic &amp;name:</source>
        <translation>诊所名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;After-hours phone:</source>
        <translation>非工作时间电话(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>ConclusionPage</name>
    <message>
        <source>Finish will add to the chart:</source>
        <translation>完成后将写入病历：</translation>
    </message>
    <message>
        <source>Histology</source>
        <translation>组织学类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Drivers (positive)</source>
        <translation>驱动基因（阳性）</translation>
    </message>
    <message>
        <source>Visceral metastases</source>
        <translation>内脏转移</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Change the chart — %1</source>
        <translation>修改病历 — %1</translation>
    </message>
    <message>
        <source>Finish will change on the chart:</source>
        <translation>完成后将修改病历：</translation>
    </message>
    <message>
        <source>Tick each change of histology or stage to confirm it, or go Back to the risk profile and restore the chart&apos;s value.</source>
        <translation>请勾选确认每一项组织学类型或分期的修改，或返回风险概况页恢复病历原值。</translation>
    </message>
    <message>
        <location filename="../../app/ui/workup/pages_end.py" line="+78"/>
        <source>Conclusion and next steps</source>
        <translation>结论与下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawn from the rules on the chart plus this work-up. Finish writes everything to the chart.</source>
        <translation>根据病历中的规则及本次评估得出。点击“完成”后全部写入病历。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Question for the MDT (empty: no referral)</source>
        <translation>提交 MDT 的问题（留空：不转诊）(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List for MDT &amp;meeting</source>
        <translation>列入 MDT 会议(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+52"/>
        <source>— not now —</source>
        <translation>— 暂不 —</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biopsy</source>
        <translation>活检</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bone-modifying drug</source>
        <translation>骨改良药物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local therapy (from lesion scores)</source>
        <translation>局部治疗（依据病灶评分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MDT referral</source>
        <translation>MDT 转诊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For information</source>
        <translation>供参考</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bone metastasis: %1</source>
        <translation>骨转移：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refer to the MDT with the question below.</source>
        <translation>请提交 MDT 讨论以下问题。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No further steps are called for by the rules.</source>
        <translation>规则未要求进一步措施。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>risk profile (%1)</source>
        <translation>风险概况（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MDT listing (%1)</source>
        <translation>MDT 列表（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish will add to the chart: %1</source>
        <translation>完成后将写入病历：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing (only the work-up record)</source>
        <translation>无（仅评估记录）</translation>
    </message>
</context>
<context>
    <name>DateTimeInput</name>
    <message>
        <location filename="../../app/ui/forms/fields.py" line="+98"/>
        <source>time known</source>
        <translation>时间已知</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../app/ui/mdt/dialogs.py" line="+45"/>
        <source>Record the MDT decision</source>
        <translation>记录MDT决定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Patient:</source>
        <translation>患者：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Decision:</source>
        <translation>决定(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded once, with your name and the time (audit trail).</source>
        <translation>只能记录一次，并记下您的姓名和时间（审计记录）。</translation>
    </message>
</context>
<context>
    <name>DentalHold</name>
    <message>
        <location filename="../../app/ui/forms/dental_hold.py" line="+0"/>
        <source>Dental hold (%1 days) for the %2 planned on %3:</source>
        <translation>牙科手术前停药（%1天）——%3计划的%2：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>• skip or postpone the planned dose(s) inside the hold: %1</source>
        <translation>• 暂停或推迟停药期内的计划给药：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>• move the procedure to %1 or later (the earliest date that keeps the gap)</source>
        <translation>• 将手术改至%1或之后（满足停药间隔的最早日期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>• the gap is kept: no date needs to change</source>
        <translation>• 已满足停药间隔：无需调整日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The oncologist and the dentist decide together.</source>
        <translation>由肿瘤科医生和口腔科医生共同决定。</translation>
    </message>
</context>
<context>
    <name>DentalProcedureForm</name>
    <message>
        <source>P&amp;lanned</source>
        <translation>计划(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/simple_forms.py" line="+40"/>
        <source>&amp;Procedure</source>
        <translation>操作(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Planned</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned (not yet done)</source>
        <translation>计划（尚未完成）</translation>
    </message>
</context>
<context>
    <name>DoseForm</name>
    <message>
        <location filename="../../app/ui/forms/dose_form.py" line="+35"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;rug</source>
        <translation>药物(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dose (m&amp;g)</source>
        <translation>剂量 (mg)(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Planned</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned (not yet given)</source>
        <translation>计划（尚未给药）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use suggested dose (Ctrl+G)</source>
        <translation>采用建议剂量 (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the dose suggested below (Ctrl+G)</source>
        <translation>填入下方建议剂量 (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Standard oncology dose of %1: %2 mg (label).</source>
        <translation>%1 的标准肿瘤剂量：%2 mg（说明书）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No standard dose in the catalogue for %1: per site pharmacist.</source>
        <translation>目录中无 %1 的标准剂量：请咨询本院药师。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no creatinine in the 14 days before this dose — measure serum creatinine before dosing; no dose can be suggested.</source>
        <translation>%1：本次给药前 14 天内无肌酐结果 — 请在给药前检测血清肌酐；无法建议剂量。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: CrCl cannot be computed (missing: %2); %3.</source>
        <translation>%1：无法计算 CrCl（缺少：%2）；%3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 contraindicated: CrCl %2 mL/min &lt; %3%4 (%5). Consider denosumab with calcium monitoring.</source>
        <translation>%1 禁用：CrCl %2 mL/min &lt; %3%4（%5）。可考虑地舒单抗并监测血钙。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 NOT recommended: CrCl %2 mL/min &lt; %3%4 (%5). Consider denosumab with calcium monitoring.</source>
        <translation>不建议使用%1：CrCl %2 mL/min &lt; %3%4（%5）。可考虑地舒单抗并监测血钙。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Standard oncology dose of %1: %2 mg (label); CrCl %3 mL/min needs no renal adjustment%4 (%5).</source>
        <translation>%1 的标准肿瘤剂量：%2 mg（说明书）；CrCl %3 mL/min 无需按肾功能调整%4（%5）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggested daily dose of %1 (1600 mg regimen): %2 mg for CrCl %3 mL/min%4 (%5), reduced for kidney function (label).</source>
        <translation>建议%1每日剂量（1600 mg 方案）：%2 mg（CrCl %3 mL/min%4）（%5），已按肾功能减量（说明书）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggested dose of %1: %2 mg for CrCl %3 mL/min%4 (%5), reduced for kidney function (label).</source>
        <translation>建议%1剂量：%2 mg（CrCl %3 mL/min%4）（%5），已按肾功能减量（说明书）。</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>creatinine %1 %2 on %3, weight %4, age %5, sex %6</source>
        <translation>肌酐 %1 %2（%3），体重 %4，年龄 %5，性别 %6</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (provisional: repeat creatinine before the dose)</source>
        <translation>（暂定：给药前复查肌酐）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Suggested zoledronic acid dose: %1 mg for CrCl %2 mL/min%3 (%4).</source>
        <translation>建议唑来膦酸剂量：%1 mg（CrCl %2 mL/min%3）（%4）。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong and the last action may not have finished. Nothing already saved was lost; please check the record and try again.</source>
        <translation>出现错误，刚才的操作可能没有完成。已保存的内容没有丢失；请检查记录后重试。</translation>
    </message>
    <message>
        <source>Error {kind}, reference {reference}. Details are in the log file:
{path}</source>
        <translation>错误 {kind}，编号 {reference}。详细信息见日志文件：
{path}</translation>
    </message>
    <message>
        <source>BoneMet Workstation</source>
        <translation>骨转移诊疗工作站</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <location filename="../../app/ui/forms/simple_forms.py" line="+11"/>
        <source>&amp;Event</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Region</source>
        <translation>部位(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vertebral</source>
        <translation>椎体(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Planned</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned (not yet done)</source>
        <translation>计划（尚未完成）</translation>
    </message>
</context>
<context>
    <name>FhirChartExport</name>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Export &amp;FHIR…</source>
        <translation>导出 FHIR(&amp;F)…</translation>
    </message>
    <message>
        <source>Save this patient as a FHIR R4 bundle (JSON) for another hospital, registry or research group</source>
        <translation>将该患者保存为 FHIR R4 数据包（JSON），供其他医院、登记库或研究团队使用</translation>
    </message>
    <message>
        <source>Export FHIR</source>
        <translation>导出 FHIR</translation>
    </message>
    <message>
        <source>FHIR bundle (*.json)</source>
        <translation>FHIR 数据包 (*.json)</translation>
    </message>
    <message>
        <source>Exporting the FHIR bundle…</source>
        <translation>正在导出 FHIR 数据包…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>FHIR bundle saved: %1</source>
        <translation>FHIR 数据包已保存：%1</translation>
    </message>
    <message>
        <source>The FHIR bundle could not be exported (%1).</source>
        <translation>无法导出 FHIR 数据包（%1）。</translation>
    </message>
</context>
<context>
    <name>FhirRegistryExport</name>
    <message>
        <source>Export registry as &amp;FHIR…</source>
        <translation>将登记库导出为 FHIR(&amp;F)…</translation>
    </message>
    <message>
        <source>Save every patient as a FHIR R4 bundle, one file per patient, into a folder</source>
        <translation>将每位患者保存为 FHIR R4 数据包，每位患者一个文件，存入一个文件夹</translation>
    </message>
    <message>
        <source>Export registry as FHIR</source>
        <translation>将登记库导出为 FHIR</translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation>请选择一个已存在的文件夹。</translation>
    </message>
    <message>
        <source>Exporting the registry as FHIR bundles…</source>
        <translation>正在将登记库导出为 FHIR 数据包…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exported %1 of %2 patients…</source>
        <translation>已导出 %1/%2 位患者…</translation>
    </message>
    <message>
        <source>Exported %1 patients as FHIR bundles.</source>
        <translation>已将 %1 位患者导出为 FHIR 数据包。</translation>
    </message>
    <message>
        <source>FHIR export cancelled after %1 of %2 patients (the files written are complete).</source>
        <translation>FHIR 导出已在 %1/%2 位患者后取消（已写入的文件均完整）。</translation>
    </message>
    <message>
        <source>The registry could not be exported (%1).</source>
        <translation>无法导出登记库（%1）。</translation>
    </message>
</context>
<context>
    <name>FileReportModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Messages/rows</source>
        <translation>消息/行</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Already stored</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>For review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Cancelled part-way</source>
        <translation>中途取消</translation>
    </message>
    <message>
        <source>Some rejected</source>
        <translation>部分被拒绝</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Not imported (cancelled)</source>
        <translation>未导入（已取消）</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../app/ui/chart/findings_view.py" line="+59"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why (triggering data)</source>
        <translation>原因（触发数据）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence · source</source>
        <translation>证据 · 来源</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <location line="+33"/>
        <source>Findings</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>FolderWatch</name>
    <message>
        <source>Watched folder %1: %2</source>
        <translation>监视文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Watched folder: importing a file…</source>
        <translation>监视文件夹：正在导入文件…</translation>
    </message>
    <message>
        <source>Watched folder: imported %1, failed %2</source>
        <translation>监视文件夹：已导入 %1 个，失败 %2 个</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/ui/chart/history_view.py" line="+31"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked entered in error</source>
        <translation>已标记为录入错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overrode a critical finding</source>
        <translation>越过了危急提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>recorded the MDT decision</source>
        <translation>记录了MDT决定</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Patient details</source>
        <translation>患者信息</translation>
    </message>
    <message>
        <source>MDT case</source>
        <translation>MDT病例</translation>
    </message>
    <message>
        <source>MDT meeting</source>
        <translation>MDT会议</translation>
    </message>
    <message>
        <source>Work-up</source>
        <translation>诊断检查</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>病例文件</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>osteoporosis</source>
        <translation>骨质疏松</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>histology</source>
        <translation>病理类型</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>driver genes</source>
        <translation>驱动基因</translation>
    </message>
    <message>
        <source>visceral metastases</source>
        <translation>内脏转移</translation>
    </message>
    <message>
        <source>number of visceral lesions</source>
        <translation>内脏病灶数</translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation>ECOG</translation>
    </message>
    <message>
        <source>KPS</source>
        <translation>KPS</translation>
    </message>
    <message>
        <source>Frankel grade</source>
        <translation>Frankel分级</translation>
    </message>
    <message>
        <source>calcium supplement</source>
        <translation>钙剂补充</translation>
    </message>
    <message>
        <source>vitamin D supplement</source>
        <translation>维生素D补充</translation>
    </message>
    <message>
        <source>status override</source>
        <translation>状态人工判定</translation>
    </message>
    <message>
        <source>override date</source>
        <translation>人工判定日期</translation>
    </message>
    <message>
        <source>override by</source>
        <translation>人工判定人</translation>
    </message>
    <message>
        <source>override reason</source>
        <translation>人工判定理由</translation>
    </message>
    <message>
        <source>question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>已修改%1</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location line="+38"/>
        <source>Change history</source>
        <translation>修改历史</translation>
    </message>
</context>
<context>
    <name>ImagingForm</name>
    <message>
        <location filename="../../app/ui/forms/simple_forms.py" line="-75"/>
        <source>&amp;Modality</source>
        <translation>检查方式(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Region</source>
        <translation>部位(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. L3, left femur, or &apos;whole body&apos; for a bone scan / PET-CT</source>
        <translation>例如 L3、左股骨；骨扫描 / PET-CT 填“全身”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ult</source>
        <translation>结果(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pattern</source>
        <translation>类型(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bone destruction</source>
        <translation>骨质破坏(&amp;B)</translation>
    </message>
</context>
<context>
    <name>ImagingPage</name>
    <message>
        <location filename="../../app/ui/workup/pages_imaging.py" line="-158"/>
        <source>Imaging plan and results</source>
        <translation>影像计划与结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recommended next study, then each study&apos;s result.</source>
        <translation>建议的下一项检查，以及每项检查的结果。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Modality</source>
        <translation>检查方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region</source>
        <translation>部位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pattern</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Destruction</source>
        <translation>骨质破坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studies entered in this work-up</source>
        <translation>本次评估录入的检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add study</source>
        <translation>添加检查(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use reco&amp;mmendation</source>
        <translation>采用建议(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected (Del)</source>
        <translation>删除所选 (Del)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Region required</source>
        <translation>必须填写部位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result required</source>
        <translation>必须填写结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the region the study covers.</source>
        <translation>请输入检查覆盖的部位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the study&apos;s result.</source>
        <translation>请选择该检查的结果。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Study not added yet</source>
        <translation>检查尚未添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the study in the form (Alt+A) or clear its region before going on.</source>
        <translation>继续之前，请在表单中添加该检查 (Alt+A) 或清除其部位。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Next: %1 — %2 (%3)</source>
        <translation>下一步：%1 — %2（%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alternatives: %1</source>
        <translation>备选：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No further study needed now (%1)</source>
        <translation>目前无需进一步检查（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no rule fired</source>
        <translation>无规则触发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status now: %1 · Rules: %2 · Evidence: %3 — %4</source>
        <translation>当前状态：%1 · 规则：%2 · 证据：%3 — %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>marrow: MRI first</source>
        <translation>骨髓：首选 MRI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>osteoblastic: CT / PET-CT</source>
        <translation>成骨性：CT / PET-CT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>direct diagnosis</source>
        <translation>直接诊断</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reassurance</source>
        <translation>排除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>biopsy</source>
        <translation>活检</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nothing more called for</source>
        <translation>无需进一步措施</translation>
    </message>
</context>
<context>
    <name>IntervalForm</name>
    <message>
        <location filename="../../app/ui/forms/simple_forms.py" line="+31"/>
        <source>D&amp;rug</source>
        <translation>药物(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Interval (days)</source>
        <translation>间隔（天）(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days between doses; the standard is 28</source>
        <translation>两次给药间隔天数；标准为 28 天</translation>
    </message>
</context>
<context>
    <name>LabCodesTab</name>
    <message>
        <location filename="../../app/ui/settings/lab_codes_tab.py" line="+111"/>
        <source>Lab-feed file: %1</source>
        <translation>化验接口文件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It cannot be used: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local code &amp;map (code = ANALYTE [unit]):</source>
        <translation>本地代码对照(&amp;M)（代码 = 项目 [单位]）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient &amp;ID fields, in order:</source>
        <translation>患者编号字段(&amp;I)，按顺序：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted assigning &amp;authorities:</source>
        <translation>接受的编号分配机构(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;HL7 message to test:</source>
        <translation>用于测试的HL7消息(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
</context>
<context>
    <name>LabFeeds</name>
    <message>
        <source>Lab feeds</source>
        <translation>检验结果接收</translation>
    </message>
    <message>
        <source>&amp;Import lab results…</source>
        <translation>导入检验结果(&amp;I)…</translation>
    </message>
    <message>
        <source>Import lab results from HL7 v2 or CSV files (several at once)</source>
        <translation>从 HL7 v2 或 CSV 文件导入检验结果（可一次选多个）</translation>
    </message>
    <message>
        <source>Import lab results</source>
        <translation>导入检验结果</translation>
    </message>
    <message>
        <source>Lab results (*.hl7 *.oru *.msg *.txt *.csv);;All files (*)</source>
        <translation>检验结果 (*.hl7 *.oru *.msg *.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Lab feed settings cannot be used: %1</source>
        <translation>检验结果接收设置无法使用：%1</translation>
    </message>
</context>
<context>
    <name>LabFeedsTab</name>
    <message>
        <source>Lab results can reach BoneMet while it runs: pushed by the laboratory system over the network (HL7 v2 over MLLP; each message is answered with an acknowledgement once it is stored), or as files dropped in a watched folder (imported files are moved to done/ or failed/ beside them, with a report for failures).</source>
        <translation>BoneMet 运行时可以接收检验结果：由检验科系统通过网络推送（HL7 v2，经 MLLP 协议；每条消息保存后即回复确认），或放入监视文件夹的文件（导入后的文件移到旁边的 done/ 或 failed/ 文件夹，失败的附有报告）。</translation>
    </message>
    <message>
        <source>Recei&amp;ve lab results over the network while BoneMet runs</source>
        <translation>BoneMet 运行时通过网络接收检验结果(&amp;V)</translation>
    </message>
    <message>
        <source>Listener address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>Listener port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>浏览(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Watched folder:</source>
        <translation>监视文件夹(&amp;W)：</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>设置文件：%1</translation>
    </message>
    <message>
        <source>The saved file cannot be used (%1); saving replaces it.</source>
        <translation>已保存的文件无法使用（%1）；保存将替换它。</translation>
    </message>
    <message>
        <source>Host 127.0.0.1 accepts connections from this computer only; 0.0.0.0 from every network.</source>
        <translation>主机 127.0.0.1 只接受本机的连接；0.0.0.0 接受所有网络的连接。</translation>
    </message>
    <message>
        <source>Warning: MLLP is not encrypted. Allow only the laboratory system to reach this port.</source>
        <translation>警告：MLLP 不加密。只允许检验科系统访问此端口。</translation>
    </message>
    <message>
        <source>Watched folder: no such folder</source>
        <translation>监视文件夹：该文件夹不存在</translation>
    </message>
    <message>
        <source>Host: required (e.g. 127.0.0.1)</source>
        <translation>主机：必填（例如 127.0.0.1）</translation>
    </message>
</context>
<context>
    <name>LabForm</name>
    <message>
        <location filename="../../app/ui/forms/lab_form.py" line="+23"/>
        <source>Collected (&amp;date, time)</source>
        <translation>采样（日期、时间）(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Analyte</source>
        <translation>检测项目(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Value</source>
        <translation>数值(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The value exactly as reported by the laboratory</source>
        <translation>实验室报告的原始数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference &amp;low</source>
        <translation>参考下限(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower limit of the laboratory&apos;s range, in the reported unit</source>
        <translation>实验室参考范围下限（报告单位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference &amp;high</source>
        <translation>参考上限(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper limit of the laboratory&apos;s range, in the reported unit</source>
        <translation>实验室参考范围上限（报告单位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fasting sample</source>
        <translation>空腹样本(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method / assay</source>
        <translation>方法 / 检测试剂(&amp;M)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 %2 %3 = %4 %5 (unit used by the rules)</source>
        <translation>%1 %2 %3 = %4 %5（规则使用的单位）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>H (above the reported range)</source>
        <translation>高（高于报告范围）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L (below the reported range)</source>
        <translation>低（低于报告范围）</translation>
    </message>
</context>
<context>
    <name>LabImportDialog</name>
    <message>
        <source>Import lab results</source>
        <translation>导入检验结果</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Import report by file</source>
        <translation>按文件的导入报告</translation>
    </message>
    <message>
        <source>Reasons for what was rejected or left out</source>
        <translation>被拒绝或未导入的原因</translation>
    </message>
    <message>
        <source>Importing file %1 of %2: %3</source>
        <translation>正在导入第 %1 个文件（共 %2 个）：%3</translation>
    </message>
    <message>
        <source>Cancelling: finishing the messages being written…</source>
        <translation>正在取消：正在写完当前的消息…</translation>
    </message>
    <message>
        <source>The import stopped with an error (%1). What was imported before it is stored; import the files again to finish: stored results are skipped.</source>
        <translation>导入因错误而停止（%1）。此前导入的结果已保存；再次导入这些文件即可完成：已保存的结果会被跳过。</translation>
    </message>
    <message>
        <source>Results imported: %1 · already stored: %2 · messages/rows rejected: %3 · files not read: %4</source>
        <translation>已导入结果：%1 · 已存在：%2 · 被拒绝的消息/行：%3 · 无法读取的文件：%4</translation>
    </message>
    <message>
        <source>Cancelled. What was imported before the cancel is stored; import the rest again later (stored results are skipped).</source>
        <translation>已取消。取消前导入的结果已保存；之后可再次导入其余部分（已保存的结果会被跳过）。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>For review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>%1 — not read: %2</source>
        <translation>%1 — 无法读取：%2</translation>
    </message>
    <message>
        <source>Nothing was rejected or left out.</source>
        <translation>没有被拒绝或未导入的内容。</translation>
    </message>
</context>
<context>
    <name>LabPanelDialog</name>
    <message>
        <source>Collected (&amp;date, time)</source>
        <translation>采样（日期、时间）(&amp;D)</translation>
    </message>
    <message>
        <source>Unit of %1</source>
        <translation>%1 的单位</translation>
    </message>
    <message>
        <source>confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>The value is outside the plausible range: tick to confirm it was read correctly (recorded in the audit log)</source>
        <translation>该值超出合理范围：勾选以确认读数无误（记入审计日志）</translation>
    </message>
    <message>
        <source>&amp;Fasting sample</source>
        <translation>空腹样本(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Method / assay</source>
        <translation>方法 / 检测试剂(&amp;M)</translation>
    </message>
    <message>
        <source>Add: lab panel (one sample)</source>
        <translation>添加：检验组合（同一份样本）</translation>
    </message>
    <message>
        <source>This patient is no longer in the registry. Nothing was saved.</source>
        <translation>该患者已不在登记库中。未保存任何内容。</translation>
    </message>
    <message>
        <source>Outside the plausible range %1: tick confirm if it is right.</source>
        <translation>超出合理范围 %1：如数值无误请勾选“确认”。</translation>
    </message>
    <message>
        <source>Impossible for %1 (possible: %2): check the value.</source>
        <translation>%1 不可能为此值（可能范围：%2）：请核对数值。</translation>
    </message>
    <message>
        <source>Enter at least one value.</source>
        <translation>请至少输入一个数值。</translation>
    </message>
</context>
<context>
    <name>LabReviewHub</name>
    <message>
        <location filename="../../app/ui/labreview/install.py" line="+48"/>
        <source>Lab &amp;review queue…</source>
        <translation>化验&amp;审核队列…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab messages held because their patient did not match the registry: assign or reject them</source>
        <translation>因患者信息与登记不符而暂缓入库的化验消息：分配或拒绝</translation>
    </message>
</context>
<context>
    <name>LabReviewWindow</name>
    <message>
        <location filename="../../app/ui/labreview/window.py" line="+151"/>
        <source>Lab review queue</source>
        <translation>化验审核队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the message</source>
        <translation>消息中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the registry</source>
        <translation>登记中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign to &amp;MRN (empty: the matched patient):</source>
        <translation>分配给病历号(&amp;M)（留空：匹配到的患者）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assign</source>
        <translation>分配(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for re&amp;jecting:</source>
        <translation>拒绝原因(&amp;J)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held lab messages</source>
        <translation>暂缓的化验消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message as received</source>
        <translation>收到的原始消息</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Held because: %1</source>
        <translation>暂缓原因：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No lab message is waiting for review.</source>
        <translation>没有待审核的化验消息。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was imported into the patient&apos;s chart.</source>
        <translation>%1 已导入该患者的病历。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reject: write the reason first.</source>
        <translation>拒绝：请先填写原因。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was rejected.</source>
        <translation>%1 已拒绝。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="+21"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+33"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adenocarcinoma</source>
        <translation>腺癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Squamous cell</source>
        <translation>鳞癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small cell (SCLC)</source>
        <translation>小细胞癌 (SCLC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Large cell</source>
        <translation>大细胞癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NSCLC NOS</source>
        <translation>非小细胞肺癌 (未特指)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confirmed</source>
        <translation>已确诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspected</source>
        <translation>疑似</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>未发现</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Rebound risk</source>
        <translation>反跳风险</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Overdue planned %1 %2 mg dose</source>
        <translation>计划的%1 %2 mg 已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 mg planned</source>
        <translation>已计划%1 %2 mg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 dose overdue</source>
        <translation>%1给药已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next %1 dose due</source>
        <translation>%1下次给药到期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rebound check overdue: fasting CTX + calcium</source>
        <translation>反跳复查已逾期：空腹 CTX + 血钙</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rebound check: fasting CTX + calcium</source>
        <translation>反跳复查：空腹 CTX + 血钙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dental review overdue</source>
        <translation>口腔复查已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dental review due</source>
        <translation>口腔复查到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dental exam needed (none recorded)</source>
        <translation>需口腔检查（无记录）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart/findings_view.py" line="-90"/>
        <location filename="../../app/ui/labels.py" line="-95"/>
        <source>Denosumab</source>
        <translation>地舒单抗</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="+1"/>
        <source>Zoledronic acid</source>
        <translation>唑来膦酸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pamidronate</source>
        <translation>帕米膦酸二钠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ibandronate</source>
        <translation>伊班膦酸钠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incadronate</source>
        <translation>英卡膦酸二钠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clodronate</source>
        <translation>氯膦酸二钠</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Critical</source>
        <translation>危急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>stage %1</source>
        <translation>%1 期</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>The patient&apos;s preferred language and print size (registry) are preselected; a changed print size is remembered for the patient.</source>
        <translation>已预选患者登记的首选语言和字号；更改的字号会为该患者保存。</translation>
    </message>
    <message>
        <source>Lar&amp;ge print (for readers who need bigger text)</source>
        <translation>大字号打印（适合需要大字体的读者）(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/careplan_print.py" line="-113"/>
        <source>Print care plan</source>
        <translation>打印患者管理计划</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language of the care plan</source>
        <translation>管理计划的语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="+35"/>
        <source>User-interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of menus and windows (also in View → Language). Applies at once when you save.</source>
        <translation>菜单和窗口的语言（也可在“视图 → 语言”中设置）。保存后立即生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>LesionForm</name>
    <message>
        <location filename="../../app/ui/forms/lesion_form.py" line="+28"/>
        <source>&amp;Region</source>
        <translation>部位(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As in imaging, e.g. L3 or &apos;left femur&apos; (regions match exactly)</source>
        <translation>与影像一致，例如 L3 或“左股骨”（部位须完全一致）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bone</source>
        <translation>骨骼(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Level (vertebra)</source>
        <translation>节段（椎体）(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/ui/workup/pages_lesions.py" line="+71"/>
        <source>&amp;Side</source>
        <translation>侧别(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Li&amp;mb</source>
        <translation>肢体(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peri&amp;trochanteric</source>
        <translation>转子周围(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peritrochanteric (femur)</source>
        <translation>转子周围（股骨）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/ui/workup/pages_lesions.py" line="+0"/>
        <source>&amp;Pattern</source>
        <translation>类型(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/ui/workup/pages_lesions.py" line="+0"/>
        <source>P&amp;ain</source>
        <translation>疼痛(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ali&amp;gnment</source>
        <translation>脊柱序列(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Collapse</source>
        <translation>塌陷(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;osterolateral involvement</source>
        <translation>后外侧受累(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Si&amp;ze (cortex)</source>
        <translation>大小（皮质）(&amp;Z)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;ESCC (Bilsky)</source>
        <translation>ESCC (Bilsky)(&amp;E)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1: incomplete (missing %2)</source>
        <translation>%1：不完整（缺少 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (high grade)</source>
        <translation>（高级别）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESCC %1%2</source>
        <translation>ESCC %1%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/workup/pages_lesions.py" line="-1"/>
        <source>Lesion re&amp;gion</source>
        <translation>病灶部位(&amp;G)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B&amp;one</source>
        <translation>骨骼(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Le&amp;vel</source>
        <translation>节段(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Al&amp;ignment (SINS)</source>
        <translation>脊柱序列 (SINS)(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Collapse (SINS)</source>
        <translation>椎体塌陷 (SINS)(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posterola&amp;teral (SINS)</source>
        <translation>后外侧受累 (SINS)(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;ESCC grade</source>
        <translation>ESCC 分级(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;ze (Mirels)</source>
        <translation>大小 (Mirels)(&amp;Z)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mirels site</source>
        <translation>Mirels 部位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pe&amp;ritrochanteric (femur)</source>
        <translation>转子周围（股骨）(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as on the imaging, e.g. L3</source>
        <translation>与影像一致，例如 L3</translation>
    </message>
</context>
<context>
    <name>LesionsModel</name>
    <message>
        <location filename="../../app/ui/chart/lesions_view.py" line="+37"/>
        <source>Lesion</source>
        <translation>病灶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SINS</source>
        <translation>SINS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mirels</source>
        <translation>Mirels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESCC</source>
        <translation>ESCC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>LesionsPage</name>
    <message>
        <location filename="../../app/ui/workup/pages_lesions.py" line="+63"/>
        <source>Lesions and scores</source>
        <translation>病灶与评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: record the lesions found; SINS, Mirels and ESCC decide the local-therapy referrals.</source>
        <translation>可选：记录发现的病灶；SINS、Mirels 和 ESCC 决定局部治疗转诊。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region</source>
        <translation>部位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bone</source>
        <translation>骨骼</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SINS</source>
        <translation>SINS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mirels</source>
        <translation>Mirels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESCC</source>
        <translation>ESCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lesions entered in this work-up, with scores</source>
        <translation>本次评估录入的病灶及评分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;lesion</source>
        <translation>添加病灶(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected (Del)</source>
        <translation>删除所选 (Del)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local therapy (from the scores)</source>
        <translation>局部治疗（依据评分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No local-therapy rule fires.</source>
        <translation>无局部治疗规则触发。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lesion not added yet</source>
        <translation>病灶尚未添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the lesion in the form (Alt+L) or clear its region before going on.</source>
        <translation>继续之前，请在表单中添加该病灶 (Alt+L) 或清除其部位。</translation>
    </message>
</context>
<context>
    <name>LesionsView</name>
    <message>
        <location filename="../../app/ui/chart/lesions_view.py" line="+37"/>
        <source>Bone lesions and scores</source>
        <translation>骨病灶与评分</translation>
    </message>
</context>
<context>
    <name>ListenerControl</name>
    <message>
        <source>Lab listener: cannot listen on %1 (%2)</source>
        <translation>检验结果监听：无法在 %1 上监听（%2）</translation>
    </message>
    <message>
        <source>Lab listener on %1: %2 accepted, %3 with errors, %4 rejected</source>
        <translation>检验结果监听 %1：已接受 %2 条，有错误 %3 条，被拒绝 %4 条</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+137"/>
        <source>BoneMet Workstation — Patient registry</source>
        <extracomment>A registry whose latest search took less than this is searched on every keystroke (the query runs in the background and the newest one wins, so typing never waits); a slower one (e.g. a remote PostgreSQL) is searched when typing pauses for SEARCH_DEBOUNCE_MS or more.</extracomment>
        <translation>骨转移诊疗工作站 — 患者登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Patient</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New patient…</source>
        <translation>新建患者(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register a new patient</source>
        <translation>登记新患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit patient…</source>
        <translation>编辑患者(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected patient&apos;s details</source>
        <translation>编辑所选患者的资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find patient</source>
        <translation>查找患者(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to the search box</source>
        <translation>转到搜索框</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database in use</source>
        <translation>当前数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients shown</source>
        <translation>显示的患者</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 of %2 patients match</source>
        <translation>%2 名患者中 %1 名匹配</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>More than %1 of %2 patients match</source>
        <translation>%2 名患者中超过 %1 名匹配</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 patients</source>
        <translation>共 %1 名患者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search failed (%1); the list was not updated. Press F5 to retry.</source>
        <translation>搜索失败（%1），列表未更新。按 F5 重试。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Patient not found</source>
        <translation>未找到患者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This patient is no longer in the registry. The list will be refreshed.</source>
        <translation>该患者已不在登记库中，列表将刷新。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language will change the next time BoneMet starts.</source>
        <translation>界面语言将在下次启动时更改。</translation>
    </message>
</context>
<context>
    <name>MdtErrors</name>
    <message>
        <source>no patient with this MRN, name or pinyin in the registry</source>
        <translation>登记库中没有与此病历号、姓名或拼音匹配的患者</translation>
    </message>
    <message>
        <source>several patients match: pick one from the list</source>
        <translation>多位患者匹配：请从列表中选择一位</translation>
    </message>
    <message>
        <location filename="../../app/ui/mdt/dialogs.py" line="-264"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a meeting on this date already exists</source>
        <translation>该日期已有会议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no patient with this MRN in the registry</source>
        <translation>登记库中没有此病历号的患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this patient is already listed for this meeting</source>
        <translation>该患者已列入本次会议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the meeting has not taken place yet</source>
        <translation>会议尚未召开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such meeting (reload the list)</source>
        <translation>会议不存在（请刷新列表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such case (reload the list)</source>
        <translation>病例不存在（请刷新列表）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected a time HH:MM (24-hour), e.g. 14:30</source>
        <translation>时间格式应为 HH:MM（24小时制），例如 14:30</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>too long (at most %1 characters)</source>
        <translation>过长（最多%1个字符）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already recorded; withdraw the case (entered in error) and list it again to correct it</source>
        <translation>已记录；如需更正，请撤回该病例（录入错误）后重新列入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>changed on another workstation; reload the list</source>
        <translation>已在其他工作站上被修改；请刷新列表</translation>
    </message>
</context>
<context>
    <name>MdtHub</name>
    <message>
        <location filename="../../app/ui/mdt/install.py" line="+47"/>
        <source>MDT &amp;meetings</source>
        <translation>MDT会议(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meetings, their cases and decisions; generate the case pack</source>
        <translation>会议、病例及决定；生成病例资料包</translation>
    </message>
</context>
<context>
    <name>MdtTimeline</name>
    <message>
        <location filename="../../app/ui/mdt/timeline_rows.py" line="+38"/>
        <source>%1 (question: %2)</source>
        <translation>%1（问题：%2）</translation>
    </message>
</context>
<context>
    <name>MdtWindow</name>
    <message>
        <location filename="../../app/ui/mdt/window.py" line="+207"/>
        <location line="+22"/>
        <source>MDT meetings</source>
        <translation>MDT会议</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>&amp;Meeting</source>
        <translation>会议(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Case</source>
        <translation>病例(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack &amp;language</source>
        <translation>资料包语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MDT actions</source>
        <translation>MDT操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New meeting…</source>
        <translation>新建会议(&amp;N)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Edit meeting…</source>
        <translation>编辑会议(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate case pack…</source>
        <translation>生成病例资料包(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add patient…</source>
        <translation>添加患者(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record &amp;decision…</source>
        <translation>记录决定(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw case…</source>
        <translation>撤回病例(&amp;W)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Open chart</source>
        <translation>打开病历(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to meetings</source>
        <translation>转到会议列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to cases</source>
        <translation>转到病例列表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One PDF: a cover page listing the cases, then one summary per case</source>
        <translation>一个PDF：封面列出全部病例，随后每例一份摘要</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases of the selected meeting</source>
        <translation>所选会议的病例</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>No meeting yet — create one with Ctrl+N.</source>
        <translation>尚无会议——按Ctrl+N新建。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a case to record its decision.</source>
        <translation>请选择病例以记录其决定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision recorded by %1 on %2.</source>
        <translation>决定已由%1于%2记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The decision can be recorded from the meeting date (%1) on.</source>
        <translation>自会议日期（%1）起方可记录决定。</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+11"/>
        <source>Withdraw case</source>
        <translation>撤回病例</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Why is %1 withdrawn from this meeting? (kept in the audit trail)</source>
        <translation>为什么将%1从本次会议撤回？（保留在审计记录中）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing was changed: %1</source>
        <translation>未作任何更改：%1</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Meetings (upcoming first):</source>
        <translation>会议（即将召开的在前）：</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Cases of %1 (%2)</source>
        <translation>%1的病例（%2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/mdt/pack_actions.py" line="+26"/>
        <source>Preparing the case pack…</source>
        <translation>正在准备病例资料包…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+45"/>
        <source>MDT case pack — %1</source>
        <translation>MDT病例资料包 — %1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Preparing case %1 of %2…</source>
        <translation>正在准备第%1例（共%2例）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the pack: %1 of %2 case summaries…</source>
        <translation>正在生成资料包：已完成%1份病例摘要（共%2份）…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 trend plot(s) could not be drawn; those cases are printed without one.</source>
        <translation>%1张趋势图无法绘制；这些病例将不含趋势图。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Case pack cancelled.</source>
        <translation>已取消生成病例资料包。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MDT case pack</source>
        <translation>MDT病例资料包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The case pack could not be generated (%1).</source>
        <translation>无法生成病例资料包（%1）。</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../app/ui/mdt/dialogs.py" line="+93"/>
        <source>New MDT meeting</source>
        <translation>新建MDT会议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit MDT meeting</source>
        <translation>编辑MDT会议</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. Thoracic oncology MDT</source>
        <translation>例如：胸部肿瘤MDT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HH:MM, e.g. 14:00</source>
        <translation>HH:MM，例如 14:00</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Conference room 3, or a video link</source>
        <translation>例如：3号会议室，或视频会议链接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One name (and specialty) per line</source>
        <translation>每行一人（及专业）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting &amp;date:</source>
        <translation>会议日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title (optional):</source>
        <translation>标题（可选）(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ime:</source>
        <translation>时间(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hair:</source>
        <translation>主持人(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attendees:</source>
        <translation>参会人员(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <location filename="../../app/ui/mdt/models.py" line="-59"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cases</source>
        <translation>病例数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upcoming</source>
        <translation>即将召开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>past</source>
        <translation>已召开</translation>
    </message>
</context>
<context>
    <name>ParamsTab</name>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/params_tab.py" line="+110"/>
        <source>Thresholds and time windows of the clinical rules (rule book §9). A value that differs from the rule book&apos;s default is marked &apos;Changed&apos;; only those are written to the file.</source>
        <translation>临床规则的阈值和时间窗（规则手册第 9 节）。与规则手册默认值不同的值标记为“已更改”；只有这些值会写入文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+230"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Restore defaults</source>
        <translation>恢复默认值(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the rule book&apos;s default in every field (saved only when you press Save)</source>
        <translation>将每一项恢复为规则手册的默认值（按“保存”后才写入）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>CTX least significant change (fraction: 0.30 = 30%)</source>
        <translation>CTX 最小有意义变化（比例：0.30 = 30%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALP least significant change (fraction: 0.33 = 33%)</source>
        <translation>ALP 最小有意义变化（比例：0.33 = 33%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look-back for a biomarker rise</source>
        <translation>判断标志物升高的回顾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A symptom counts as recent for</source>
        <translation>症状视为近期的时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Biomarker work-up rules (raised ALP / CTX prompt imaging)</source>
        <translation>标志物检查规则（ALP / CTX 升高提示影像检查）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALP upper limit of normal (when the lab gives none)</source>
        <translation>ALP 正常值上限（检验未提供时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CTX upper limit of normal (when the lab gives none)</source>
        <translation>CTX 正常值上限（检验未提供时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calcium lower limit (when the lab gives none)</source>
        <translation>血钙下限（检验未提供时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calcium upper limit (when the lab gives none)</source>
        <translation>血钙上限（检验未提供时）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Albumin within this many days corrects a calcium</source>
        <translation>用于校正血钙的白蛋白时间范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creatinine must be this recent before a zoledronic acid dose</source>
        <translation>唑来膦酸给药前肌酐结果的最长时效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dental review interval on a bone drug</source>
        <translation>使用骨改良药物期间的口腔复查间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bone drug hold before invasive dental work</source>
        <translation>有创口腔操作前骨改良药物的停药时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dose counts as overdue after</source>
        <translation>给药超过此时间视为逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rebound CTX checks after the last denosumab dose (days, comma-separated)</source>
        <translation>末次地舒单抗后的反跳 CTX 检查时间（天，用逗号分隔）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Give at least one number of days.</source>
        <translation>请至少填写一个天数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An empty item between two commas.</source>
        <translation>两个逗号之间缺少数值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a whole number of days.</source>
        <translation>“%1”不是整数天数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days must be greater than 0.</source>
        <translation>天数必须大于 0。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Must be greater than 0.</source>
        <translation>必须大于 0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must be at least 1 day.</source>
        <translation>至少为 1 天。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Must be above the calcium lower limit (%1 mmol/L).</source>
        <translation>必须高于血钙下限（%1 mmol/L）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>⚠ Invalid: %1</source>
        <translation>⚠ 无效：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>● Changed (site value)</source>
        <translation>● 已更改（本院设定）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Values that cannot be used: %1</source>
        <translation>无法使用的值：%1 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Values changed from the defaults: %1</source>
        <translation>与默认值不同的值：%1 个</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <location filename="../../app/ui/patient_dialog.py" line="+46"/>
        <source>Enter the MRN (medical record number).</source>
        <translation>请输入病历号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another patient already has this MRN.</source>
        <translation>已有其他患者使用此病历号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The MRN is too long.</source>
        <translation>病历号过长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The MRN contains characters that are not allowed.</source>
        <translation>病历号包含不允许的字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name is too long.</source>
        <translation>姓名过长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the sex from the list.</source>
        <translation>请从列表中选择性别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birth date is in the future.</source>
        <translation>出生日期不能晚于今天。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birth date is more than 120 years ago.</source>
        <translation>出生日期早于 120 年前。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The patient must be at least 18 years old.</source>
        <translation>患者须年满 18 岁。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the date as YYYY-MM-DD, e.g. 1958-03-21.</source>
        <translation>请按 YYYY-MM-DD 格式输入日期，例如 1958-03-21。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The weight must be between 20 and 300 kg.</source>
        <translation>体重须在 20 至 300 kg 之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the weight in kg as a number, e.g. 62.5.</source>
        <translation>请以数字输入体重 (kg)，例如 62.5。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose Chinese or English.</source>
        <translation>请选择中文或英文。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a valid phone number (digits, spaces, +, -).</source>
        <translation>请输入有效的电话号码（数字、空格、+、-）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This value is not valid.</source>
        <translation>此值无效。</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Edit patient</source>
        <translation>编辑患者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;MRN:</source>
        <translation>病历号(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weight (kg):</source>
        <translation>体重 (kg)(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Osteoporosis:</source>
        <translation>骨质疏松(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printout &amp;language:</source>
        <translation>打印语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 62.5</source>
        <translation>例如 62.5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload current details</source>
        <translation>重新载入当前资料(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Not saved: this patient was changed elsewhere (another window or workstation) after you opened it. Reload the current details, then make your changes again.</source>
        <translation>未保存：打开后该患者资料已在其他窗口或工作站被修改。请重新载入当前资料，然后再次修改。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../app/ui/printing/preview.py" line="+163"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — preview</source>
        <translation>%1 — 预览</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First page</source>
        <translation>第一页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last page</source>
        <translation>最后一页</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>◀ P&amp;revious</source>
        <translation>◀ 上一页(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Next ▶</source>
        <translation>下一页(&amp;N) ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit width</source>
        <translation>适合宽度(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;age</source>
        <translation>页(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of %1</source>
        <translation>/ 共%1页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages of the document</source>
        <translation>文档页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page %1 of %2</source>
        <translation>第%1页，共%2页</translation>
    </message>
    <message>
        <location line="+112"/>
        <location line="+13"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The file could not be written (%1).</source>
        <translation>无法写入文件（%1）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+19"/>
        <location line="+38"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The document could not be printed (%1).</source>
        <translation>无法打印该文档（%1）。</translation>
    </message>
</context>
<context>
    <name>PresentationPage</name>
    <message>
        <location filename="../../app/ui/workup/pages_start.py" line="+56"/>
        <source>Presentation</source>
        <translation>临床表现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bone pain, neurological deficit and other symptoms today.</source>
        <translation>今日骨痛、神经功能缺损及其他症状。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visit date</source>
        <translation>就诊日期(&amp;V)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bone pa&amp;in</source>
        <translation>骨痛(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pain &amp;pattern</source>
        <translation>疼痛特点(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain &amp;site</source>
        <translation>疼痛部位(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Mechanical pain</source>
        <translation>机械性疼痛(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;urological deficit</source>
        <translation>神经功能缺损(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deficit d&amp;escription</source>
        <translation>缺损描述(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Other symptoms</source>
        <translation>其他症状(&amp;O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>present</source>
        <translation>存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>limb weakness, numbness or sphincter disturbance</source>
        <translation>肢体无力、麻木或括约肌功能障碍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. L3, left femur</source>
        <translation>例如 L3、左股骨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. new weakness of both legs</source>
        <translation>例如 新发双下肢无力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A neurological deficit leads at once to the urgent spinal-cord-compression page.</source>
        <translation>出现神经功能缺损时立即转到脊髓压迫紧急处理页。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../app/ui/forms/base.py" line="+62"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the future: only a planned record can be dated after today.</source>
        <translation>日期在未来：只有计划记录可以晚于今天。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This unit is not accepted for this analyte.</source>
        <translation>此检测项目不接受该单位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too short: write at least 10 characters saying why.</source>
        <translation>太短：请至少用 10 个字符说明原因。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a valid date.</source>
        <translation>请输入有效日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out of range: %1</source>
        <translation>超出范围：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not allowed: %1</source>
        <translation>不允许：%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+144"/>
        <source>Checks with this record (rule, reason, source):</source>
        <translation>与此记录相关的检查（规则、原因、来源）：</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Why is this given despite the critical finding? (kept in the audit log)</source>
        <translation>为何在危急提示下仍给药？（记入审计日志）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override reason</source>
        <translation>越过原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the record (Ctrl+S)</source>
        <translation>保存记录 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Correct: %1</source>
        <translation>更正：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add: %1</source>
        <translation>添加：%1</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>blocks saving</source>
        <translation>阻止保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checks with this record: no new finding.</source>
        <translation>与此记录相关的检查：无新提示。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Critical finding (%1): saving is blocked. To give it anyway, type the reason for the override (at least 10 characters).</source>
        <translation>危急提示（%1）：已阻止保存。如仍要给药，请输入越过提示的原因（至少 10 个字符）。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This patient is no longer in the registry. Nothing was saved.</source>
        <translation>该患者已不在登记库中。未保存任何内容。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>This record was changed on another workstation since the chart was opened. Nothing was saved. Close this form and reopen it from the refreshed chart.</source>
        <translation>打开病历后，此记录已在其他工作站被修改。未保存任何内容。请关闭此表单，并从刷新后的病历重新打开。</translation>
    </message>
    <message>
        <source>must be %1–%2 %3</source>
        <translation>须在 %1–%2 %3 之间</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>须不小于 %1</translation>
    </message>
    <message>
        <source>must be at most %1 mg</source>
        <translation>须不超过 %1 mg</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>须大于 0</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be a multiple of %1</source>
        <translation>须为 %1 的倍数</translation>
    </message>
    <message>
        <source>must not be above the upper reference limit</source>
        <translation>不能高于参考范围上限</translation>
    </message>
    <message>
        <source>must not be before %1</source>
        <translation>不能早于 %1 年</translation>
    </message>
    <message>
        <source>is not a drug of the catalogue</source>
        <translation>不是目录中的药物</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message>
        <location filename="../../app/ui/chart/record_text.py" line="+49"/>
        <source>H (high)</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L (low)</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ref %1</source>
        <translation>参考 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fasting</source>
        <translation>空腹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not fasting</source>
        <translation>非空腹</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (planned)</source>
        <translation>（计划）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stop %1</source>
        <translation>停用 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 every %2 days</source>
        <translation>%1，每 %2 天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bone destruction</source>
        <translation>骨质破坏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Biopsy %1: %2</source>
        <translation>活检 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dental exam</source>
        <translation>口腔检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dental: %1</source>
        <translation>口腔：%1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RegistryTableModel</name>
    <message>
        <location filename="../../app/ui/registry_model.py" line="+65"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histology/Stage</source>
        <translation>病理/分期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bone-met status</source>
        <translation>骨转移状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current bone drug</source>
        <translation>当前骨改良药物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts</source>
        <translation>警示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next due</source>
        <translation>下一项待办</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Overdue %1</source>
        <translation>已逾期 %1</translation>
    </message>
    <message>
        <location line="+298"/>
        <source>Click to sort by this column</source>
        <extracomment>A search&apos;s first query counts at most this many matches (+ 1, to know there are more). rows fetched per page when scrolling on (``fetchMore``) rows a search (or refresh) shows first, unless the view asks for more to fill its height (``first_page_size``): a smaller first page is found and converted sooner — on 100,000 patients, walking the MRN index for 60 rows instead of 200 takes a third of the time a refresh reloads as many rows as were shown (so the selection stays), up to this many (matching, total) after every filter change or refresh the newest query&apos;s rows are shown the newest query failed (exception type name; the rows shown are unchanged) a header click on a column the database cannot sort by (the view restores its indicator)</extracomment>
        <translation>点击按此列排序</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Sex %1, age %2</source>
        <translation>性别 %1，年龄 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alerts: not yet assessed</source>
        <translation>警示：尚未评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts: %1, highest severity %2</source>
        <translation>警示：%1 项，最高级别 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>denosumab rebound window open</source>
        <translation>地舒单抗停药反跳风险期</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <location filename="../../app/ui/registry_view.py" line="+62"/>
        <source>Patients</source>
        <extracomment>False: every row is painted by QTableView (tests compare the two)</extracomment>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patients matching the search. Enter opens the selected patient.</source>
        <translation>与搜索匹配的患者。按回车键打开所选患者。</translation>
    </message>
</context>
<context>
    <name>ReviewListModel</name>
    <message>
        <location filename="../../app/ui/labreview/window.py" line="-171"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <location filename="../../app/ui/workup/pages_start.py" line="+126"/>
        <source>Risk profile</source>
        <translation>风险概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefilled from the chart; corrections are saved to the chart when the work-up is completed.</source>
        <translation>已根据病历预填；更正将在评估完成时保存到病历。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stage</source>
        <translation>分期(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Histology</source>
        <translation>病理类型(&amp;H)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Driver testing</source>
        <translation>驱动基因检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;rivers (positive)</source>
        <translation>驱动基因（阳性）(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visceral staging</source>
        <translation>内脏分期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visceral metastases</source>
        <translation>内脏转移(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>don&amp;e (empty list = none found)</source>
        <translation>已完成（空列表 = 未发现）(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>s&amp;taged (empty list = none)</source>
        <translation>已分期（空列表 = 无）(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma-separated, e.g. EGFR L858R</source>
        <translation>以逗号分隔，例如 EGFR L858R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma-separated organs, e.g. liver, adrenal</source>
        <translation>以逗号分隔的器官，例如 肝, 肾上腺</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+8"/>
        <source>High-risk factors</source>
        <translation>高危因素</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Bone metastasis is already confirmed: screening does not apply.</source>
        <translation>骨转移已确诊：不适用筛查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High risk of bone metastasis (WU-HIGH-RISK)</source>
        <translation>骨转移高风险 (WU-HIGH-RISK)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None of the rule book&apos;s high-risk factors is recorded.</source>
        <translation>未记录规则手册中的任何高危因素。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../app/ui/registry_view.py" line="+96"/>
        <source>Search: MRN, name, pinyin or initials (e.g. zxy)  [Ctrl+F]</source>
        <translation>搜索：病历号、姓名、拼音或首字母（如 zxy）  [Ctrl+F]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search patients</source>
        <translation>搜索患者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type an MRN, a name, its pinyin or pinyin initials; Up and Down choose a patient, Enter opens it.</source>
        <translation>输入病历号、姓名、拼音或拼音首字母；用上下方向键选择患者，按回车键打开。</translation>
    </message>
</context>
<context>
    <name>SectionDialog</name>
    <message>
        <location filename="../../app/ui/forms/section_forms.py" line="-36"/>
        <source>Edit: %1</source>
        <translation>编辑：%1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>Lab &amp;feeds</source>
        <translation>检验结果接收(&amp;F)</translation>
    </message>
    <message>
        <source>Lab feeds: %1</source>
        <translation>检验结果接收：%1</translation>
    </message>
    <message>
        <source>The lab-feed settings could not be saved: %1</source>
        <translation>检验结果接收设置无法保存：%1</translation>
    </message>
    <message>
        <source>The clinic details could not be saved: %1</source>
        <translation>无法保存门诊信息：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="+21"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Rule parameters</source>
        <translation>规则参数(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clinic</source>
        <translation>诊所(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backups</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La&amp;nguage</source>
        <translation>语言(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab anal&amp;yte codes</source>
        <translation>化验代码(&amp;Y)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Parameter file: %1</source>
        <translation>参数文件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not created yet: the rule book&apos;s defaults are in use)</source>
        <translation>（尚未创建：正在使用规则手册的默认值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The saved parameters differ from the ones in use: they take effect when BoneMet is restarted.</source>
        <translation>已保存的参数与当前使用的参数不同：重新启动 BoneMet 后生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes take effect when BoneMet is restarted.</source>
        <translation>更改在重新启动 BoneMet 后生效。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Some rule parameters cannot be used (marked &quot;Invalid&quot;). Correct them, or Restore defaults, before saving.</source>
        <translation>部分规则参数无法使用（标记为“无效”）。请先改正，或恢复默认值，然后再保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The lab codes could not be saved: %1</source>
        <translation>化验代码无法保存：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The rule parameters could not be saved: %1</source>
        <translation>无法保存规则参数：%1</translation>
    </message>
</context>
<context>
    <name>SettingsHub</name>
    <message>
        <source>Rule parameters of this site, clinic details for care plans, language, lab feeds</source>
        <translation>本院的规则参数、诊疗计划上的诊所信息、语言、检验结果接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/install.py" line="+58"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule parameters of this site, clinic details for care plans, language</source>
        <translation>本院的规则参数、诊疗计划上的诊所信息、语言</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The rule parameters were saved. They are the ones in use.</source>
        <translation>规则参数已保存，与当前使用的参数一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule parameters saved.</source>
        <translation>规则参数已保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule parameters saved: restart BoneMet to apply them.</source>
        <translation>规则参数已保存：重新启动 BoneMet 后生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rule parameters were saved to %1.

BoneMet uses the parameters it loaded at start-up until it is restarted: restart BoneMet to apply the new values to charts, the worklist, MDT packs and work-ups. Then View → Recompute all summaries brings the registry list up to date.</source>
        <translation>规则参数已保存到 %1。

BoneMet 在重新启动前一直使用启动时载入的参数：请重新启动 BoneMet，使新参数用于病历、工作清单、MDT 资料包和检查评估。之后使用“视图 → 重新计算全部摘要”更新患者列表。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rule parameters saved</source>
        <translation>规则参数已保存</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/cli/gui_cmd.py" line="+97"/>
        <source>BoneMet Workstation</source>
        <translation>骨转移诊疗工作站</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The site&apos;s rule parameter file cannot be used, so BoneMet will not start: the rules must not run on values the site did not choose. Correct the file (or remove it to use the rule book&apos;s defaults), then start BoneMet again.</source>
        <translation>本院的规则参数文件无法使用，BoneMet 不会启动：临床规则不能使用本院未选定的参数运行。请改正该文件（或删除它以使用规则手册的默认值），然后重新启动 BoneMet。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+26"/>
        <source>This database cannot be opened.</source>
        <translation>无法打开此数据库。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>This database was written by a newer version of BoneMet. Update BoneMet to open it; the database was not changed.</source>
        <translation>此数据库由更新版本的 BoneMet 写入。请升级 BoneMet 后再打开；数据库未被改动。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The database could not be opened.</source>
        <translation>数据库打开失败。</translation>
    </message>
</context>
<context>
    <name>StatusOverrideForm</name>
    <message>
        <location filename="../../app/ui/forms/section_forms.py" line="+56"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From date</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;By</source>
        <translation>操作者(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: why the derived status is replaced</source>
        <translation>必填：为何替换推导出的状态</translation>
    </message>
</context>
<context>
    <name>StopForm</name>
    <message>
        <location filename="../../app/ui/forms/simple_forms.py" line="-16"/>
        <source>D&amp;rug</source>
        <translation>药物(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;eason</source>
        <translation>原因(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the drug is stopped (recommended)</source>
        <translation>停药原因（建议填写）</translation>
    </message>
</context>
<context>
    <name>StudyForm</name>
    <message>
        <location filename="../../app/ui/workup/pages_imaging.py" line="-172"/>
        <source>Study dat&amp;e</source>
        <translation>检查日期(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M&amp;odality</source>
        <translation>检查方式(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Region</source>
        <translation>部位(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ult</source>
        <translation>结果(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pa&amp;ttern</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bone destruction</source>
        <translation>骨质破坏</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;seen (cortical break, lysis)</source>
        <translation>可见（皮质中断、溶骨）(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. L3, left femur, whole body</source>
        <translation>例如 L3、左股骨、全身</translation>
    </message>
</context>
<context>
    <name>SupplementsForm</name>
    <message>
        <location filename="../../app/ui/forms/section_forms.py" line="-13"/>
        <source>&amp;Calcium supplement</source>
        <translation>钙剂补充(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vitamin D supplement</source>
        <translation>维生素 D 补充(&amp;V)</translation>
    </message>
</context>
<context>
    <name>SymptomForm</name>
    <message>
        <location filename="../../app/ui/forms/simple_forms.py" line="-42"/>
        <source>&amp;Symptom</source>
        <translation>症状(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pain pattern</source>
        <translation>疼痛特点(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For bone pain: fixed site or migratory</source>
        <translation>骨痛：固定部位或游走性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ite</source>
        <translation>部位(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mechanical pain</source>
        <translation>机械性疼痛(&amp;M)</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../app/ui/chart/timeline.py" line="+58"/>
        <source>Date (newest first)</source>
        <translation>日期（最新在前）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>MDT decision</source>
        <translation>MDT决定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Override: %1</source>
        <translation>越过：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>planned — overdue</source>
        <translation>计划 — 已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned</source>
        <translation>计划</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location line="+46"/>
        <source>Timeline of records</source>
        <translation>记录时间线</translation>
    </message>
</context>
<context>
    <name>Trends</name>
    <message>
        <source>1 &amp;year</source>
        <translation>1 年(&amp;Y)</translation>
    </message>
    <message>
        <source>3 year&amp;s</source>
        <translation>3 年(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/badge.py" line="+89"/>
        <source>Denosumab rebound risk</source>
        <translation>地舒单抗停药反跳风险</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rebound risk</source>
        <translation>反跳风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denosumab stopped — rebound-risk window open</source>
        <translation>地舒单抗已停用 — 处于反跳风险期</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/plot.py" line="+264"/>
        <source>Trend plot: ALP and CTX over time</source>
        <translation>趋势图：ALP 和 CTX 随时间变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALP (U/L)</source>
        <translation>ALP (U/L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corr. calcium (mmol/L)</source>
        <translation>校正钙 (mmol/L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creatinine (µmol/L)</source>
        <translation>肌酐 (µmol/L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/ui/trends/table.py" line="+78"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CTX (ng/mL, log)</source>
        <translation>CTX（ng/mL，对数）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CTX (ng/mL)</source>
        <translation>CTX (ng/mL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/plot_legend.py" line="+26"/>
        <location filename="../../app/ui/trends/text.py" line="+27"/>
        <source>ALP</source>
        <translation>ALP</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/ui/trends/text.py" line="+1"/>
        <source>CTX</source>
        <translation>CTX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corr. calcium</source>
        <translation>校正钙</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/ui/trends/text.py" line="+2"/>
        <source>Creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>hollow: converted unit or planned</source>
        <translation>空心：单位已换算或为计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} reference range</source>
        <translation>{name}参考范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} LSC band</source>
        <translation>{name}最小显著变化带</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>bone-drug dose (lane per drug)</source>
        <translation>骨改良药物给药（每药一行）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>lab method or unit change</source>
        <translation>检测方法或单位变更</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>rebound peak window</source>
        <translation>反跳高峰期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>monitoring window</source>
        <translation>监测期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stop</source>
        <translation>停药</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/plot_items.py" line="+53"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{n} results from {start} to {end}; the table beside the plot lists them.</source>
        <translation>{start} 至 {end} 共 {n} 项结果；图旁的表格列出了这些结果。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>lab&apos;s range</source>
        <translation>实验室范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default range</source>
        <translation>默认范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} reference range ({source}): {range}</source>
        <translation>{name} 参考范围（{source}）：{range}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>nadir</source>
        <translation>最低值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} least significant change ±{pct}% around the {anchor} {value} {unit} ({date}): {low}–{high}</source>
        <translation>{name} 最小显著变化 ±{pct}%，以{anchor} {value} {unit}（{date}）为中心：{low}–{high}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Peak window (days 60–120)</source>
        <translation>高峰期（第 60–120 天）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rebound-risk window open: day {day} of 395</source>
        <translation>处于反跳风险期：第 {day}/395 天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rebound monitoring (days 0–395)</source>
        <translation>反跳监测（第 0–395 天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label}: {start} – {end}</source>
        <translation>{label}：{start} – {end}</translation>
    </message>
    <message>
        <location line="+43"/>
        <location filename="../../app/ui/trends/plot_legend.py" line="+11"/>
        <source>As of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/plot_lanes.py" line="+35"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lab changes</source>
        <translation>检验变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/table.py" line="+1"/>
        <source>Test</source>
        <translation>检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plotted as</source>
        <translation>绘图单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H/L</source>
        <translation>高/低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fasting</source>
        <translation>空腹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/text.py" line="-1"/>
        <source>Corrected calcium</source>
        <translation>校正钙</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>H</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>H (above the reference range)</source>
        <translation>高（高于参考范围）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L (below the reference range)</source>
        <translation>低（低于参考范围）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within range</source>
        <translation>在范围内</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>≤ {high} {unit}</source>
        <translation>≤ {high} {unit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>≥ {low} {unit}</source>
        <translation>≥ {low} {unit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{low}–{high} {unit}</source>
        <translation>{low}–{high} {unit}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name}: {value} {unit} (as reported)</source>
        <translation>{name}：{value} {unit}（按报告）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>albumin-corrected</source>
        <translation>白蛋白校正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not corrected (no albumin)</source>
        <translation>未校正（无白蛋白）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corrected: {value} {unit} ({state})</source>
        <translation>校正值：{value} {unit}（{state}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plotted as {value} {unit}</source>
        <translation>绘图值 {value} {unit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date: {date}</source>
        <translation>日期：{date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fasting: {fasting}</source>
        <translation>空腹：{fasting}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag: {flag}</source>
        <translation>标记：{flag}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference: {range}</source>
        <translation>参考范围：{range}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method: {method}</source>
        <translation>方法：{method}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pathological fracture</source>
        <translation>病理性骨折</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Fracture</source>
        <translation>骨折</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Spinal cord compression</source>
        <translation>脊髓压迫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radiotherapy</source>
        <translation>放疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surgery to bone</source>
        <translation>骨手术</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Vertebroplasty</source>
        <translation>椎体成形术</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Hypercalcaemia</source>
        <translation>高钙血症</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Osteonecrosis of the jaw</source>
        <translation>颌骨坏死</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Path. fracture</source>
        <translation>病理性骨折</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cord compression</source>
        <translation>脊髓压迫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RT</source>
        <translation>放疗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surgery</source>
        <translation>手术</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ONJ</source>
        <translation>颌骨坏死</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{event} on {date}</source>
        <translation>{event}（{date}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Region: {region}</source>
        <translation>部位：{region}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vertebral</source>
        <translation>椎体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{drug} {dose} mg planned for {date}</source>
        <translation>{drug} {dose} mg，计划于 {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{drug} {dose} mg on {date}</source>
        <translation>{drug} {dose} mg（{date}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop: {drug}</source>
        <translation>停药：{drug}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{drug} overdue: unrecorded stop</source>
        <translation>{drug} 已逾期：未记录的停药</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name}: method changed from {before} to {after} on {date}</source>
        <translation>{name}：检测方法于 {date} 由 {before} 改为 {after}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: unit changed from {before} to {after} on {date}</source>
        <translation>{name}：单位于 {date} 由 {before} 改为 {after}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>elevated</source>
        <translation>升高</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rebound! day {day}</source>
        <translation>反跳！第 {day} 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rebound risk: day {day}/395</source>
        <translation>反跳风险：第 {day}/395 天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Denosumab stopped — rebound-risk window open: day {day} of 395, risk {level}</source>
        <translation>地舒单抗已停用 — 处于反跳风险期：第 {day}/395 天，风险 {level}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last dose {last} · peak window {start} – {end}{now} · window ends {end_all}</source>
        <translation>末次给药 {last} · 高峰期 {start} – {end}{now} · 风险期结束 {end_all}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+38"/>
        <source> (now)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+38"/>
        <source>Checks due (fasting CTX + calcium): {dates}</source>
        <translation>应复查（空腹 CTX + 血钙）：{dates}</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>CTX rebound</source>
        <translation>CTX 反跳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebound hypercalcaemia</source>
        <translation>反跳性高钙血症</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebound vertebral fracture</source>
        <translation>反跳性椎体骨折</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rebound found: {what} — see the alerts</source>
        <translation>发现反跳：{what} — 请查看警示</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stop recorded {date}</source>
        <translation>已记录停药 {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no dose for more than the interval + 56 days (unrecorded stop)</source>
        <translation>超过间隔 + 56 天未给药（未记录的停药）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Denosumab stopped — rebound-risk window open (day {day} of 0–395)</source>
        <translation>地舒单抗已停用 — 处于反跳风险期（第 {day} 天，共 0–395 天）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last dose {date}; {stop}</source>
        <translation>末次给药 {date}；{stop}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peak window {start} – {end}{now}</source>
        <translation>高峰期 {start} – {end}{now}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Window ends {date}</source>
        <translation>风险期结束于 {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Risk level: {level}</source>
        <translation>风险等级：{level}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CTX nadir {value} ng/mL ({date})</source>
        <translation>CTX 最低值 {value} ng/mL（{date}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{rule}: {message}</source>
        <translation>{rule}：{message}</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/view.py" line="+239"/>
        <source>Export trend plot</source>
        <translation>导出趋势图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image could not be saved: {error}</source>
        <translation>图像无法保存：{error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;1 year</source>
        <translation>1 年(&amp;1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;3 years</source>
        <translation>3 年(&amp;3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All</source>
        <translation>全部(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show range: {range}</source>
        <translation>显示范围：{range}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log scale (CTX)</source>
        <translation>对数坐标 (CTX)(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Calcium and creatinine</source>
        <translation>钙和肌酐(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export PNG…</source>
        <translation>导出 PNG(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the plot as a print-resolution PNG</source>
        <translation>将图保存为打印分辨率的 PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trend table: the plotted results</source>
        <translation>趋势表：图中的结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/date_axis.py" line="+15"/>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../../app/ui/trends/export.py" line="+42"/>
        <source>Patient: %1 · MRN: %2</source>
        <translation>患者：%1 · 病历号：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ALP and CTX from %1 to %2 · printed %3</source>
        <translation>ALP 与 CTX：%1 至 %2 · 打印于 %3</translation>
    </message>
</context>
<context>
    <name>UrgentPage</name>
    <message>
        <location filename="../../app/ui/workup/pages_start.py" line="-122"/>
        <source>Urgent: suspected spinal cord compression</source>
        <translation>紧急：疑似脊髓压迫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act now; the rest of the work-up can wait.</source>
        <translation>请立即处理；其余评估可稍后进行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole-spine &amp;MRI requested (within 24 hours)</source>
        <translation>已申请全脊柱 MRI（24 小时内）(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Corticosteroids started</source>
        <translation>已开始使用糖皮质激素(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent spinal surgery / radiotherapy &amp;referral made</source>
        <translation>已紧急转诊脊柱外科 / 放疗(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cord compression &amp;seen at (level)</source>
        <translation>脊髓压迫所见节段(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only if imaging already shows it, e.g. T10</source>
        <translation>仅当影像已显示时填写，例如 T10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue with the full &amp;work-up after this page</source>
        <translation>本页之后继续完整评估(&amp;W)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>WU-MSCC (critical)</source>
        <translation>WU-MSCC（危急）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <location filename="../../app/ui/worklist/model.py" line="+47"/>
        <source>Critical finding</source>
        <translation>危急提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose overdue</source>
        <translation>给药已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose due</source>
        <translation>给药到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rebound window: checks</source>
        <translation>反跳风险期：复查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dental</source>
        <translation>口腔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work-up to confirm</source>
        <translation>待确认的评估</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location line="+166"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+30"/>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (saved summary, not yet re-checked)</source>
        <translation>%1（已保存的摘要，尚未重新核查）</translation>
    </message>
</context>
<context>
    <name>WorklistWindow</name>
    <message>
        <source>Cancel compu&amp;tation</source>
        <translation>取消计算(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/worklist/window.py" line="+147"/>
        <source>BoneMet Workstation — Worklist</source>
        <translation>骨转移诊疗工作站 — 工作清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Worklist</source>
        <translation>工作清单(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recompute</source>
        <translation>重新计算(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel computation</source>
        <translation>取消计算(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRN, name, rule ID or text (Ctrl+F)</source>
        <translation>病历号、姓名、规则编号或文字 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worklist: patients needing action</source>
        <translation>工作清单：需处理的患者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Computing the worklist…</source>
        <translation>正在计算工作清单…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 items from the saved summaries; checking the details…</source>
        <translation>已保存摘要中的 %1 项；正在核查详情…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This patient&apos;s rows could not be updated (F5 recomputes the list).</source>
        <translation>未能更新该患者的条目（按 F5 重新计算列表）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 items; checked %2 of %3 patients…</source>
        <translation>%1 项；已核查 %2/%3 名患者…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 items for %2 patients</source>
        <translation>%2 名患者共 %1 项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cancelled: the list is incomplete (F5 to recompute)</source>
        <translation>已取消：清单不完整（按 F5 重新计算）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The worklist could not be computed (%1).</source>
        <translation>无法计算工作清单（%1）。</translation>
    </message>
</context>
<context>
    <name>WorkupWizard</name>
    <message>
        <source>changes the chart&apos;s value: tick the change to confirm it</source>
        <translation>将修改病历原值：请勾选该修改以确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/workup/wizard.py" line="+99"/>
        <source>Bone-metastasis work-up — %1 (resumed draft)</source>
        <translation>骨转移评估 — %1（继续草稿）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bone-metastasis work-up — %1</source>
        <translation>骨转移评估 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Complete work-up</source>
        <translation>完成评估(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the work-up as a draft (Ctrl+S)</source>
        <translation>将评估保存为草稿 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The draft could not be saved</source>
        <translation>草稿无法保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bone-metastasis work-up — %1 (draft saved)</source>
        <translation>骨转移评估 — %1（草稿已保存）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Someone else saved this work-up meanwhile: close it and open it again.</source>
        <translation>其他人已同时保存了此评估：请关闭后重新打开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This work-up was already completed or cancelled.</source>
        <translation>此评估已完成或已取消。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is in the future: only a planned record can be dated after today</source>
        <translation>日期在未来：只有计划记录可以晚于今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a unit of this analyte</source>
        <translation>不是此检测项目的单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not an allowed value</source>
        <translation>不是允许的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has the wrong type</source>
        <translation>类型错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the patient is already listed for this meeting</source>
        <translation>该患者已列入此次会议</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Discard the work-up?</source>
        <translation>放弃本次评估？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard the changes made since the draft was saved? The saved draft stays and can be resumed.</source>
        <translation>放弃草稿保存后的修改？已保存的草稿会保留，可继续编辑。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard everything entered in this work-up?</source>
        <translation>放弃本次评估中输入的所有内容？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save draft and close</source>
        <translation>保存草稿并关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Bone-metastasis &amp;work-up…</source>
        <extracomment>The chart&apos;s shortcut for the work-up (the registry window&apos;s Ctrl+Shift+W is the worklist).</extracomment>
        <translation>骨转移评估(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>_Dated</name>
    <message>
        <location filename="../../app/ui/forms/simple_forms.py" line="-14"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
</context>
<context>
    <name>_MarkerBox</name>
    <message>
        <location filename="../../app/ui/workup/pages_labs.py" line="-99"/>
        <source>&amp;ALP value</source>
        <translation>ALP 数值(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;CTX value</source>
        <translation>CTX 数值(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fasting</source>
        <translation>空腹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper limit (lab)</source>
        <translation>上限（实验室）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fasting morning sample</source>
        <translation>晨起空腹样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leave empty if not measured</source>
        <translation>未检测则留空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional, in the unit above</source>
        <translation>可选，使用上方单位</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 value: expected a number greater than 0</source>
        <translation>%1 数值：应为大于 0 的数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 upper limit: expected a number greater than 0</source>
        <translation>%1 上限：应为大于 0 的数字</translation>
    </message>
</context>
<context>
    <name>OncologyHistory</name>
    <message>
        <source>Pain score &amp;NRS (0–10)</source>
        <translation>疼痛评分 NRS（0–10）(&amp;N)</translation>
    </message>
    <message>
        <source>Numeric rating scale: 0 no pain … 10 worst pain imaginable</source>
        <translation>数字评分法：0 无痛 … 10 能想象的最剧烈疼痛</translation>
    </message>
    <message>
        <source>&amp;WHO analgesic step</source>
        <translation>WHO 镇痛阶梯(&amp;W)</translation>
    </message>
    <message>
        <source>Report &amp;text</source>
        <translation>报告原文(&amp;T)</translation>
    </message>
    <message>
        <source>The radiologist's report as written (Tab leaves the field)</source>
        <translation>影像科报告原文（按 Tab 离开此栏）</translation>
    </message>
    <message>
        <source>Oral &amp;hygiene</source>
        <translation>口腔卫生(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Infection</source>
        <translation>感染(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xtraction needed</source>
        <translation>需拔牙(&amp;X)</translation>
    </message>
    <message>
        <source>An exam that found an extraction needed is not a dental clearance before a first bone-drug dose</source>
        <translation>发现需拔牙的口腔检查不算首次骨改良药物前的口腔准入</translation>
    </message>
    <message>
        <source>Largest &amp;diameter (mm)</source>
        <translation>最大径（mm）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;First seen (date)</source>
        <translation>首次发现日期(&amp;F)</translation>
    </message>
    <message>
        <source>When the lesion was first seen on imaging (empty: not known)</source>
        <translation>影像上首次发现该病灶的日期（留空：不详）</translation>
    </message>
    <message>
        <source>Oncology history</source>
        <translation>肿瘤病史</translation>
    </message>
    <message>
        <source>&amp;Oncology history</source>
        <translation>肿瘤病史(&amp;O)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>must not be before the birth date</source>
        <translation>不能早于出生日期</translation>
    </message>
    <message>
        <source>must not be before the start</source>
        <translation>不能早于开始日期</translation>
    </message>
    <message>
        <source>must be 0 for a never-smoker</source>
        <translation>从不吸烟者应为 0</translation>
    </message>
    <message>
        <source>only a stopped line has a reason for stop</source>
        <translation>只有已停止的治疗线才有停药原因</translation>
    </message>
    <message>
        <source>must have at most %1 drugs</source>
        <translation>最多 %1 种药物</translation>
    </message>
</context>
<context>
    <name>TherapyLineForm</name>
    <message>
        <source>&amp;Line number</source>
        <translation>治疗线数(&amp;L)</translation>
    </message>
    <message>
        <source>1 for first-line therapy, 2 for second line, …</source>
        <translation>一线治疗填 1，二线填 2，…</translation>
    </message>
    <message>
        <source>Dr&amp;ugs</source>
        <translation>药物(&amp;U)</translation>
    </message>
    <message>
        <source>Drug names, comma-separated (e.g. furmonertinib, savolitinib)</source>
        <translation>药物名称，以逗号分隔（如 伏美替尼, 赛沃替尼）</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>停止(&amp;P)</translation>
    </message>
    <message>
        <source>Empty while the line goes on</source>
        <translation>治疗仍在进行时留空</translation>
    </message>
    <message>
        <source>&amp;Reason for stop</source>
        <translation>停药原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Best response (RECIST)</source>
        <translation>最佳疗效（RECIST）(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. resistance mutation found at progression</source>
        <translation>如 进展时发现的耐药突变</translation>
    </message>
</context>
<context>
    <name>Pdl1Form</name>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;TPS (%)</source>
        <translation>TPS（%）(&amp;T)</translation>
    </message>
    <message>
        <source>Tumour proportion score, 0–100 %</source>
        <translation>肿瘤细胞阳性比例分数，0–100 %</translation>
    </message>
    <message>
        <source>&amp;CPS</source>
        <translation>CPS(&amp;C)</translation>
    </message>
    <message>
        <source>Combined positive score, 0–100</source>
        <translation>联合阳性分数，0–100</translation>
    </message>
    <message>
        <source>&amp;Assay (antibody clone)</source>
        <translation>检测抗体克隆号(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 22C3, SP263</source>
        <translation>如 22C3、SP263</translation>
    </message>
</context>
<context>
    <name>SmokingForm</name>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>吸烟状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pack-years</source>
        <translation>包年(&amp;P)</translation>
    </message>
    <message>
        <source>Packs a day × years smoked</source>
        <translation>每日包数 × 吸烟年数</translation>
    </message>
</context>
<context>
    <name>CourseForm</name>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Milestone</source>
        <translation>病程节点(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;tage (AJCC 8th)</source>
        <translation>分期（AJCC第8版）(&amp;T)</translation>
    </message>
</context>
<context>
    <name>OncologyView</name>
    <message>
        <source>Oncology history records</source>
        <translation>肿瘤病史记录</translation>
    </message>
    <message>
        <source>No oncology history recorded yet: add therapy lines, PD-L1, smoking and the diagnosis from the Record menu.</source>
        <translation>尚无肿瘤病史记录：请从“记录”菜单添加治疗线、PD-L1、吸烟史和确诊信息。</translation>
    </message>
</context>
</TS>
