<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="+23" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+24" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-23" />
        <location line="+33" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="-25" />
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1" />
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1" />
        <source>O</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Adenocarcinoma</source>
        <translation>腺癌</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Squamous cell</source>
        <translation>鳞癌</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Small cell (SCLC)</source>
        <translation>小细胞癌 (SCLC)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Large cell</source>
        <translation>大细胞癌</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NSCLC NOS</source>
        <translation>非小细胞肺癌 (未特指)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Confirmed</source>
        <translation>已确诊</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suspected</source>
        <translation>疑似</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not found</source>
        <translation>未发现</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Denosumab</source>
        <translation>地舒单抗</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoledronic acid</source>
        <translation>唑来膦酸</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pamidronate</source>
        <translation>帕米膦酸二钠</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ibandronate</source>
        <translation>伊班膦酸</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incadronate</source>
        <translation>英卡膦酸二钠</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clodronate</source>
        <translation>氯膦酸二钠</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Critical</source>
        <translation>危急</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+0" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+22" />
        <source>stage %1</source>
        <translation>%1 期</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+131" />
        <source>BoneMet Workstation — Patient registry</source>
        <translation>骨转移诊疗工作站 — 患者登记</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Patient</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New patient…</source>
        <translation>新建患者(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Register a new patient</source>
        <translation>登记新患者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Edit patient…</source>
        <translation>编辑患者(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit the selected patient's details</source>
        <translation>编辑所选患者的资料</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Find patient</source>
        <translation>查找患者(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move to the search box</source>
        <translation>转到搜索框</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Database in use</source>
        <translation>当前数据库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Patients shown</source>
        <translation>显示的患者</translation>
    </message>
    <message>
        <location line="+38" />
        <source>%1 of %2 patients match</source>
        <translation>%2 名患者中 %1 名匹配</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 patients</source>
        <translation>共 %1 名患者</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Search failed (%1); the list was not updated. Press F5 to retry.</source>
        <translation>搜索失败（%1），列表未更新。按 F5 重试。</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Patient not found</source>
        <translation>未找到患者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This patient is no longer in the registry. The list will be refreshed.</source>
        <translation>该患者已不在登记库中，列表将刷新。</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The language will change the next time BoneMet starts.</source>
        <translation>界面语言将在下次启动时更改。</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <location filename="../../app/ui/patient_dialog.py" line="+46" />
        <source>Enter the MRN (medical record number).</source>
        <translation>请输入病历号。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Another patient already has this MRN.</source>
        <translation>已有其他患者使用此病历号。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The MRN is too long.</source>
        <translation>病历号过长。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The MRN contains characters that are not allowed.</source>
        <translation>病历号包含不允许的字符。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The name is too long.</source>
        <translation>姓名过长。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the sex from the list.</source>
        <translation>请从列表中选择性别。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The birth date is in the future.</source>
        <translation>出生日期不能晚于今天。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The birth date is more than 120 years ago.</source>
        <translation>出生日期早于 120 年前。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The patient must be at least 18 years old.</source>
        <translation>患者须年满 18 岁。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enter the date as YYYY-MM-DD, e.g. 1958-03-21.</source>
        <translation>请按 YYYY-MM-DD 格式输入日期，例如 1958-03-21。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The weight must be between 20 and 300 kg.</source>
        <translation>体重须在 20 至 300 kg 之间。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enter the weight in kg as a number, e.g. 62.5.</source>
        <translation>请以数字输入体重 (kg)，例如 62.5。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose Chinese or English.</source>
        <translation>请选择中文或英文。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter a valid phone number (digits, spaces, +, -).</source>
        <translation>请输入有效的电话号码（数字、空格、+、-）。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This value is not valid.</source>
        <translation>此值无效。</translation>
    </message>
    <message>
        <location line="+94" />
        <source>Edit patient</source>
        <translation>编辑患者</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;MRN:</source>
        <translation>病历号(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Weight (kg):</source>
        <translation>体重 (kg)(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Osteoporosis:</source>
        <translation>骨质疏松(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Printout &amp;language:</source>
        <translation>打印语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5" />
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. 62.5</source>
        <translation>例如 62.5</translation>
    </message>
    <message>
        <location line="+1" />
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reload current details</source>
        <translation>重新载入当前资料(&amp;R)</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+6" />
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+153" />
        <source>Not saved: this patient was changed elsewhere (another window or workstation) after you opened it. Reload the current details, then make your changes again.</source>
        <translation>未保存：打开后该患者资料已在其他窗口或工作站被修改。请重新载入当前资料，然后再次修改。</translation>
    </message>
</context>
<context>
    <name>RegistryTableModel</name>
    <message>
        <location filename="../../app/ui/registry_model.py" line="+62" />
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Histology/Stage</source>
        <translation>病理/分期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bone-met status</source>
        <translation>骨转移状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Current bone drug</source>
        <translation>当前骨改良药物</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alerts</source>
        <translation>警示</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next due</source>
        <translation>下一项待办</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Overdue %1</source>
        <translation>已逾期 %1</translation>
    </message>
    <message>
        <location line="+203" />
        <source>Click to sort by this column</source>
        <extracomment>(matching, total) after every filter change or refresh the newest query's rows are shown the newest query failed (exception type name; the rows shown are unchanged) a header click on a column the database cannot sort by (the view restores its indicator)</extracomment>
        <translation>点击按此列排序</translation>
    </message>
    <message>
        <location line="+74" />
        <source>Sex %1, age %2</source>
        <translation>性别 %1，年龄 %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Alerts: not yet assessed</source>
        <translation>警示：尚未评估</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alerts: %1, highest severity %2</source>
        <translation>警示：%1 项，最高级别 %2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>denosumab rebound window open</source>
        <translation>地舒单抗停药反跳风险期</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <location filename="../../app/ui/registry_view.py" line="+58" />
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Patients matching the search. Enter opens the selected patient.</source>
        <translation>与搜索匹配的患者。按回车键打开所选患者。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location line="+79" />
        <source>Search: MRN, name, pinyin or initials (e.g. zxy)  [Ctrl+F]</source>
        <translation>搜索：病历号、姓名、拼音或首字母（如 zxy）  [Ctrl+F]</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Search patients</source>
        <translation>搜索患者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type an MRN, a name, its pinyin or pinyin initials; Up and Down choose a patient, Enter opens it.</source>
        <translation>输入病历号、姓名、拼音或拼音首字母；用上下方向键选择患者，按回车键打开。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/cli/gui_cmd.py" line="+84" />
        <source>BoneMet Workstation</source>
        <translation>骨转移诊疗工作站</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+26" />
        <source>This database cannot be opened.</source>
        <translation>无法打开此数据库。</translation>
    </message>
    <message>
        <location line="-14" />
        <source>This database was written by a newer version of BoneMet. Update BoneMet to open it; the database was not changed.</source>
        <translation>此数据库由更新版本的 BoneMet 写入。请升级 BoneMet 后再打开；数据库未被改动。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The database could not be opened.</source>
        <translation>数据库打开失败。</translation>
    </message>
</context>
</TS>