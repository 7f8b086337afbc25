"""Help is on the way: a volunteer has been called to this kiosk, and later, who is coming.

The dialog looks at its help request every half second. Once a volunteer at the desk
accepts it, the dialog names them ("志愿者王芳马上就来"); when the desk closes the request,
it says so and only offers to close. A visitor who closes the dialog to wait at the form
sees it again, with the name, the moment a volunteer accepts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from weakref import WeakKeyDictionary

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Button

from screens.base import KioskModal
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.plain import Plain

if TYPE_CHECKING:
    from textual.timer import Timer

    from kiosk.help_requests import HelpRequest
    from screens.app import KioskApp

POLL_SECONDS = 0.5
WAITING, ACCEPTED = "waiting", "accepted"  # any other status: the request is over
OPEN_STATUSES = (WAITING, ACCEPTED)

# One follower per app: the visitor closed the dialog while still waiting for someone.
_followers: WeakKeyDictionary[App, Timer] = WeakKeyDictionary()


class HelpModal(KioskModal):
    CSS_PATH: ClassVar[list[str]] = ["modals.tcss", "help.tcss"]

    status: reactive[str] = reactive(WAITING, init=False, recompose=True)

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id
        self.volunteer: str | None = None

    @property
    def over(self) -> bool:
        return self.status not in OPEN_STATUSES

    def compose(self) -> ComposeResult:
        kiosk_name = self.kiosk.config.kiosk_name
        with Vertical(id="dialog", classes="help-dialog"):
            if self.over:
                title, body = self.t("help_closed_title"), self.t("help_closed_body")
            elif self.status == ACCEPTED and self.volunteer:
                title = self.t("help_volunteer_coming", name=self.volunteer)
                body = self.t("help_accepted_body", name=self.volunteer, kiosk=kiosk_name)
            else:
                title = self.t("help_coming_title")
                body = self.t("help_coming_body", kiosk=kiosk_name)
            yield Plain(title, id="help-title", classes=f"dialog-title help-banner -{self._look()}")
            yield Plain(body, classes="dialog-body")
            with ActionBar():
                if self.over:
                    yield ActionButton(self.t("done"), "Enter", id="ok", classes="primary")
                else:
                    yield ActionButton(self.t("help_wait"), "Esc", id="wait", classes="primary")
                    yield ActionButton(self.t("help_cancel"), "", id="cancel", classes="quiet")
                yield self.language_button()

    def _look(self) -> str:
        return "over" if self.over else self.status

    def watch_status(self) -> None:
        self.call_after_refresh(self.focus_start)  # the redrawn dialog's first button

    def on_mount(self) -> None:
        _stop_following(self.app)
        self._look_at_request()
        self.set_interval(POLL_SECONDS, self._look_at_request)

    def _look_at_request(self) -> None:
        request = _request(self.kiosk, self.request_id)
        if request is None:
            self.status = "gone"
            return
        if request.volunteer != self.volunteer:
            self.volunteer = request.volunteer
            if request.status == self.status:
                self.refresh(recompose=True)
        self.status = request.status

    def action_close(self) -> None:
        self._wait()

    @on(Button.Pressed, "#wait")
    def _wait(self) -> None:
        if self.status == WAITING:  # nobody has said yet who is coming: say it when they do
            _follow(self.kiosk, self.request_id)
        self.dismiss(None)

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.kiosk.help_requests.cancel(self.request_id)
        self.dismiss(None)


def _request(app: KioskApp, request_id: int) -> HelpRequest | None:
    try:
        return app.help_requests.get(request_id)
    except KeyError:
        return None


def _follow(app: KioskApp, request_id: int) -> None:
    """Show the dialog again, with the volunteer's name, once the desk accepts."""
    _stop_following(app)

    def look() -> None:
        request = _request(app, request_id)
        if request is None or request.status not in OPEN_STATUSES:
            _stop_following(app)
        elif request.status == ACCEPTED:
            _stop_following(app)
            if not isinstance(app.screen, HelpModal):
                app.push_screen(HelpModal(request_id))

    _followers[app] = app.set_interval(POLL_SECONDS, look)


def _stop_following(app: App) -> None:
    timer = _followers.pop(app, None)
    if timer is not None:
        timer.stop()
