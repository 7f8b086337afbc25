"""Done: the QR and the resume code, which materials are in, Submit, and a printed slip.

Beside the QR: the resume code large, then the photos of each material sent from the
phone (live), and where to go. Submit appears once every answer asked is valid; it closes
the draft with a reference number (the same counter as the phone's) and the screen then
shows that number, the window's status and what happens next. Print makes the slip
(kiosk.slip) on the receipt printer, or as a PNG in the data folder, and says where.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Digits
from textual.worker import Worker, WorkerState

from kiosk.slip import SlipResult, deliver, slip_for
from kiosk.submissions import NotSubmittable, Submissions
from kiosk.text import pick
from kiosk.uploads import UploadStore
from kiosk.window import AFTER_SUBMISSION, WindowStatus, status_for
from screens.application_status import status_details, status_mark, status_words
from screens.base import KioskScreen
from screens.follow_draft import DraftChanges
from screens.form_session import FormSession
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.notice import Notice
from screens.widgets.plain import Plain
from screens.widgets.qr_code import QRCode

POLL_SECONDS = 0.5
MATERIAL_MARKS = ("✓", "○")  # photo in / none yet: the words say it too


class FinishScreen(KioskScreen):
    CSS_PATH: ClassVar[list[str]] = ["handoff.tcss", "finish.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f4", "print_slip", show=False)]

    def __init__(self, session: FormSession) -> None:
        super().__init__()
        self.session = session
        self.photos: dict[str, int] = {}         # material id -> photos sent from the phone
        self.window: WindowStatus | None = None  # once submitted: what the window says
        self.slip_words: tuple[str, dict] | None = None  # what became of the slip: key, values
        self.refused = False                     # closed some other way: cannot be submitted
        self._draft_state: tuple[str, float] | None = None
        self._uploads: UploadStore | None = None
        self._changes = DraftChanges(session)

    def help_context(self) -> dict:
        return {"draft_id": self.session.draft_id, "service_id": self.session.service.id,
                "step": "finish"}

    @property
    def submitted(self) -> bool:
        return self.window is not None

    def problems(self) -> dict:
        return self.session.flow.problems(self.session.values)

    # -- drawing ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        session = self.session
        with Horizontal(id="finish-panel", classes="-submitted" if self.submitted else ""):
            yield QRCode(session.phone_url(self.kiosk.config.public_url), id="qr")
            with VerticalScroll(id="beside-qr"):
                if self.window is not None:
                    yield from self._submitted(self.window)
                else:
                    yield from self._filled_in()
                yield from self._materials()
                yield Plain(self._slip_text(), id="slip", classes="finish-line slip")
        with ActionBar(id="finish-actions"):
            if self.submitted:
                yield ActionButton(self.t("done"), "Enter", id="done", classes="primary")
            elif self.problems() or self.refused:
                yield ActionButton(self.t("back"), "Esc", id="back", classes="primary")
            else:
                yield ActionButton(self.t("submit"), "Enter", id="submit", classes="primary")
            yield ActionButton(self.t("print_slip"), "F4", id="print", classes="quiet")
            if not self.submitted:
                yield ActionButton(self.t("go_home"), "", id="done", classes="quiet")
            yield self.help_button()
            yield self.display_button()
            yield self.language_button()

    def _filled_in(self) -> ComposeResult:
        session, lang = self.session, self.lang
        yield Plain(self.t("finish_title"), classes="finish-title")
        yield Plain(self.t("your_code"), classes="code-label")
        with Horizontal(classes="big-code"):
            yield Digits(session.resume_code[:4], classes="code-digits")
            yield Digits(session.resume_code[4:], classes="code-digits")
        problems = self.problems()
        if self.refused:
            yield Notice(self.t("submit_refused"), classes="finish-problem")
        elif problems:
            yield Notice(self.t("finish_problems", count=len(problems)), classes="finish-problem")
        place = pick(session.service.place, lang)
        if place:
            yield Plain(self.t("finish_place", place=place), classes="finish-line")
        yield Plain(self.t("finish_phone"), classes="finish-line phone-hint")

    def _submitted(self, window: WindowStatus) -> ComposeResult:
        session, lang = self.session, self.lang
        yield Plain(self.t("submitted_title"), classes="finish-title")
        yield Plain(window.reference or "", id="reference", classes="reference")
        yield Notice(status_words(window, self.t, self.kiosk.texts.__contains__),
                     mark=status_mark(window), id="status", classes=f"status -{window.status}")
        for line in status_details(window, session.materials, self.t, lang):
            yield Plain(line, classes="finish-line")
        place = pick(session.service.place, lang)
        if place:
            yield Plain(self.t("submitted_next", place=place), classes="finish-line")
        time_limit = pick(session.service.time_limit, lang)
        if time_limit:
            yield Plain(self.t("time_limit_line", time_limit=time_limit), classes="finish-line")
        yield Plain(self.t("status_later", code=session.code_display), classes="finish-line")

    def _materials(self) -> ComposeResult:
        if not self.session.materials:
            return
        yield Plain(self.t("materials_title"), classes="materials-title")
        for material in self.session.materials:
            name = pick(material.name, self.lang)
            count = self.photos.get(material.id, 0)
            if count:
                text = self.t("material_in", mark=MATERIAL_MARKS[0], count=count, name=name)
            else:
                text = self.t("material_missing", mark=MATERIAL_MARKS[1], name=name)
            yield Plain(text, classes=f"material {'-in' if count else '-missing'}")

    def focus_start(self) -> None:
        for button_id in ("#submit", "#done", "#back"):
            buttons = self.query(button_id)
            if buttons and "primary" in buttons.first().classes:
                buttons.first().focus()
                return

    # -- following the draft --------------------------------------------------------------

    def on_mount(self) -> None:
        self._uploads = UploadStore(self.kiosk.config.drafts_db,
                                    self.kiosk.config.data_dir / "uploads")
        if self._look():  # photos sent before the screen opened, say
            self.call_after_refresh(self._redraw)
        self.set_interval(POLL_SECONDS, self._look_again)

    def on_unmount(self) -> None:
        if self._uploads is not None:
            self._uploads.close()

    async def _look_again(self) -> None:
        if self.is_attached and self._look():
            await self._redraw()

    async def _redraw(self) -> None:
        await self.recompose()
        if self.is_attached:
            self.focus_start()

    def _look(self) -> bool:
        """Take in what the phone (or a volunteer) did; True when the screen must change."""
        session = self.session
        changed = False
        for change in self._changes.poll():
            self._changes.take(change)
            changed = True
        if self._uploads is not None:
            photos: dict[str, int] = {}
            for upload in self._uploads.for_draft(session.draft_id):
                photos[upload.material_id] = photos.get(upload.material_id, 0) + 1
            if photos != self.photos:
                self.photos = photos
                changed = True
        try:
            draft = session.store.get(session.draft_id)
        except KeyError:
            return changed
        state = (draft.status, draft.updated)
        if state != self._draft_state:
            self._draft_state = state
            if draft.status in AFTER_SUBMISSION:
                window = status_for(session.store, session.draft_id)
                if window != self.window:
                    self.window = window
                    changed = True
            elif not draft.editable and not self.refused:
                self.refused = changed = True
        return changed

    # -- what the visitor does ----------------------------------------------------------

    def action_go_on(self) -> None:
        if self.submitted:
            self.kiosk.go_home()
        elif not self.problems() and not self.refused:
            self.call_later(self.submit)

    @on(Button.Pressed, "#submit")
    async def _submit_pressed(self) -> None:
        await self.submit()

    async def submit(self) -> None:
        """Close the draft with a reference number, as the phone's Submit does."""
        session = self.session
        self._look()  # the phone's latest answers count too
        if self.submitted or self.refused or self.problems():
            await self._redraw()
            return
        for field_id, value in session.flow.derived_values(session.values).items():
            # Birth date and sex were never asked; the window still needs them.
            session.store.save_value(session.draft_id, field_id, value, source="kiosk",
                                     actor="derived")
            session.values[field_id] = value
        submissions = Submissions(self.kiosk.config.drafts_db)
        try:
            submissions.submit(session.draft_id)
        except NotSubmittable:
            self.refused = True
        finally:
            submissions.close()
        self.window = status_for(session.store, session.draft_id)
        await self._redraw()

    @on(Button.Pressed, "#print")
    def _print_pressed(self) -> None:
        self.action_print_slip()

    def action_print_slip(self) -> None:
        session, lang = self.session, self.lang
        slip = slip_for(session.service, session.materials,
                        url=session.phone_url(self.kiosk.config.public_url),
                        code=session.code_display,
                        reference=self.window.reference if self.window else None,
                        lang=lang, words=self.t, moment=time.time())
        self._say_about_slip("slip_printing")
        data_dir = self.kiosk.config.ensure_data_dir()
        self.run_worker(lambda: deliver(slip, data_dir, session.resume_code), thread=True,
                        group="slip", exclusive=True, name="slip")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "slip":
            return
        if event.state == WorkerState.SUCCESS:
            result: SlipResult = event.worker.result
            if result.printed:
                self._say_about_slip("slip_printed")
            elif result.problem:
                self._say_about_slip("slip_printer_problem", path=result.path)
            else:
                self._say_about_slip("slip_saved", path=result.path)
        elif event.state == WorkerState.ERROR:
            self._say_about_slip("slip_failed")

    def _slip_text(self) -> str:
        if self.slip_words is None:
            return ""
        key, values = self.slip_words
        return self.t(key, **values)

    def _say_about_slip(self, key: str, **values: object) -> None:
        self.slip_words = (key, values)
        for line in self.query("#slip"):
            line.update(self._slip_text())  # type: ignore[attr-defined]
            self.call_after_refresh(line.scroll_visible)

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.kiosk.go_home()

    def action_go_back(self) -> None:
        if self.submitted:
            self.kiosk.go_home()
            return
        from screens.check_answers import CheckAnswersScreen

        self.app.switch_screen(CheckAnswersScreen(self.session))
