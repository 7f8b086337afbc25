"""Signing in at the desk: a volunteer's name and personal PIN."""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from kiosk.volunteers import SignInRefused
from screens.desk.base import DeskScreen


class SignInScreen(DeskScreen):
    AUTO_FOCUS = "#name"
    KEYS = (("Enter", "k_sign_in"), ("Tab", "k_next_field"), ("F2", "k_language"),
            ("Ctrl+Q", "k_quit"))

    def __init__(self, notice: str | None = None) -> None:
        super().__init__()
        self.notice = notice

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-in"):
            yield Static(self.w("sign_in_title"), markup=False, classes="title")
            yield Static(self.w("name"), markup=False, classes="label")
            yield Input(id="name", max_length=40)
            yield Static(self.w("pin"), markup=False, classes="label")
            yield Input(id="pin", password=True, restrict=r"[0-9]*", max_length=12)
            yield Static(self.w(self.notice or "sign_in_hint"), markup=False, id="message")
        yield self.key_line()

    @on(Input.Submitted, "#name")
    def _to_pin(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def _sign_in(self) -> None:
        name = self.query_one("#name", Input).value
        pin_input = self.query_one("#pin", Input)
        pin, pin_input.value = pin_input.value, ""
        message = self.query_one("#message", Static)
        if not name.strip():
            self.query_one("#name", Input).focus()
            return
        try:
            volunteer = self.desk.volunteers.sign_in(name, pin)
        except SignInRefused as refused:
            if refused.reason == "locked" and refused.until:
                until = time.strftime("%H:%M", time.localtime(refused.until))
                message.update(self.w("locked", time=until))
            else:
                message.update(self.w("wrong_pin"))
            message.add_class("problem")
            pin_input.focus()
            return
        self.desk.sign_in(volunteer.name)
