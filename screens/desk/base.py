"""What every desk screen shares: its words in the desk's language and the line of keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from screens.desk.words import say

if TYPE_CHECKING:
    from screens.desk.app import DeskApp

ResultType = TypeVar("ResultType")


class KeyLine(Static):
    """The bottom line: each key and what it does, in the desk's language."""

    def __init__(self, keys: Sequence[tuple[str, str]], lang: str) -> None:
        super().__init__(self.words(keys, lang), markup=False, classes="keys")
        self.keys = keys

    @staticmethod
    def words(keys: Sequence[tuple[str, str]], lang: str) -> str:
        return "  ".join(f"{key} {say(word, lang)}" for key, word in keys)

    def relabel(self, lang: str) -> None:
        self.update(self.words(self.keys, lang))


class DeskWords:
    """Mixin for desk screens and dialogs."""

    KEYS: ClassVar[tuple[tuple[str, str], ...]] = ()

    @property
    def desk(self) -> DeskApp:
        return self.app  # type: ignore[attr-defined, return-value]

    @property
    def lang(self) -> str:
        return self.desk.language

    def w(self, key: str, **values: object) -> str:
        return say(key, self.lang, **values)

    def key_line(self) -> KeyLine:
        return KeyLine(self.KEYS, self.lang)

    def fill(self) -> None:
        """Put the current data on the screen; called on mount and after a language change."""

    async def relabel(self) -> None:
        await self.recompose()  # type: ignore[attr-defined]
        self.fill()


class DeskScreen(DeskWords, Screen[None]):
    AUTO_FOCUS = "DataTable"

    def on_mount(self) -> None:
        self.fill()


class DeskDialog(DeskWords, ModalScreen[ResultType]):
    pass
