"""One visitor's visit: noticing when the kiosk has gone quiet, and the volunteers' way in.

After `idle_seconds` without a key or a tap the kiosk asks "Do you need more time?" (the
IdleModal counts down at least 20 s); only then does the visit end. A welcome screen that
nobody has touched is left alone, apart from putting the kiosk's own look back.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screens.app import KioskApp

STAFF_PRESSES = 3        # F12 three times ...
STAFF_WITHIN = 3.0       # ... within this many seconds opens the staff PIN


class IdleWatch:
    def __init__(self, app: KioskApp, seconds: float, countdown: float) -> None:
        self.app = app
        self.seconds = seconds
        self.countdown = countdown
        self.last = monotonic()

    def start(self) -> None:
        """Check a few times within each quiet spell (every second on a real kiosk)."""
        self.app.set_interval(min(1.0, max(self.seconds / 4, 0.05)), self.check)

    def activity(self) -> None:
        self.last = monotonic()

    @property
    def quiet_for(self) -> float:
        return monotonic() - self.last

    def check(self) -> None:
        from screens.help_modal import HelpModal
        from screens.idle_modal import IdleModal

        app = self.app
        if isinstance(app.screen, HelpModal):
            self.activity()  # told to wait for a volunteer: waiting is not walking away
            return
        if self.quiet_for < self.seconds or isinstance(app.screen, IdleModal):
            return
        if app.visit_is_blank():
            app.end_visit()  # nothing personal: only the look goes back to the kiosk's own
            self.activity()
            return
        app.push_screen(IdleModal(self.countdown))


class StaffKeys:
    """Counts presses of the staff key; a volunteer presses it three times in a row."""

    def __init__(self) -> None:
        self.presses: list[float] = []

    def pressed(self) -> bool:
        """True when this press completes the sequence."""
        now = monotonic()
        self.presses = [t for t in self.presses if now - t <= STAFF_WITHIN] + [now]
        if len(self.presses) >= STAFF_PRESSES:
            self.presses = []
            return True
        return False
