"""Find a service by typing: results change with every key, as numbered choices."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input

from kiosk.search import Searcher
from kiosk.search.misses import record_miss
from kiosk.text import pick
from screens.base import KioskScreen
from screens.widgets.action_bar import ActionBar
from screens.widgets.numbered_choices import NumberedChoices, Option
from screens.widgets.plain import Plain
from screens.widgets.top_bar import TopBar

RESULTS = 8


class SearchInput(Input):
    """While there are results, digits pick one instead of being typed (nobody searches by number)."""

    digits_pick = False

    class NumberPressed(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    async def _on_key(self, event: events.Key) -> None:
        if self.digits_pick and event.character and event.character in "0123456789":
            event.stop()
            event.prevent_default()  # not typed into the box
            # 0 is the key the "next page" button shows; 1-9 pick a result.
            self.post_message(self.NumberPressed(int(event.character)))


class SearchScreen(KioskScreen):
    CSS_PATH = "lists.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self._searcher: Searcher | None = None
        self._shown: list[Option] | None = None
        self._counted = ""  # leaving counts the miss once, though suspend and unmount both come

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = Searcher(self.kiosk.catalogue)
        return self._searcher

    def compose(self) -> ComposeResult:
        yield TopBar(self.t("welcome_search"))
        yield Plain(self.t("search_title"), classes="screen-title")
        yield SearchInput(self.query_text, id="search")
        yield Plain("", id="search-status", classes="hint")
        yield NumberedChoices([], previous_label=self.t("previous_page"),
                              next_label=self.t("next_page"), page_label=self.t("page_of"),
                              max_columns=2, id="results")
        with ActionBar():
            yield self.back_button()
            yield self.help_button()
            yield self.display_button()
            yield self.language_button()

    async def on_mount(self) -> None:
        await self._show_results()

    def focus_start(self) -> None:
        self.query_one("#search", Input).focus()

    async def _language_changed(self, language: str) -> None:
        await super()._language_changed(language)
        await self._show_results()  # the same results, named in the other language

    @on(Input.Changed, "#search")
    async def _typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        await self._show_results()

    async def _show_results(self) -> None:
        hits = self.searcher.search(self.query_text, limit=RESULTS) if self.query_text.strip() else []
        options = [Option(h.service.id, self._label(h.service)) for h in hits]
        if options != self._shown:  # most keystrokes keep the list: no need to rebuild it
            await self.query_one("#results", NumberedChoices).set_options(options)
            self._shown = options
        self.query_one("#search", SearchInput).digits_pick = bool(options)
        if not self.query_text.strip():
            status = self.t("search_hint")
        elif options:
            status = self.t("search_found", count=len(options))
        else:
            status = self.t("search_nothing")
        self.query_one("#search-status", Plain).update(status)

    def on_screen_suspend(self) -> None:
        self._count_a_miss()

    def on_unmount(self) -> None:
        self._count_a_miss()

    def _count_a_miss(self) -> None:
        """A visitor who leaves with nothing found tells staff which words to add. Only the
        last query counts, not every prefix typed on the way; no personal data is kept."""
        if self.query_text.strip() and not self._shown and self.query_text != self._counted:
            record_miss(self.kiosk.config.drafts_db, self.query_text)
            self._counted = self.query_text

    def _label(self, service) -> str:
        title = service.title(self.lang)
        official = pick(service.name, self.lang)
        if official == title or self.app.size.height < 30:  # short screens: one line a result
            return title
        return f"{title}\n{official}"

    @on(SearchInput.NumberPressed)
    def _number(self, event: SearchInput.NumberPressed) -> None:
        results = self.query_one("#results", NumberedChoices)
        if event.number == 0:
            results.next_page()
        else:
            results.pick_number(event.number)

    @on(Input.Submitted, "#search")
    def _submitted(self) -> None:
        self.query_one("#results", NumberedChoices).focus_first()

    @on(NumberedChoices.Picked)
    def _picked(self, event: NumberedChoices.Picked) -> None:
        from screens.service import ServiceScreen

        service = self.kiosk.catalogue.service(event.value)
        if service is not None:
            self.app.push_screen(ServiceScreen(service))
