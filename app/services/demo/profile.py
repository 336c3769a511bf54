"""Demographics and the lung-cancer profile of a synthetic patient.

Distributions are rough but plausible for a Chinese lung-cancer clinic: about 60% men, ages
40–85, adenocarcinoma about 55% (EGFR-mutant in nearly half of the Chinese adenocarcinomas,
fewer in Western patients, ALK/ROS1/KRAS/others in a few), stage IV dominant among patients
with bone metastases.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.domain.case import Cancer

HISTOLOGY_WEIGHTS = {
    "adenocarcinoma": 55, "squamous": 22, "sclc": 13, "nsclc_nos": 5, "large_cell": 3, "other": 2,
}
ORGANS = ("liver", "adrenal", "brain", "contralateral lung", "pleura")
_ORGAN_WEIGHTS = (20, 22, 25, 18, 15)
ECOG_KPS = {0: (100, 90), 1: (80, 70), 2: (60, 50), 3: (40, 30), 4: (20, 10)}
ACTIONABLE = ("EGFR", "ALK", "ROS1", "RET", "BRAF", "MET", "KRAS G12C")


def demographics(rng: random.Random, ref: date) -> tuple[str, date, float | None]:
    """(sex, birth date, weight in kg or ``None``)."""
    r = rng.random()
    sex = "male" if r < 0.60 else "female" if r < 0.995 else "unknown"
    age_days = rng.randint(40 * 365 + 10, 85 * 365 - 10)
    birth = ref - timedelta(days=age_days)
    if rng.random() < 0.03:
        return sex, birth, None
    mean, sd = (66.0, 10.0) if sex == "male" else (55.0, 8.0)
    weight = min(max(rng.gauss(mean, sd), 38.0), 110.0)
    return sex, birth, round(weight * 2) / 2  # to 0.5 kg


def crcl_target(rng: random.Random) -> float:
    """The patient's baseline creatinine clearance (mL/min): mostly normal, some impaired."""
    r = rng.random()
    if r < 0.74:
        return rng.uniform(62, 125)
    if r < 0.86:
        return rng.uniform(50, 61)
    if r < 0.93:
        return rng.uniform(40, 49)
    if r < 0.98:
        return rng.uniform(31, 39)
    return rng.uniform(18, 29)


def _drivers(rng: random.Random, histology: str, chinese: bool) -> list[str] | None:
    if rng.random() < 0.08:
        return None  # not tested
    if histology != "adenocarcinoma":
        return ["KRAS G12C"] if histology == "nsclc_nos" and rng.random() < 0.1 else []
    r = rng.random()
    egfr = 0.45 if chinese else 0.15
    if r < egfr:
        main = rng.choice(("EGFR exon 19 deletion", "EGFR L858R", "EGFR L858R",
                           "EGFR exon 20 insertion"))
        return [main, "EGFR T790M"] if rng.random() < 0.12 else [main]
    table = (("ALK fusion (EML4-ALK)", 0.06), ("KRAS G12C", 0.08), ("ROS1 fusion", 0.02),
             ("RET fusion", 0.015), ("BRAF V600E", 0.015), ("MET exon 14 skipping", 0.02))
    acc = egfr
    for name, share in table:
        acc += share
        if r < acc:
            return [name]
    return []


def cancer_profile(rng: random.Random, *, bone_confirmed: bool, lesion_count: int,
                   chinese: bool) -> Cancer:
    histology = rng.choices(tuple(HISTOLOGY_WEIGHTS), weights=tuple(HISTOLOGY_WEIGHTS.values()))[0]
    drivers = _drivers(rng, histology, chinese)
    actionable = bool(drivers) and any(d.startswith(ACTIONABLE) for d in drivers)
    stage4 = bone_confirmed or rng.random() < 0.45
    visceral: list[str] | None
    if rng.random() < 0.05:
        visceral = None  # not staged yet
    elif stage4:
        k = rng.choices((0, 1, 2, 3), weights=(35 if bone_confirmed else 0, 40, 18, 7))[0]
        visceral = sorted(set(rng.choices(ORGANS, weights=_ORGAN_WEIGHTS, k=k)))
    else:
        visceral = []
    if stage4:
        if rng.random() < 0.08:
            stage = "IV"
        elif bone_confirmed:
            stage = "IVA" if lesion_count == 1 and not visceral else "IVB"
        else:
            stage = "IVA" if len(visceral or []) <= 1 else "IVB"
    else:
        stage = rng.choices(("IA2", "IA3", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC"),
                            weights=(3, 4, 5, 4, 6, 14, 10, 5))[0]
    ecog = rng.choices(tuple(ECOG_KPS), weights=(15, 45, 25, 12, 3))[0]
    kps = rng.choice(ECOG_KPS[ecog])
    has_visceral = bool(visceral)
    immuno = (not actionable and histology != "other" and stage4 and rng.random() < 0.55)
    return Cancer(
        histology=histology,
        stage=stage,
        drivers=drivers,
        targeted_therapy=actionable and rng.random() < 0.9,
        immunotherapy=immuno,
        prior_chemotherapy=rng.random() < (0.6 if stage4 else 0.3),
        visceral_treatable=(rng.random() < 0.4) if has_visceral else None,
        disseminated=("pleura" in visceral) if visceral is not None else None,
        visceral_metastases=visceral,
        visceral_lesion_count=(len(visceral) + rng.randint(0, 3)
                               if has_visceral and rng.random() < 0.3 else None),
        ecog=ecog if rng.random() < 0.92 else None,
        kps=kps if rng.random() < 0.85 else None,
        frankel=None,  # set by the lesion step (E unless the cord is compressed)
    )
