"""The `kiosk` command: run the kiosk, build the catalogue, look after drafts.

Scripts and volunteers rely on these subcommands and their --json output: keep them stable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.config import REPO_ROOT, Config


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _config(args: argparse.Namespace) -> Config:
    return Config.load(
        data_dir=getattr(args, "data_dir", None), catalogue=getattr(args, "catalogue", None),
        host=getattr(args, "host", None), port=getattr(args, "port", None),
        public_url=getattr(args, "public_url", None), kiosk_name=getattr(args, "name", None),
    )


def cmd_run(args: argparse.Namespace) -> int:
    """Start the kiosk screen (and the phone page beside it). The UI lives in screens/, which
    hands its runner in through `main(ui=...)`: the core never imports the UI."""
    if args.ui is None:
        print("the kiosk screen starts with the `kiosk` command", file=sys.stderr)
        return 2
    config = _config(args)
    config.ensure_data_dir()
    import threading

    from kiosk.purge import purge

    # Each start forgets abandoned drafts, beside the first paint rather than before it.
    threading.Thread(target=purge, args=(config.data_dir,),
                     kwargs={"days": config.draft_days}, daemon=True).start()
    if not args.no_server:
        from kiosk.web.server import start_in_background

        start_in_background(config)
    return args.ui.run_kiosk(config) or 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kiosk.web.server import serve

    config = _config(args)
    config.ensure_data_dir()
    serve(config)
    return 0


def cmd_catalogue_build(args: argparse.Namespace) -> int:
    from kiosk.catalogue.build import CatalogueError, build

    output = Path(getattr(args, "catalogue", None) or REPO_ROOT / "catalogue.db")
    try:
        result = build(Path(args.assets), output)
    except CatalogueError as error:
        print(f"catalogue not built: {error}", file=sys.stderr)
        return 1
    for problem in result["problems"]:
        print(f"skipped {problem}", file=sys.stderr)
    print(f"built {output}: {result['services']} described services, {result['forms']} forms, "
          f"{result['items']} listed items")
    return 0


def cmd_catalogue_import(args: argparse.Namespace) -> int:
    import sqlite_utils

    from kiosk.catalogue.build import create_schema, import_items

    output = Path(getattr(args, "catalogue", None) or REPO_ROOT / "catalogue.db")
    db = sqlite_utils.Database(output)
    create_schema(db)
    loaded, problems = import_items(db, Path(args.file))
    try:
        from kiosk.search.index import build_index
    except ImportError:
        build_index = None
    if build_index is not None:
        build_index(db)
    db.conn.commit()
    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)
    print(f"loaded {loaded} items from {args.file} into {output}; {len(problems)} rows skipped")
    return 0 if loaded or not problems else 1


def cmd_catalogue_stats(args: argparse.Namespace) -> int:
    from kiosk.catalogue import Catalogue

    stats = Catalogue(_config(args).catalogue).stats()
    if args.json:
        _print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key:28} {value}")
    return 0


def _draft_json(config: Config, draft, link: str | None = None) -> dict:
    from kiosk import handoff

    data = {
        "id": draft.id, "service_id": draft.service_id, "status": draft.status,
        "resume_code": draft.resume_code,
        "resume_code_display": handoff.format_resume_code(draft.resume_code),
        "step": draft.step, "values": draft.values, "updated": draft.updated,
        "created": draft.created, "expires": draft.expires, "reference": draft.reference,
    }
    if link:
        data["phone_link"] = link
    return data


def cmd_drafts_new(args: argparse.Namespace) -> int:
    from kiosk import handoff
    from kiosk.catalogue import Catalogue
    from kiosk.drafts import DraftStore

    config = _config(args)
    service = Catalogue(config.catalogue).service(args.service_id)
    if service is None:
        print(f"no service {args.service_id!r}: see `kiosk search`", file=sys.stderr)
        return 1
    store = DraftStore(config.ensure_data_dir() / "drafts.db")
    draft = store.create(service.id, kiosk="desk")
    link = handoff.phone_url(config.public_url, store.issue_token(draft.id))
    data = _draft_json(config, draft, link)
    if args.json:
        _print_json(data)
    else:
        print(f"resume code {data['resume_code_display']}\nphone link {link}")
    return 0


def cmd_drafts_show(args: argparse.Namespace) -> int:
    from kiosk.drafts import DraftStore

    config = _config(args)
    store = DraftStore(config.ensure_data_dir() / "drafts.db")
    draft = store.find_by_code(args.code)
    if draft is None:
        print("no live draft has that resume code", file=sys.stderr)
        return 1
    data = _draft_json(config, draft)
    if args.json:
        _print_json(data)
    else:
        for key, value in data.items():
            print(f"{key:20} {value}")
    return 0


def cmd_drafts_list(args: argparse.Namespace) -> int:
    from kiosk.drafts import DraftStore

    config = _config(args)
    store = DraftStore(config.ensure_data_dir() / "drafts.db")
    drafts = [_draft_json(config, d) for d in store.all()]
    if args.json:
        _print_json(drafts)
    else:
        for d in drafts:
            print(f"{d['resume_code_display']}  {d['status']:10} {d['service_id']:28} {d['step']}")
    return 0


def _day(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2026-12-03") from None


def _catalogue_or_none(config: Config):
    from kiosk.catalogue import Catalogue

    try:
        return Catalogue(config.catalogue)
    except FileNotFoundError:
        return None


def cmd_desk(args: argparse.Namespace) -> int:
    """The volunteers' and windows' console; like the kiosk, its screens come in via `ui`."""
    if args.ui is None:
        print("the desk console starts with the `kiosk desk` command", file=sys.stderr)
        return 2
    config = _config(args)
    config.ensure_data_dir()
    return args.ui.run_desk(config) or 0


def _read_pin(prompt: str) -> str:
    import getpass

    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()  # piped in by a setup script


def cmd_desk_add_volunteer(args: argparse.Namespace) -> int:
    from kiosk.volunteers import BadPin, Volunteers, check_new_pin

    config = _config(args)
    volunteers = Volunteers(config.ensure_data_dir() / "drafts.db")
    try:
        pin = check_new_pin(_read_pin(f"PIN for {args.name} (6 to 12 digits): "))
        if _read_pin("the same PIN again: ").strip() != pin:
            print("the two PINs differ; nothing changed", file=sys.stderr)
            return 1
        volunteer = volunteers.add(args.name, pin, replace=args.replace)
    except BadPin as error:
        print(f"not added: {error}", file=sys.stderr)
        return 1
    except KeyError:
        print(f"{args.name} is already a volunteer; --replace sets a new PIN", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"not added: {error}", file=sys.stderr)
        return 1
    finally:
        volunteers.close()
    print(f"{volunteer.name} can sign in at the desk")
    return 0


def cmd_submissions_export(args: argparse.Namespace) -> int:
    from kiosk.window import WindowQueue

    config = _config(args)
    catalogue = _catalogue_or_none(config)
    queue = WindowQueue(config.ensure_data_dir() / "drafts.db")
    applications = queue.since(args.since)
    queue.close()
    for application in applications:
        service = catalogue.service(application["service_id"]) if catalogue else None
        application["service"] = service.name if service else None
    if args.json:
        _print_json(applications)
    else:
        for a in applications:
            print(f"{a['reference']:18} {a['status']:22} {a['service_id']}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import datetime as dt

    from kiosk.report import report_for

    config = _config(args)
    figures = report_for(config.drafts_db, args.day or dt.date.today(),
                         _catalogue_or_none(config))
    if args.json:
        _print_json(figures)
    else:
        for key, value in figures["drafts"].items():
            print(f"drafts {key:22} {value}")
        for key, value in figures["help_requests"].items():
            print(f"help {key:24} {value}")
    return 0


def cmd_staff_pin(args: argparse.Namespace) -> int:
    """Set the PIN that opens the kiosk's staff menu (kept as a salted hash in the data folder)."""
    from kiosk.staff import set_pin

    config = _config(args)
    pin = _read_pin("staff PIN (at least 4 digits): ").strip()
    if _read_pin("the same PIN again: ").strip() != pin:
        print("the two PINs differ; nothing changed", file=sys.stderr)
        return 1
    try:
        path = set_pin(config.ensure_data_dir(), pin)
    except ValueError as error:
        print(f"not set: {error}", file=sys.stderr)
        return 1
    print(f"staff PIN set ({path}); $KIOSK_STAFF_PIN, if set, still wins")
    return 0


