"""One submitted application at the window: every answer, the photos sent, and its status."""

from __future__ import annotations

import time
from collections import defaultdict
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from kiosk.forms import Flow
from kiosk.text import pick
from kiosk.window import MORE_MATERIALS_NEEDED, WindowStatus
from screens.desk.base import DeskScreen
from screens.desk.shown import answer_text, cell, clean, service_title
from screens.desk.status_dialog import StatusChoice, StatusDialog
from screens.desk.words import status_word


class ApplicationScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", show=False),
        Binding("s", "set_status", show=False),
        Binding("v", "reveal", show=False),
    ]
    KEYS = (("s", "k_status"), ("v", "k_reveal"), ("Tab", "materials"), ("Esc", "k_back"),
            ("F2", "k_language"))

    def __init__(self, draft_id: str) -> None:
        super().__init__()
        self.draft_id = draft_id

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="title", classes="title")
        yield Static("", markup=False, id="window-note")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="materials", cursor_type="row")
        yield Static("", markup=False, id="detail")
        yield self.key_line()

    def fill(self) -> None:
        answers = self.query_one("#answers", DataTable)
        answers.add_column(self.w("question"), key="question", width=34)
        answers.add_column(self.w("answer"), key="answer", width=36)
        materials = self.query_one("#materials", DataTable)
        materials.add_column(self.w("materials"), key="material", width=40)
        materials.add_column(self.w("photos"), key="photos", width=30)
        self.load()

    def load(self) -> None:
        desk, lang = self.desk, self.lang
        draft = desk.store.get(self.draft_id)
        status = desk.window.status(self.draft_id)
        self.query_one("#title", Static).update(
            f"{clean(draft.reference)} · {service_title(desk.catalogue, draft.service_id, lang)}"
            f" · {status_word(draft.status, lang)}")
        note_text = self._note_line(draft.service_id, status)
        note = self.query_one("#window-note", Static)
        note.update(note_text)
        note.display = bool(note_text)
        answers = self.query_one("#answers", DataTable)
        answers.clear()
        service = desk.catalogue.service(draft.service_id)
        form = desk.catalogue.form_for(service) if service else None
        if form is not None:
            for field_id, value in Flow(form).answers(draft.values).items():
                field = form.field(field_id)
                answers.add_row(cell(pick(field.label, lang)),
                                cell(answer_text(field, value, lang)), key=field_id)
        else:
            for field_id, value in sorted(draft.values.items()):
                answers.add_row(cell(field_id), cell(value), key=field_id)
        self._fill_materials(draft.service_id)

    def _note_line(self, service_id: str, status: WindowStatus | None) -> str:
        if status is None or not (status.note or status.materials):
            return ""
        names = self._material_names(service_id)
        needed = "、".join(clean(names.get(m, m)) for m in status.materials)
        when = time.strftime("%m-%d %H:%M", time.localtime(status.updated))
        parts = [status_word(status.status, self.lang), when]
        if status.status == MORE_MATERIALS_NEEDED and needed:
            parts.append(needed)
        if status.note:
            parts.append(f"{self.w('note')}: {clean(status.note)}")
        return " · ".join(parts)

    def _material_names(self, service_id: str) -> dict[str, str]:
        return {m.id: pick(m.name, self.lang)
                for m in self.desk.catalogue.materials(service_id)}

    def _fill_materials(self, service_id: str) -> None:
        table = self.query_one("#materials", DataTable)
        table.clear()
        photos: dict[str, list[dict]] = defaultdict(list)
        for upload in self.desk.window.uploads(self.draft_id):
            photos[upload["material_id"]].append(upload)
        listed = self.desk.catalogue.materials(service_id)
        for material in listed:
            sent = photos.pop(material.id, [])
            name = pick(material.name, self.lang)
            if material.required:
                name = f"{name} ({self.w('required')})"
            table.add_row(cell(name), cell(self._photo_text(sent)), key=material.id)
        for material_id, sent in photos.items():  # photos of materials no longer listed
            table.add_row(cell(material_id), cell(self._photo_text(sent)), key=material_id)

    def _photo_text(self, sent: list[dict]) -> str:
        if not sent:
            return self.w("no_uploads")
        folder = self.desk.config.data_dir / "uploads"
        return f"{len(sent)} · {folder / sent[0]['file_name']}"

    @on(DataTable.RowHighlighted, "#answers")
    def _hide_revealed(self) -> None:
        self.query_one("#detail", Static).update("")

    def action_reveal(self) -> None:
        """The highlighted answer in full, for checking it against the visitor's card."""
        table = self.query_one("#answers", DataTable)
        if not table.row_count:
            return
        field_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        draft = self.desk.store.get(self.draft_id)
        service = self.desk.catalogue.service(draft.service_id)
        form = self.desk.catalogue.form_for(service) if service else None
        values = Flow(form).answers(draft.values) if form else draft.values
        label = pick(form.field(field_id).label, self.lang) if form else field_id
        self.query_one("#detail", Static).update(
            self.w("reveal", label=clean(label), value=clean(values.get(field_id, ""))))

    def action_set_status(self) -> None:
        draft = self.desk.store.get(self.draft_id)
        materials = [(m.id, pick(m.name, self.lang))
                     for m in self.desk.catalogue.materials(draft.service_id)]

        def chosen(choice: StatusChoice | None) -> None:
            if choice is None:
                return
            self.desk.window.set_status(self.draft_id, choice.status, note=choice.note,
                                        materials=choice.materials,
                                        staff=self.desk.volunteer)
            self.load()
            self.query_one("#detail", Static).update(
                self.w("status_set", status=status_word(choice.status, self.lang)))

        self.app.push_screen(StatusDialog(materials), chosen)

    def action_back(self) -> None:
        self.app.pop_screen()
