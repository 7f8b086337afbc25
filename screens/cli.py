"""The `kiosk` command: the core's CLI, with the screens it may start handed in."""

from __future__ import annotations

import sys

from kiosk import cli
from kiosk.config import Config


class Screens:
    """The screens the CLI can start; imported only when one is started."""

    @staticmethod
    def run_kiosk(config: Config) -> int:
        from screens.app import KioskApp

        KioskApp(config).run()
        return 0

    @staticmethod
    def run_desk(config: Config) -> int:
        from screens.desk.app import DeskApp

        DeskApp(config).run()
        return 0


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, ui=Screens)


if __name__ == "__main__":
    sys.exit(main())