def _add_hall_commands(sub, common: argparse.ArgumentParser) -> None:
    """`kiosk desk`, `kiosk submissions export` and `kiosk report`: the hall staff's side."""
    desk = sub.add_parser("desk", parents=[common], help="the help desk and windows' console")
    desk.set_defaults(func=cmd_desk)
    desk_sub = desk.add_subparsers(dest="action")
    add = desk_sub.add_parser("add-volunteer", parents=[common],
                              help="add a volunteer; asks for their PIN")
    add.add_argument("name")
    add.add_argument("--replace", action="store_true", help="set a new PIN (lifts a lock)")
    add.set_defaults(func=cmd_desk_add_volunteer)

    submissions = sub.add_parser("submissions", help="submitted applications")
    s_sub = submissions.add_subparsers(dest="action", required=True)
    export = s_sub.add_parser("export", parents=[common],
                              help="applications submitted since a day, for a back office")
    export.add_argument("--since", type=_day, required=True, help="YYYY-MM-DD")
    export.add_argument("--json", action="store_true")
    export.set_defaults(func=cmd_submissions_export)

    report = sub.add_parser("report", parents=[common], help="the hall's day in figures")
    report.add_argument("--day", type=_day, help="YYYY-MM-DD (default today)")
    report.add_argument("--json", action="store_true")
    report.set_defaults(func=cmd_report)

    staff_pin = sub.add_parser("staff-pin", parents=[common],
                               help="set the PIN of the kiosk's staff menu; asks for it")
    staff_pin.set_defaults(func=cmd_staff_pin)


