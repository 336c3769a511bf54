"""Bone lesion form with SINS, Mirels and ESCC shown live with their bands.

The inputs that apply depend on the bone: a vertebra takes a level, the SINS items (pain as
mechanical/occasional/none, alignment, collapse, posterolateral involvement) and the ESCC grade;
a long bone takes the limb, the Mirels items (pain none…functional, cortical size) and, for a
femur, peritrochanteric. Inputs that do not apply are disabled (and not saved). Scores come from
the rule engine's scores module.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain import case as C
from app.domain.names import band_name
from app.domain.scores import ESCC_HIGH, mirels, sins
from app.domain.why import field_name
from app.ui.forms.base import RecordDialog
from app.ui.forms.choices import CHOICES
from app.ui.forms.fields import CheckInput, ChoiceInput, NumberInput, OptionalDateInput, TextInput
from app.ui.labels import ui_lang

translate = QCoreApplication.translate
_VERTEBRA_ONLY = ("level", "alignment", "collapse", "posterolateral")
_LONG_ONLY = ("size", "limb")


class LesionForm(RecordDialog):
    KIND = "lesion"

    def build(self) -> None:
        self.add_field("region", self.tr("&Region"), TextInput(self),
                       self.tr("As in imaging, e.g. L3 or 'left femur' (regions match exactly)"))
        self.bone = self.add_field("bone", self.tr("&Bone"),
                                   ChoiceInput(CHOICES["lesion.bone"], parent=self))
        self.add_field("level", self.tr("&Level (vertebra)"),
                       ChoiceInput(CHOICES["lesion.level"], parent=self))
        self.add_field("side", self.tr("&Side"), ChoiceInput(CHOICES["lesion.side"], parent=self))
        self.add_field("limb", self.tr("Li&mb"), ChoiceInput(CHOICES["lesion.limb"], parent=self))
        self.add_field("peritrochanteric", self.tr("Peri&trochanteric"),
                       CheckInput(self.tr("peritrochanteric (femur)"), self))
        self.add_field("pattern", self.tr("&Pattern"), ChoiceInput(CHOICES["pattern"], parent=self))
        self.pain = self.add_field("pain", self.tr("P&ain"),
                                   ChoiceInput(CHOICES["lesion.pain.other"], parent=self))
        self.add_field("alignment", self.tr("Ali&gnment"),
                       ChoiceInput(CHOICES["lesion.alignment"], parent=self))
        self.add_field("collapse", self.tr("&Collapse"),
                       ChoiceInput(CHOICES["lesion.collapse"], parent=self))
        self.add_field("posterolateral", self.tr("P&osterolateral involvement"),
                       ChoiceInput(CHOICES["lesion.posterolateral"], parent=self))
        self.add_field("size", self.tr("Si&ze (cortex)"),
                       ChoiceInput(CHOICES["lesion.size"], parent=self))
        self.add_field("escc", self.tr("&ESCC (Bilsky)"),
                       ChoiceInput(CHOICES["lesion.escc"], labeller=str, parent=self))
        self.add_field("size_mm", translate("OncologyHistory", "Largest &diameter (mm)"),
                       NumberInput(self))
        self.add_field("first_seen", translate("OncologyHistory", "&First seen (date)"),
                       OptionalDateInput(self), translate(
                           "OncologyHistory",
                           "When the lesion was first seen on imaging (empty: not known)"))
        self.bone.changed.connect(self._bone_changed)
        self._bone_changed()

    def _bone_changed(self) -> None:
        bone = self.bone.value()
        vertebra = bone == "vertebra"
        long_bone = bone in C.LONG_BONES
        self.pain.set_codes(CHOICES["lesion.pain.vertebra" if vertebra else "lesion.pain.other"])
        for key in _VERTEBRA_ONLY:
            self.inputs[key].setEnabled(vertebra)
        for key in _LONG_ONLY:
            self.inputs[key].setEnabled(long_bone)
        self.inputs["peritrochanteric"].setEnabled(bone == "femur")
        if long_bone and self.inputs["limb"].value() is None:
            self.inputs["limb"].set_value("lower" if bone in C.LOWER_LIMB_BONES else "upper")

    def load(self, record: Any) -> None:
        self.bone.set_value(record.bone)
        self._bone_changed()
        super().load(record)

    def values(self) -> dict[str, Any]:
        out = super().values()
        if not out.get("peritrochanteric"):
            out.pop("peritrochanteric", None)
        return out

    def update_live(self, record: Any | None) -> str:
        if record is None:
            return ""
        parts = []
        s, m = sins(record), mirels(record)
        for name, r in (("SINS", s), ("Mirels", m)):
            if r is None:
                continue
            if r.value is None:
                parts.append(self.tr("%1: incomplete (missing %2)").replace("%1", name).replace(
                    "%2", ", ".join(field_name(x, ui_lang()) for x in r.missing)))
            else:
                parts.append(self.tr("%1 %2 — %3").replace("%1", name).replace(
                    "%2", str(r.value)).replace("%3", band_name(r.band, ui_lang())))
        if record.escc is not None:
            high = self.tr(" (high grade)") if record.escc in ESCC_HIGH else ""
            parts.append(self.tr("ESCC %1%2").replace("%1", record.escc).replace("%2", high))
        return " · ".join(parts)
