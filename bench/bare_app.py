"""The floor for start-up and memory: a Textual app that paints one label and nothing else."""

from textual.app import App, ComposeResult
from textual.widgets import Label


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("您好！您想怎么找要办的事？")


if __name__ == "__main__":
    BareApp().run()