def cmd_search(args: argparse.Namespace) -> int:
    from kiosk.search.cli import cmd_search as run_search

    return run_search(args) or 0


def cmd_drafts_purge(args: argparse.Namespace) -> int:
    from kiosk.purge import purge

    config = _config(args)
    removed = purge(config.ensure_data_dir(), days=config.draft_days)
    if args.json:
        _print_json({"purged": len(removed)})
    else:
        print(f"purged {len(removed)} drafts untouched for {config.draft_days:g} days")
    return 0


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a flag given before the subcommand is not overwritten by the subcommand's
    # own (absent) copy of it, so `kiosk --data-dir D drafts list` and
    # `kiosk drafts list --data-dir D` mean the same.
    quiet = argparse.SUPPRESS
    common.add_argument("--data-dir", default=quiet,
                        help="folder for drafts and uploads (env KIOSK_DATA_DIR)")
    common.add_argument("--catalogue", default=quiet,
                        help="catalogue database (env KIOSK_CATALOGUE)")
    common.add_argument("--public-url", default=quiet,
                        help="address phones use, e.g. http://192.168.1.5:8765")

    top = argparse.ArgumentParser(prog="kiosk", parents=[common],
                                  description="The service-hall kiosk.")
    top.add_argument("--host", help="phone page listens here (default 0.0.0.0)")
    top.add_argument("--port", type=int, help="phone page port (default 8765)")
    top.add_argument("--name", help="this kiosk's name, shown at the help desk")
    top.add_argument("--no-server", action="store_true", help="do not serve the phone page")
    top.set_defaults(func=cmd_run)
    sub = top.add_subparsers(dest="command")

    serve = sub.add_parser("serve", parents=[common], help="serve the phone page only")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(func=cmd_serve)

    cat = sub.add_parser("catalogue", help="build and inspect the catalogue")
    cat_sub = cat.add_subparsers(dest="action", required=True)
    build = cat_sub.add_parser("build", parents=[common], help="build catalogue.db from assets/")
    build.add_argument("--assets", default=str(REPO_ROOT / "assets"))
    build.set_defaults(func=cmd_catalogue_build)
    imp = cat_sub.add_parser("import-items", parents=[common],
                             help="load a hall's item list (CSV) into the catalogue")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_catalogue_import)
    stats = cat_sub.add_parser("stats", parents=[common], help="counts of what the catalogue holds")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(func=cmd_catalogue_stats)

    search = sub.add_parser("search", parents=[common], help="find services as the kiosk does")
    # Declared here, not imported from kiosk.search: building the parser must not load the
    # search index code on every start of the kiosk.
    search.add_argument("query", nargs="+", help="what a visitor would type, e.g. 老年卡 or ylbx")
    search.add_argument("--limit", type=int, default=10, help="how many services (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(func=cmd_search)

    drafts = sub.add_parser("drafts", help="start, show and list drafts")
    d_sub = drafts.add_subparsers(dest="action", required=True)
    new = d_sub.add_parser("new", parents=[common], help="start a draft (e.g. at the help desk)")
    new.add_argument("service_id")
    new.add_argument("--json", action="store_true")
    new.set_defaults(func=cmd_drafts_new)
    show = d_sub.add_parser("show", parents=[common], help="a draft by its resume code")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_drafts_show)
    listing = d_sub.add_parser("list", parents=[common], help="all drafts, newest first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_drafts_list)
    purge = d_sub.add_parser("purge", parents=[common],
                             help="delete unfinished drafts older than KIOSK_DRAFT_DAYS (30)")
    purge.add_argument("--json", action="store_true")
    purge.set_defaults(func=cmd_drafts_purge)
    _add_hall_commands(sub, common)
    return top


def main(argv: list[str] | None = None, ui: object | None = None) -> int:
    """Run a subcommand. `ui` supplies the screens (run_kiosk, run_desk) when started as
    the `kiosk` command; without it, only the commands that need no screen work."""
    import os

    os.umask(0o077)  # every file made (database, its WAL, photos, slips, logs): owner-only
    args = parser().parse_args(argv)
    args.ui = ui
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
