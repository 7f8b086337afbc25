"""Says in words what someone else changed in this form: the phone, or a volunteer."""

from __future__ import annotations

from screens.widgets.notice import Notice

CHANGE_MARK = "※"  # in every CJK font, unlike a pencil


class ChangeNotice(Notice):
    """A notice with a pencil mark and a bar at the side; hidden while there is nothing to say."""

    DEFAULT_CSS = """
    ChangeNotice {
        padding: 0 1;
        margin: 1 1 0 1;
        color: $kiosk-text;
        background: $kiosk-background;
        border-left: thick $kiosk-frame;
        text-style: bold;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(text, mark=CHANGE_MARK, id=id, classes=classes)
