"""A list of big numbered buttons, paged to what fits: tap one, or press its number.

Used for every list: entry groups, scenarios, services, search results, the choices of a
question and the answers on "check your answers".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button

from kiosk import big_text
from screens.text_size import heights_for
from screens.widgets.action_button import ActionButton
from screens.widgets.plain import Plain
from screens.widgets.wrap import wrap_label

MAX_ON_PAGE = 9     # one digit per choice
GAP = 1             # rows between buttons
COLUMN_GAP = 2
NAV_HEIGHT = 3
EXTRA_HEIGHT = 2    # buttons grow by this much when there is room, no more
LABEL_MARGIN = 4    # a button's columns beside its words: padding and line-pad, each side
CHOSEN_MARK = "√"   # in every CJK font, unlike ✔


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    chosen: bool = False   # the current answer, marked with a tick as well as a colour


@dataclass(frozen=True)
class PagePlan:
    columns: int
    per_page: int
    paged: bool
    button_height: int
    big: int = 0        # pixel height of labels drawn large; 0: ordinary text


def _lines(label: str, width: int) -> int:
    """Rows a numbered label takes in a button whose text is `width` cells wide."""
    return len(wrap_label(f"9  {label}", width, 3))


def plan_pages(width: int, height: int, labels: Sequence[str], max_columns: int,
               grow: int = EXTRA_HEIGHT) -> PagePlan:
    """How many columns and buttons a page has in `width` x `height` cells: the most
    buttons a page, labels side by side only when they wrap onto two lines at most,
    fewer columns on a tie."""
    count = max(len(labels), 1)
    best: tuple[int, int, PagePlan] | None = None
    for columns in range(1, max(1, min(max_columns, count)) + 1):
        column_width = (width - (columns - 1) * COLUMN_GAP) // columns - LABEL_MARGIN
        if column_width < 10:
            break
        lines = max((_lines(label, column_width) for label in labels), default=1)
        if lines > 2 and columns > 1:  # side by side only while labels stay short
            break
        plan = _plan(height, count, columns, lines + 2, grow)
        if best is None or plan.per_page > best[0]:
            best = (plan.per_page, columns, plan)
    return best[2] if best else _plan(height, count, 1, 3, grow)


def plan_big(width: int, height: int, labels: Sequence[str], max_columns: int,
             heights: Sequence[int]) -> tuple[PagePlan, list[list[str]]] | None:
    """Every label drawn large on one page, at the largest size and then the fewest columns
    that fit; None when no size fits (the labels are then ordinary text)."""
    count = len(labels)
    if not 0 < count <= MAX_ON_PAGE:
        return None
    for glyph in sorted(heights, reverse=True):
        button_height = glyph // 2 + 2  # the tall top and bottom edges take a row each
        for columns in range(1, min(max_columns, count) + 1):
            rows = ceil(count / columns)
            if rows * button_height + (rows - 1) * GAP > height:
                continue
            column_width = (width - (columns - 1) * COLUMN_GAP) // columns - LABEL_MARGIN
            drawn = []
            for label in labels:
                rows_drawn = big_text.render(label, glyph, column_width, glyph // 2)
                if rows_drawn is None:
                    break
                drawn.append(rows_drawn)
            else:
                return PagePlan(columns, count, False, button_height, glyph), drawn
    return None


def _plan(height: int, count: int, columns: int, min_height: int, grow: int) -> PagePlan:
    def rows_in(rows_height: int) -> int:
        return max(1, (rows_height + GAP) // (min_height + GAP))

    per_page = min(MAX_ON_PAGE, columns * rows_in(height))
    paged = count > per_page
    available = height
    if paged:
        available = height - NAV_HEIGHT - GAP
        per_page = min(MAX_ON_PAGE, columns * rows_in(available))
    rows = ceil(min(per_page, count) / columns)
    fitted = (available - (rows - 1) * GAP) // rows if rows else min_height
    button_height = max(min_height, min(fitted, min_height + grow))
    return PagePlan(columns, per_page, paged, button_height)


class ChoiceButton(Button):
    """One numbered choice; `number` is what to press for it on this page."""

    def __init__(self, number: int, option: Option, *, id: str | None = None,
                 big_rows: list[str] | None = None) -> None:
        mark = f"{CHOSEN_MARK} " if option.chosen else ""
        self.text = f"{number}  {mark}{option.label}"
        self.indent = len(str(number)) + 2  # later lines line up after the number
        self.big_rows = big_rows
        label = "\n".join(big_rows) if big_rows else self._wrapped(40)
        super().__init__(Content(label), id=id,
                         classes="choice -chosen" if option.chosen else "choice")
        self.set_class(bool(big_rows), "-big")
        self.number = number
        self.option = option

    def _wrapped(self, width: int) -> str:
        return "\n".join(wrap_label(self.text, width, self.indent))

    def on_resize(self, event: events.Resize) -> None:
        if self.big_rows:
            return  # drawn to fit this very width
        # Each line of a button's label has a blank column either side (Button's line-pad).
        wrapped = self._wrapped(self.size.width - 2 * self.styles.line_pad)
        if str(self.label) != wrapped:
            self.label = Content(wrapped)


class NumberedChoices(Widget):
    """Numbered buttons 1-9 a page, with big Previous/Next page buttons when they do not fit."""

    page: reactive[int] = reactive(0)

    class Picked(Message):
        def __init__(self, choices: NumberedChoices, value: str) -> None:
            super().__init__()
            self.choices = choices
            self.value = value

        @property
        def control(self) -> NumberedChoices:
            return self.choices

    def __init__(self, options: Sequence[Option], *, previous_label: str, next_label: str,
                 page_label: str, max_columns: int = 3, grow: int = EXTRA_HEIGHT,
                 big: bool = True, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.big = big  # labels drawn large when the visitor's text size and the room allow
        self._big_rows: list[list[str]] | None = None
        self.options = list(options)
        self.previous_label = previous_label
        self.next_label = next_label
        self.page_label = page_label   # with {page} and {pages}
        self.max_columns = max_columns
        self.grow = grow  # rows a button may grow by when there is room
        self._focus_pending = False
        self.focus_chosen = False  # focus_first goes to the ticked option, if there is one
        self.plan: PagePlan | None = None
        self._shown: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Grid(classes="choice-grid")
        with Horizontal(classes="page-nav"):
            yield ActionButton(self.previous_label, "PgUp", classes="page-button previous-page")
            yield Plain("", classes="page-count")
            yield ActionButton(self.next_label, "0", classes="page-button next-page")

    # -- what a page holds --------------------------------------------------------------

    @property
    def pages(self) -> int:
        per_page = self.plan.per_page if self.plan else MAX_ON_PAGE
        return max(1, ceil(len(self.options) / per_page))

    def on_page(self) -> list[Option]:
        if self.plan is None:
            return self.options[:MAX_ON_PAGE]
        start = self.page * self.plan.per_page
        return self.options[start:start + self.plan.per_page]

    def pick_number(self, number: int) -> bool:
        """Pick the option with this number on the page shown; False if there is none."""
        shown = self.on_page()
        if not 1 <= number <= len(shown):
            return False
        self.post_message(self.Picked(self, shown[number - 1].value))
        return True

    def next_page(self) -> None:
        self.page = (self.page + 1) % self.pages

    def previous_page(self) -> None:
        self.page = (self.page - 1) % self.pages

    def focus_first(self) -> None:
        buttons = self.query(ChoiceButton)
        if buttons:
            chosen = buttons.filter(".-chosen") if self.focus_chosen else buttons
            (chosen or buttons).first().focus()
        else:
            self._focus_pending = True  # the buttons come once the size is known

    # -- drawing ------------------------------------------------------------------------

    async def set_options(self, options: Sequence[Option]) -> None:
        """Show other options (search results as the visitor types), from the first page."""
        self.options = list(options)
        self.plan = None
        self._shown = None
        self.set_reactive(NumberedChoices.page, 0)
        await self._fit(self.size.width, self.size.height)

    async def on_resize(self, event: events.Resize) -> None:
        await self._fit(event.size.width, event.size.height)

    async def _fit(self, width: int, height: int) -> None:
        if not width or not height:
            return
        big = plan_big(width, height, self._numbered_labels(), self.max_columns,
                       self._big_heights())
        if big is not None:
            plan, self._big_rows = big
        else:
            plan = plan_pages(width, height, [o.label for o in self.options], self.max_columns,
                              self.grow)
            self._big_rows = None
        if plan != self.plan:
            first_shown = self.page * self.plan.per_page if self.plan else 0
            self.plan = plan
            self.set_reactive(NumberedChoices.page, min(first_shown // plan.per_page,
                                                        self.pages - 1))
            await self._show_page()

    def _big_heights(self) -> tuple[int, ...]:
        size = getattr(self.app, "text_size", None)
        return heights_for(size, "choice") if self.big and size else ()

    def _numbered_labels(self) -> list[str]:
        return [f"{n} {CHOSEN_MARK if o.chosen else ''}{o.label}"
                for n, o in enumerate(self.options, 1)]

    async def watch_page(self) -> None:
        await self._show_page()

    async def _show_page(self) -> None:
        if self.plan is None:
            return
        shown_key = (self.plan, self.page)
        if shown_key == self._shown:
            return
        self._shown = shown_key
        grid = self.query_one(".choice-grid", Grid)
        had_focus = self.app.focused is not None and self.app.focused.parent is grid
        await grid.remove_children()
        grid.styles.grid_size_columns = self.plan.columns
        grid.styles.grid_rows = str(self.plan.button_height)
        rows = ceil(len(self.on_page()) / self.plan.columns)
        grid.styles.height = rows * self.plan.button_height + max(rows - 1, 0) * GAP
        big_rows = self._big_rows if self.plan.big else None
        await grid.mount_all(
            ChoiceButton(n, option, id=f"choice-{n}", big_rows=big_rows[n - 1] if big_rows else None)
            for n, option in enumerate(self.on_page(), 1))
        self.query_one(".page-nav").display = self.plan.paged
        self.query_one(".page-count", Plain).update(
            self.page_label.format(page=self.page + 1, pages=self.pages))
        if had_focus or self._focus_pending:
            self._focus_pending = False
            self.focus_first()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if isinstance(event.button, ChoiceButton):
            self.post_message(self.Picked(self, event.button.option.value))
        elif event.button.has_class("next-page"):
            self.next_page()
        elif event.button.has_class("previous-page"):
            self.previous_page()
