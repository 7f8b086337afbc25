"""The kiosk's two looks: the default (near-black on white, dark blue buttons) and high
contrast (white on black, outlined buttons). Every colour the stylesheets use is a `$kiosk-*`
variable defined here for both, so a switch changes all of them; tests/test_screens_looks.py
checks every text/background pair of each at 7:1 or better.
"""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_COLOURS = {
    "kiosk-background": "#ffffff",
    "kiosk-text": "#111111",
    "kiosk-hint": "#333333",
    "kiosk-frame": "#003580",
    "kiosk-bar-background": "#0b2f6b",
    "kiosk-bar-text": "#ffffff",
    "kiosk-button-background": "#003580",
    "kiosk-button-text": "#ffffff",
    "kiosk-button-edge": "#003580",
    "kiosk-quiet-background": "#dfe7f3",
    "kiosk-quiet-text": "#0a0a0a",
    "kiosk-quiet-edge": "#dfe7f3",
    "kiosk-focus-background": "#ffd200",
    "kiosk-focus-text": "#000000",
    "kiosk-focus-edge": "#000000",
    "kiosk-chosen-background": "#0b5d1e",
    "kiosk-chosen-text": "#ffffff",
    "kiosk-chosen-edge": "#0b5d1e",
    "kiosk-problem-background": "#fff0f0",
    "kiosk-problem-text": "#8a0000",
    "kiosk-good-text": "#0b4d1a",
    "kiosk-input-background": "#ffffff",
    "kiosk-input-text": "#000000",
    "kiosk-input-edge": "#333333",
    "kiosk-input-focus-background": "#fffbe0",
    "kiosk-input-focus-edge": "#003580",
    "kiosk-placeholder": "#555555",
    "kiosk-cursor-background": "#003580",
    "kiosk-cursor-text": "#ffffff",
}

CONTRAST_COLOURS = {
    "kiosk-background": "#000000",
    "kiosk-text": "#ffffff",
    "kiosk-hint": "#e6e6e6",
    "kiosk-frame": "#ffffff",
    "kiosk-bar-background": "#ffffff",
    "kiosk-bar-text": "#000000",
    "kiosk-button-background": "#000000",
    "kiosk-button-text": "#ffffff",
    "kiosk-button-edge": "#ffffff",
    "kiosk-quiet-background": "#000000",
    "kiosk-quiet-text": "#ffffff",
    "kiosk-quiet-edge": "#b0b0b0",
    "kiosk-focus-background": "#ffff00",
    "kiosk-focus-text": "#000000",
    "kiosk-focus-edge": "#ffffff",
    "kiosk-chosen-background": "#003a00",
    "kiosk-chosen-text": "#ffffff",
    "kiosk-chosen-edge": "#7dff7d",
    "kiosk-problem-background": "#2a0000",
    "kiosk-problem-text": "#ffa0a0",
    "kiosk-good-text": "#7dff7d",
    "kiosk-input-background": "#000000",
    "kiosk-input-text": "#ffffff",
    "kiosk-input-edge": "#ffffff",
    "kiosk-input-focus-background": "#202000",
    "kiosk-input-focus-edge": "#ffff00",
    "kiosk-placeholder": "#cccccc",
    "kiosk-cursor-background": "#ffff00",
    "kiosk-cursor-text": "#000000",
}

THEMES = {
    "default": Theme(
        name="kiosk-default", primary="#003580", foreground="#111111", background="#ffffff",
        surface="#ffffff", panel="#dfe7f3", dark=False, variables=DEFAULT_COLOURS),
    "contrast": Theme(
        name="kiosk-contrast", primary="#ffff00", foreground="#ffffff", background="#000000",
        surface="#000000", panel="#000000", dark=True, variables=CONTRAST_COLOURS),
}

# Pairs drawn by the widgets' own code or by inheritance, which no single rule shows:
# (text variable, background variable).
INHERITED_PAIRS = (
    ("kiosk-input-text", "kiosk-input-focus-background"),
    ("kiosk-placeholder", "kiosk-input-focus-background"),
    ("kiosk-placeholder", "kiosk-input-background"),
    ("kiosk-text", "kiosk-problem-background"),
)


def theme_name(setting: str) -> str:
    """The Textual theme for a setting ("default" or "contrast")."""
    return THEMES.get(setting, THEMES["default"]).name
