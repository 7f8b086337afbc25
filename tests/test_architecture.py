"""The core stays free of the UI, so the phone page and scripts can use it without Textual."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "kiosk"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_textual_or_the_screens():
    offenders = {
        str(path.relative_to(CORE)): sorted(
            m for m in imported_modules(path)
            if m.split(".")[0] in ("textual", "screens")
        )
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
