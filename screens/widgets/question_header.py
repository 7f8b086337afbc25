"""The top of a question: the question (drawn large when there is room), its hint, and a
"Read aloud" button that reads the question, the hint and any problem with the answer.

espeak-ng runs in a worker thread, so the screen never waits for the voice.
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from kiosk.speech import Spoken, speak
from screens.widgets.action_button import ActionButton
from screens.widgets.big_text import BigText
from screens.widgets.plain import Plain

READ_ALOUD_KEY = "F6"


class QuestionHeader(Horizontal):
    def __init__(self, question: str, hint: str = "", *, read_label: str,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self.hint = hint
        self.read_label = read_label
        self.last_spoken: Spoken | None = None  # what the last reading did (for the tests)

    def compose(self) -> ComposeResult:
        with Vertical(classes="question-words"):
            yield BigText(self.question, kind="question", id="question", classes="question")
            if self.hint:
                yield Plain(self.hint, classes="hint")
            yield Plain("", id="speech-status", classes="hint speech-status")
        yield ActionButton(self.read_label, READ_ALOUD_KEY, id="read-aloud",
                           classes="quiet read-aloud")

    # -- reading aloud ------------------------------------------------------------------

    def words_to_read(self) -> str:
        """The question, the hint, and the problem shown at the answer, if any."""
        parts = [self.question, self.hint]
        for problem in self.screen.query("#problem"):
            parts.append(getattr(problem, "text", ""))
        return "。".join(p.strip().rstrip("。") for p in parts if p and p.strip())

    @on(Button.Pressed, "#read-aloud")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.read_aloud()

    def read_aloud(self) -> None:
        kiosk = self.app
        config = kiosk.config  # type: ignore[attr-defined]
        self._say(kiosk.t("read_aloud_busy"))  # type: ignore[attr-defined]
        play = None if config.speech_output == "auto" else False
        self._speak(partial(speak, self.words_to_read(), kiosk.language,  # type: ignore[attr-defined]
                            program=config.espeak, wav=config.speech_wav, play=play))

    @work(thread=True, exclusive=True, group="read-aloud")
    def _speak(self, say) -> Spoken:
        spoken = say()
        self.app.call_from_thread(self._done, spoken)
        return spoken

    def _done(self, spoken: Spoken) -> None:
        t = self.app.t  # type: ignore[attr-defined]
        if spoken.played:
            self._say(t("read_aloud_done"))
        elif spoken.wav is not None:
            self._say(t("read_aloud_no_speaker"))
        elif spoken.problem == "missing":
            self._say(t("read_aloud_missing"))
        else:
            self._say(t("read_aloud_failed"))
        self.last_spoken = spoken

    def _say(self, words: str) -> None:
        status = self.query_one("#speech-status", Plain)
        status.update(words)
        status.set_class(bool(words), "-shown")
