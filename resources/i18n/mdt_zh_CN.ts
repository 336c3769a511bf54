<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddCaseDialog</name>
    <message>
        <location filename="../work/main/app/ui/mdt/dialogs.py" line="+196" />
        <source>Add a patient to an MDT meeting</source>
        <translation>将患者加入MDT会议</translation>
    </message>
    <message>
        <location line="+9" />
        <source>MRN, name or pinyin — pick from the list</source>
        <translation>病历号、姓名或拼音——从列表中选择</translation>
    </message>
    <message>
        <location line="+11" />
        <source>What should the MDT decide? e.g. radiotherapy or surgery for L3?</source>
        <translation>需要MDT决定什么？例如：L3放疗还是手术？</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Meeting:</source>
        <translation>会议(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Patient (MRN):</source>
        <translation>患者（病历号）(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
</context>
<context>
    <name>CarePlanPrint</name>
    <message>
        <location filename="../work/main/app/ui/printing/careplan_print.py" line="+118" />
        <source>Preparing the care plan…</source>
        <translation>正在生成患者管理计划…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+38" />
        <source>Print care plan</source>
        <translation>打印患者管理计划</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Care plan — %1</source>
        <translation>患者管理计划 — %1</translation>
    </message>
    <message>
        <location line="+16" />
        <source>The care plan could not be prepared (%1).</source>
        <translation>无法生成患者管理计划（%1）。</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../work/main/app/ui/mdt/models.py" line="+113" />
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Question for the MDT</source>
        <translation>提交MDT的问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location line="+19" />
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
</context>
<context>
    <name>ChartDocuments</name>
    <message>
        <location filename="../work/main/app/ui/mdt/install.py" line="+62" />
        <source>&amp;Documents</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Print care plan…</source>
        <translation>打印患者管理计划(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The patient's care plan in their language: preview, print, save as PDF</source>
        <translation>以患者的语言生成管理计划：预览、打印、另存为PDF</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add to &amp;MDT meeting…</source>
        <translation>加入MDT会议(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>List this patient for an upcoming MDT meeting with a question</source>
        <translation>将此患者连同问题列入即将召开的MDT会议</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Add to MDT meeting</source>
        <translation>加入MDT会议</translation>
    </message>
    <message>
        <location line="+1" />
        <source>There is no upcoming MDT meeting. Create one in the MDT meetings window (registry window: View → MDT meetings, Ctrl+M).</source>
        <translation>没有即将召开的MDT会议。请在MDT会议窗口中新建（登记窗口：视图 → MDT会议，Ctrl+M）。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Listed for the MDT meeting on %1.</source>
        <translation>已列入%1的MDT会议。</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../work/main/app/ui/mdt/dialogs.py" line="+48" />
        <source>Record the MDT decision</source>
        <translation>记录MDT决定</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Patient:</source>
        <translation>患者：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Decision:</source>
        <translation>决定(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recorded once, with your name and the time (audit trail).</source>
        <translation>只能记录一次，并记下您的姓名和时间（审计记录）。</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <location filename="../work/main/app/ui/printing/careplan_print.py" line="-113" />
        <source>Print care plan</source>
        <translation>打印患者管理计划</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Language of the care plan</source>
        <translation>管理计划的语言</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The patient's preferred language (registry) is preselected.</source>
        <translation>已预选患者的首选语言（登记信息）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>MdtErrors</name>
    <message>
        <location filename="../work/main/app/ui/mdt/dialogs.py" line="-232" />
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+2" />
        <source>a meeting on this date already exists</source>
        <translation>该日期已有会议</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no patient with this MRN in the registry</source>
        <translation>登记库中没有此病历号的患者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>this patient is already listed for this meeting</source>
        <translation>该患者已列入本次会议</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the meeting has not taken place yet</source>
        <translation>会议尚未召开</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no such meeting (reload the list)</source>
        <translation>会议不存在（请刷新列表）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no such case (reload the list)</source>
        <translation>病例不存在（请刷新列表）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>too long (at most %1 characters)</source>
        <translation>过长（最多%1个字符）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>already recorded; withdraw the case (entered in error) and list it again to correct it</source>
        <translation>已记录；如需更正，请撤回该病例（录入错误）后重新列入</translation>
    </message>
    <message>
        <location line="+3" />
        <source>changed on another workstation; reload the list</source>
        <translation>已在其他工作站上被修改；请刷新列表</translation>
    </message>
</context>
<context>
    <name>MdtHub</name>
    <message>
        <location filename="../work/main/app/ui/mdt/install.py" line="+40" />
        <source>MDT &amp;meetings</source>
        <translation>MDT会议(&amp;M)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Meetings, their cases and decisions; generate the case pack</source>
        <translation>会议、病例及决定；生成病例资料包</translation>
    </message>
</context>
<context>
    <name>MdtTimeline</name>
    <message>
        <location filename="../work/main/app/ui/mdt/timeline_rows.py" line="+38" />
        <source>%1 (question: %2)</source>
        <translation>%1（问题：%2）</translation>
    </message>
</context>
<context>
    <name>MdtWindow</name>
    <message>
        <location filename="../work/main/app/ui/mdt/window.py" line="+212" />
        <location line="+21" />
        <source>MDT meetings</source>
        <translation>MDT会议</translation>
    </message>
    <message>
        <location line="-20" />
        <source>&amp;Meeting</source>
        <translation>会议(&amp;M)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Case</source>
        <translation>病例(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pack &amp;language</source>
        <translation>资料包语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MDT actions</source>
        <translation>MDT操作</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;New meeting…</source>
        <translation>新建会议(&amp;N)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Generate case pack…</source>
        <translation>生成病例资料包(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Add patient…</source>
        <translation>添加患者(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Record &amp;decision…</source>
        <translation>记录决定(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Withdraw case…</source>
        <translation>撤回病例(&amp;W)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Open chart</source>
        <translation>打开病历(&amp;O)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go to meetings</source>
        <translation>转到会议列表</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go to cases</source>
        <translation>转到病例列表</translation>
    </message>
    <message>
        <location line="+7" />
        <source>One PDF: a cover page listing the cases, then one summary per case</source>
        <translation>一个PDF：封面列出全部病例，随后每例一份摘要</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Meetings (upcoming first):</source>
        <translation>会议（即将召开的在前）：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cases of the selected meeting</source>
        <translation>所选会议的病例</translation>
    </message>
    <message>
        <location line="+58" />
        <source>No meeting yet — create one with Ctrl+N.</source>
        <translation>尚无会议——按Ctrl+N新建。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cases of %1 (%2)</source>
        <translation>%1的病例（%2）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Select a case to record its decision.</source>
        <translation>请选择病例以记录其决定。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Decision recorded by %1 on %2.</source>
        <translation>决定已由%1于%2记录。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The decision can be recorded from the meeting date (%1) on.</source>
        <translation>自会议日期（%1）起方可记录决定。</translation>
    </message>
    <message>
        <location line="+59" />
        <location line="+11" />
        <source>Withdraw case</source>
        <translation>撤回病例</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Why is %1 withdrawn from this meeting? (kept in the audit trail)</source>
        <translation>为什么将%1从本次会议撤回？（保留在审计记录中）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Nothing was changed: %1</source>
        <translation>未作任何更改：%1</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Preparing the case pack…</source>
        <translation>正在准备病例资料包…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+45" />
        <source>MDT case pack — %1</source>
        <translation>MDT病例资料包 — %1</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Preparing case %1 of %2…</source>
        <translation>正在准备第%1例（共%2例）…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Writing the pack: %1 of %2 case summaries…</source>
        <translation>正在生成资料包：已完成%1份病例摘要（共%2份）…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 trend plot(s) could not be drawn; those cases are printed without one.</source>
        <translation>%1张趋势图无法绘制；这些病例将不含趋势图。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Case pack cancelled.</source>
        <translation>已取消生成病例资料包。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>MDT case pack</source>
        <translation>MDT病例资料包</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The case pack could not be generated (%1).</source>
        <translation>无法生成病例资料包（%1）。</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../work/main/app/ui/mdt/dialogs.py" line="+91" />
        <source>New MDT meeting</source>
        <translation>新建MDT会议</translation>
    </message>
    <message>
        <location line="+7" />
        <source>e.g. Thoracic oncology MDT</source>
        <translation>例如：胸部肿瘤MDT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Meeting &amp;date:</source>
        <translation>会议日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Title (optional):</source>
        <translation>标题（可选）(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <location filename="../work/main/app/ui/mdt/models.py" line="-73" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cases</source>
        <translation>病例数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+18" />
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1" />
        <source>upcoming</source>
        <translation>即将召开</translation>
    </message>
    <message>
        <location line="+0" />
        <source>past</source>
        <translation>已召开</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../work/main/app/ui/printing/preview.py" line="+154" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 — preview</source>
        <translation>%1 — 预览</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Save as PDF…</source>
        <translation>另存为PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First page</source>
        <translation>第一页</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last page</source>
        <translation>最后一页</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;age</source>
        <translation>页(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>of %1</source>
        <translation>/ 共%1页</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pages of the document</source>
        <translation>文档页面</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Page %1 of %2</source>
        <translation>第%1页，共%2页</translation>
    </message>
    <message>
        <location line="+112" />
        <location line="+16" />
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location line="-15" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>The file could not be written (%1).</source>
        <translation>无法写入文件（%1）。</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+14" />
        <location line="+38" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="-40" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+36" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The document could not be printed (%1).</source>
        <translation>无法打印该文档（%1）。</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location line="+14" />
        <source>MDT decision</source>
        <translation>MDT决定</translation>
    </message>
    </context>
</TS>