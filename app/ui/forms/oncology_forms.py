"""Forms of the oncology history (issue 20 item 8): systemic-therapy line, PD-L1 result,
smoking history, disease-course milestone. Keyboard-first like every record form (opens on
the first field, Alt+letter jumps, Ctrl+S / Ctrl+Enter saves, Esc cancels); the coded values
are named by the domain's bilingual catalogue (:mod:`app.domain.oncology_text`)."""

from __future__ import annotations

from app.domain import case as C
from app.domain.oncology_text import word
from app.ui.forms.base import RecordDialog
from app.ui.forms.fields import (
    ChoiceInput,
    DateInput,
    ListInput,
    NumberInput,
    OptionalDateInput,
    TextInput,
)
from app.ui.labels import ui_lang


def history_word(code: str) -> str:
    """A history code in the UI language (RECIST response, reason, status, milestone…)."""
    return word(code, ui_lang())


class TherapyLineForm(RecordDialog):
    KIND = "therapy_line"

    def build(self) -> None:
        self.add_field("line", self.tr("&Line number"), NumberInput(self, integer=True),
                       self.tr("1 for first-line therapy, 2 for second line, …"))
        self.add_field("drugs", self.tr("Dr&ugs"), ListInput(self),
                       self.tr("Drug names, comma-separated (e.g. furmonertinib, savolitinib)"))
        self.add_field("start", self.tr("&Start"), DateInput(self, today=self.service.today()))
        self.add_field("stop", self.tr("Sto&p"), OptionalDateInput(self),
                       self.tr("Empty while the line goes on"))
        self.add_field("stop_reason", self.tr("&Reason for stop"),
                       ChoiceInput(C.THERAPY_STOP_REASONS, labeller=history_word, parent=self))
        self.add_field("best_response", self.tr("&Best response (RECIST)"),
                       ChoiceInput(C.RECIST_RESPONSES, labeller=history_word, parent=self))
        self.add_field("note", self.tr("&Note"), TextInput(self),
                       self.tr("e.g. resistance mutation found at progression"))


class Pdl1Form(RecordDialog):
    KIND = "pdl1"

    def build(self) -> None:
        self.add_field("date", self.tr("&Date"), DateInput(self, today=self.service.today()))
        self.add_field("tps", self.tr("&TPS (%)"), NumberInput(self),
                       self.tr("Tumour proportion score, 0–100 %"))
        self.add_field("cps", self.tr("&CPS"), NumberInput(self),
                       self.tr("Combined positive score, 0–100"))
        self.add_field("assay", self.tr("&Assay (antibody clone)"), TextInput(self),
                       self.tr("e.g. 22C3, SP263"))


class SmokingForm(RecordDialog):
    KIND = "smoking"

    def build(self) -> None:
        self.add_field("date", self.tr("&Date"), DateInput(self, today=self.service.today()))
        self.add_field("status", self.tr("&Status"),
                       ChoiceInput(C.SMOKING_STATUSES, optional=False, labeller=history_word,
                                   parent=self))
        self.add_field("pack_years", self.tr("&Pack-years"), NumberInput(self),
                       self.tr("Packs a day × years smoked"))


class CourseForm(RecordDialog):
    KIND = "course"

    def build(self) -> None:
        self.add_field("date", self.tr("&Date"), DateInput(self, today=self.service.today()))
        self.add_field("kind", self.tr("&Milestone"),
                       ChoiceInput(C.COURSE_KINDS, optional=False, labeller=history_word,
                                   parent=self))
        self.add_field("stage", self.tr("S&tage (AJCC 8th)"),
                       ChoiceInput(C.STAGES, labeller=str, parent=self))


HISTORY_FORMS = (TherapyLineForm, Pdl1Form, SmokingForm, CourseForm)
