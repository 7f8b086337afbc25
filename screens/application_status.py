"""A submitted application, opened by its resume code: how far the window has got, and when.

The visitor who comes back with the slip learns, in words, that the form is finished and
cannot be changed any more, what the window says (received, more materials needed and
which, done ✓) and on which day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button

from kiosk import handoff
from kiosk.catalogue import Material, Service
from kiosk.dates import date_in_words
from kiosk.drafts import Draft
from kiosk.text import pick
from kiosk.window import DONE, MORE_MATERIALS_NEEDED, WindowStatus, status_for
from screens.base import KioskScreen
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.notice import PROBLEM_MARK, Notice
from screens.widgets.numbered_choices import CHOSEN_MARK
from screens.widgets.plain import Plain
from screens.widgets.top_bar import TopBar

POLL_SECONDS = 2.0  # the window may act while the visitor reads


def status_words(window: WindowStatus, t: Callable[..., str], known: Callable[[str], bool]) -> str:
    """"已办结（2026年12月3日）": the status in words and the day it was given."""
    key = f"status_{window.status}"
    status = t(key) if known(key) else t("status_other")
    return t("status_line", status=status, date=date_in_words(window.updated, t))


def status_details(window: WindowStatus, materials: Sequence[Material], t: Callable[..., str],
                   lang: str) -> list[str]:
    """The materials the window asked for and its note, as lines for the visitor."""
    lines = []
    if window.status == MORE_MATERIALS_NEEDED and window.materials:
        names = {m.id: pick(m.name, lang) for m in materials}
        needed = t("list_separator").join(names.get(m, m) for m in window.materials)
        lines.append(t("status_needs", materials=needed))
    if window.note:
        lines.append(t("status_note", note=window.note))
    return lines


def status_mark(window: WindowStatus) -> str:
    """√ when finished, ⚠ when the visitor has to act, an arrow while the window works."""
    if window.status == DONE:
        return CHOSEN_MARK
    if window.status == MORE_MATERIALS_NEEDED:
        return PROBLEM_MARK
    return "→"


class ApplicationStatusScreen(KioskScreen):
    CSS_PATH = "finish.tcss"

    def __init__(self, draft: Draft, service: Service, window: WindowStatus) -> None:
        super().__init__()
        self.draft = draft
        self.service = service
        self.window = window

    def help_context(self) -> dict:
        return {"draft_id": self.draft.id, "service_id": self.service.id, "step": "status"}

    def compose(self) -> ComposeResult:
        lang, window = self.lang, self.window
        materials = self.kiosk.catalogue.materials(self.service.id)
        yield TopBar(f"{self.t('status_where')} · {self.service.title(lang)}",
                     self.t("resume_code_short",
                            code=handoff.format_resume_code(self.draft.resume_code)))
        with VerticalScroll(id="status-area"):  # a window's note may be long
            yield Plain(self.t("status_title"), classes="question")
            if window.reference:
                yield Plain(self.t("status_reference", reference=window.reference),
                            id="status-reference", classes="status-line")
            yield Notice(status_words(window, self.t, self.kiosk.texts.__contains__),
                         mark=status_mark(window), id="status",
                         classes=f"status -{window.status}")
            for line in status_details(window, materials, self.t, lang):
                yield Plain(line, classes="status-line")
            if window.status != DONE:
                place = pick(self.service.place, lang)
                if place:
                    yield Plain(self.t("finish_place", place=place), classes="status-line")
        with ActionBar():
            yield self.back_button()
            yield ActionButton(self.t("done"), "Enter", id="done", classes="primary")
            yield self.help_button()
            yield self.display_button()
            yield self.language_button()

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self._look_again)

    async def _look_again(self) -> None:
        window = status_for(self.kiosk.store, self.draft.id)
        if window is not None and window != self.window:
            self.window = window
            await self.recompose()
            if self.is_attached:
                self.focus_start()

    def focus_start(self) -> None:
        self.query_one("#done", Button).focus()

    def action_go_on(self) -> None:
        self.kiosk.go_home()

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.kiosk.go_home()
