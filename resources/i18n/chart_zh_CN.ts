<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Choices</name>
    <message>
        <source>Symptom</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation>化验结果</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像检查</translation>
    </message>
    <message>
        <source>Biopsy</source>
        <translation>活检</translation>
    </message>
    <message>
        <source>Bone lesion</source>
        <translation>骨病灶</translation>
    </message>
    <message>
        <source>BMA dose</source>
        <translation>骨改良药物给药</translation>
    </message>
    <message>
        <source>BMA stop</source>
        <translation>骨改良药物停药</translation>
    </message>
    <message>
        <source>Dosing interval</source>
        <translation>给药间隔</translation>
    </message>
    <message>
        <source>Dental exam</source>
        <translation>口腔检查</translation>
    </message>
    <message>
        <source>Dental procedure</source>
        <translation>口腔操作</translation>
    </message>
    <message>
        <source>Clinical event</source>
        <translation>临床事件</translation>
    </message>
    <message>
        <source>Cancer and performance status</source>
        <translation>肿瘤情况与体能状态</translation>
    </message>
    <message>
        <source>Supplements</source>
        <translation>补充剂</translation>
    </message>
    <message>
        <source>Bone-metastasis status override</source>
        <translation>骨转移状态人工判定</translation>
    </message>
    <message>
        <source>Bone pain</source>
        <translation>骨痛</translation>
    </message>
    <message>
        <source>Neurological deficit</source>
        <translation>神经功能缺损</translation>
    </message>
    <message>
        <source>Fixed site</source>
        <translation>固定部位</translation>
    </message>
    <message>
        <source>Migratory</source>
        <translation>游走性</translation>
    </message>
    <message>
        <source>Bone scan</source>
        <translation>骨扫描</translation>
    </message>
    <message>
        <source>MRI</source>
        <translation>MRI</translation>
    </message>
    <message>
        <source>CT</source>
        <translation>CT</translation>
    </message>
    <message>
        <source>X-ray</source>
        <translation>X线</translation>
    </message>
    <message>
        <source>PET-CT</source>
        <translation>PET-CT</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>Equivocal</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>Non-diagnostic</source>
        <translation>无法诊断</translation>
    </message>
    <message>
        <source>Osteolytic</source>
        <translation>溶骨性</translation>
    </message>
    <message>
        <source>Osteoblastic</source>
        <translation>成骨性</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>混合性</translation>
    </message>
    <message>
        <source>Vertebra</source>
        <translation>椎体</translation>
    </message>
    <message>
        <source>Femur</source>
        <translation>股骨</translation>
    </message>
    <message>
        <source>Tibia</source>
        <translation>胫骨</translation>
    </message>
    <message>
        <source>Fibula</source>
        <translation>腓骨</translation>
    </message>
    <message>
        <source>Humerus</source>
        <translation>肱骨</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>桡骨</translation>
    </message>
    <message>
        <source>Ulna</source>
        <translation>尺骨</translation>
    </message>
    <message>
        <source>Pelvis</source>
        <translation>骨盆</translation>
    </message>
    <message>
        <source>Rib</source>
        <translation>肋骨</translation>
    </message>
    <message>
        <source>Sternum</source>
        <translation>胸骨</translation>
    </message>
    <message>
        <source>Skull</source>
        <translation>颅骨</translation>
    </message>
    <message>
        <source>Scapula</source>
        <translation>肩胛骨</translation>
    </message>
    <message>
        <source>Clavicle</source>
        <translation>锁骨</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Midline</source>
        <translation>中线</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>双侧</translation>
    </message>
    <message>
        <source>Upper limb</source>
        <translation>上肢</translation>
    </message>
    <message>
        <source>Lower limb</source>
        <translation>下肢</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>机械性</translation>
    </message>
    <message>
        <source>Occasional</source>
        <translation>偶发</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <source>Functional</source>
        <translation>功能受限</translation>
    </message>
    <message>
        <source>Subluxation/translation</source>
        <translation>半脱位/平移</translation>
    </message>
    <message>
        <source>De novo deformity</source>
        <translation>新发畸形</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Collapse &gt; 50%</source>
        <translation>塌陷 &gt; 50%</translation>
    </message>
    <message>
        <source>Collapse &lt; 50%</source>
        <translation>塌陷 &lt; 50%</translation>
    </message>
    <message>
        <source>No collapse, &gt; 50% body involved</source>
        <translation>无塌陷，椎体受累 &gt; 50%</translation>
    </message>
    <message>
        <source>Unilateral</source>
        <translation>单侧</translation>
    </message>
    <message>
        <source>&lt; 1/3 of cortex</source>
        <translation>&lt; 1/3 骨皮质</translation>
    </message>
    <message>
        <source>1/3 – 2/3 of cortex</source>
        <translation>1/3 – 2/3 骨皮质</translation>
    </message>
    <message>
        <source>&gt; 2/3 of cortex</source>
        <translation>&gt; 2/3 骨皮质</translation>
    </message>
    <message>
        <source>Root canal</source>
        <translation>根管治疗</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>洁治</translation>
    </message>
    <message>
        <source>Filling</source>
        <translation>补牙</translation>
    </message>
    <message>
        <source>Crown</source>
        <translation>牙冠</translation>
    </message>
    <message>
        <source>Extraction</source>
        <translation>拔牙</translation>
    </message>
    <message>
        <source>Implant</source>
        <translation>种植牙</translation>
    </message>
    <message>
        <source>Periodontal surgery</source>
        <translation>牙周手术</translation>
    </message>
    <message>
        <source>Oral surgery</source>
        <translation>口腔外科手术</translation>
    </message>
    <message>
        <source>Pathological fracture</source>
        <translation>病理性骨折</translation>
    </message>
    <message>
        <source>Fracture</source>
        <translation>骨折</translation>
    </message>
    <message>
        <source>Spinal cord compression</source>
        <translation>脊髓压迫</translation>
    </message>
    <message>
        <source>Radiotherapy</source>
        <translation>放疗</translation>
    </message>
    <message>
        <source>Surgery to bone</source>
        <translation>骨科手术</translation>
    </message>
    <message>
        <source>Vertebroplasty/kyphoplasty</source>
        <translation>椎体成形/后凸成形术</translation>
    </message>
    <message>
        <source>Hypercalcaemia</source>
        <translation>高钙血症</translation>
    </message>
    <message>
        <source>Osteonecrosis of the jaw</source>
        <translation>颌骨坏死</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>This patient is no longer in the registry. Nothing was saved.</source>
        <translation>该患者已不在登记库中。未保存任何内容。</translation>
    </message>
    <message>
        <source>Checks with this record: no new finding.</source>
        <translation>与此记录相关的检查：无新提示。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>In the future: only a planned record can be dated after today.</source>
        <translation>日期在将来：只有计划中的记录可以晚于今天。</translation>
    </message>
    <message>
        <source>This unit is not accepted for this analyte.</source>
        <translation>此检验项目不接受该单位。</translation>
    </message>
    <message>
        <source>Too short: write at least 10 characters saying why.</source>
        <translation>太短：请至少写 10 个字符说明原因。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>Enter a valid date.</source>
        <translation>请输入有效日期。</translation>
    </message>
    <message>
        <source>Out of range: %1</source>
        <translation>超出范围：%1</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>不允许：%1</translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message>
        <source>H (high)</source>
        <translation>H（偏高）</translation>
    </message>
    <message>
        <source>L (low)</source>
        <translation>L（偏低）</translation>
    </message>
    <message>
        <source>ref %1</source>
        <translation>参考 %1</translation>
    </message>
    <message>
        <source>fasting</source>
        <translation>空腹</translation>
    </message>
    <message>
        <source>not fasting</source>
        <translation>非空腹</translation>
    </message>
    <message>
        <source> (planned)</source>
        <translation>（计划）</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>停用 %1</translation>
    </message>
    <message>
        <source>%1 every %2 days</source>
        <translation>%1 每 %2 天</translation>
    </message>
    <message>
        <source>bone destruction</source>
        <translation>骨质破坏</translation>
    </message>
    <message>
        <source>Biopsy %1: %2</source>
        <translation>活检 %1：%2</translation>
    </message>
    <message>
        <source>Dental exam</source>
        <translation>口腔检查</translation>
    </message>
    <message>
        <source>Dental: %1</source>
        <translation>口腔：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>StatusOverrideForm</name>
    <message>
        <source>Required: why the derived status is replaced</source>
        <translation>必填：为何替换推导出的状态</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Critical finding</source>
        <translation>危急提示</translation>
    </message>
    <message>
        <source>Dose overdue</source>
        <translation>给药逾期</translation>
    </message>
    <message>
        <source>Dose due</source>
        <translation>即将给药</translation>
    </message>
    <message>
        <source>Rebound window: checks</source>
        <translation>反跳窗口：待复查</translation>
    </message>
    <message>
        <source>Dental</source>
        <translation>口腔</translation>
    </message>
    <message>
        <source>Work-up to confirm</source>
        <translation>待确诊检查</translation>
    </message>
</context>
</TS>
