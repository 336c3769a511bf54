"""ICD-10 codes of the conditions the workstation exports.

Sources: WHO ICD-10 (2019) C79.5 *Secondary malignant neoplasm of bone and bone marrow* and
C34.9 *Malignant neoplasm: bronchus or lung, unspecified*; ICD-10-CM (CMS/NCHS) C79.51
*Secondary malignant neoplasm of bone* (C79.52 is bone marrow, not used: a bone metastasis is
recorded here) and C34.90 *Malignant neoplasm of unspecified part of unspecified bronchus or
lung*. Both editions are exported: the WHO code for international use, the CM code where
US-based registries expect it.
"""

from __future__ import annotations

from app.domain.codes import ICD10_SYSTEM, ICD10CM_SYSTEM, Code

BONE_METASTASIS: tuple[Code, ...] = (
    Code(ICD10_SYSTEM, "C79.5", "Secondary malignant neoplasm of bone and bone marrow"),
    Code(ICD10CM_SYSTEM, "C79.51", "Secondary malignant neoplasm of bone"),
)
LUNG_CANCER: tuple[Code, ...] = (
    Code(ICD10_SYSTEM, "C34.9", "Malignant neoplasm: Bronchus or lung, unspecified"),
    Code(ICD10CM_SYSTEM, "C34.90",
         "Malignant neoplasm of unspecified part of unspecified bronchus or lung"),
)
