"""How the screens look: contrast of every colour pair, every word from texts.yaml, and what
must be visible at the smallest screen (60 x 20)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from screens.app import KioskApp
from screens.welcome import WAYS_IN
from tests.conftest import Visitor

SCREENS = Path(__file__).resolve().parent.parent / "screens"
TEXTS = Path(__file__).resolve().parent.parent / "assets" / "texts.yaml"
WHITE = "#ffffff"
# The visitor's screens (the desk's screens live in screens/desk/ and have tests of their own).
VISITOR_FOLDERS = (SCREENS, SCREENS / "widgets")


def visitor_files(pattern: str) -> list[Path]:
    return sorted(p for folder in VISITOR_FOLDERS for p in folder.glob(pattern))

FOCUSED_INPUT = "#fffbe0"


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rule_blocks(css: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every block, nested ones flattened; comments dropped."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    blocks: list[tuple[str, dict[str, str]]] = []
    stack: list[tuple[str, list[str]]] = []
    token = ""
    for char in css:
        if char == "{":
            stack.append((token.strip(), []))
            token = ""
        elif char == "}":
            selector, own = stack.pop()
            own.append(token)
            token = ""
            declarations = {
                name.strip(): value.strip() for name, _, value in
                (d.partition(":") for d in "".join(own).split(";") if ":" in d)}
            blocks.append((selector, declarations))
        elif char == ";" and stack:
            stack[-1][1].append(token + ";")
            token = ""
        else:
            token += char
    return blocks


def colour_pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for path in visitor_files("*.tcss"):
        for selector, declarations in rule_blocks(path.read_text(encoding="utf-8")):
            colour = declarations.get("color", "").split()[:1]
            background = declarations.get("background", "").split()
            if not colour or not colour[0].startswith("#"):
                continue
            if len(background) > 1:  # a see-through overlay, not a text background
                continue
            back = background[0] if background else WHITE
            pairs.append((f"{path.name}: {selector}", colour[0], back))
    return pairs


def test_every_text_and_background_pair_has_a_contrast_of_at_least_7_to_1():
    pairs = colour_pairs()
    assert len(pairs) > 10
    pairs.append(("placeholder in a focused box", "#555555", FOCUSED_INPUT))
    weak = {name: round(contrast(fg, bg), 2) for name, fg, bg in pairs if contrast(fg, bg) < 7}
    assert weak == {}


def words_used_by_the_screens() -> set[str]:
    keys = set()
    for path in visitor_files("*.py"):
        keys.update(re.findall(r"\bt\(\s*\"([a-z_]+)\"", path.read_text(encoding="utf-8")))
    keys.update(f"welcome_{way}" for way in WAYS_IN)
    return keys


def test_every_word_on_screen_is_in_texts_yaml_in_both_languages():
    texts = yaml.safe_load(TEXTS.read_text(encoding="utf-8"))
    used = words_used_by_the_screens()
    assert used - set(texts) == set()
    assert {k for k in used if not (texts[k].get("zh") and texts[k].get("en"))} == set()
    for key, value in texts.items():  # the same {blanks} in both languages
        assert set(re.findall(r"{\w+}", value["zh"])) == set(re.findall(r"{\w+}", value["en"])), key


def string_literals(path: Path) -> list[str]:
    """Every string in the code, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_no_words_for_visitors_are_written_in_the_python_code():
    chinese = re.compile(r"[\u4e00-\u9fff]")
    offenders = {str(p.relative_to(SCREENS)): [s for s in string_literals(p) if chinese.search(s)]
                 for p in visitor_files("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("size", [(60, 20), (120, 40)])
async def test_the_big_buttons_are_whole_and_at_least_3_rows_tall(config, size):
    app = KioskApp(config)
    async with app.run_test(size=size) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await visitor.press("2")
        await visitor.type("老年卡")
        await visitor.choose("senior-card")
        await visitor.go_on("start")
        screen_region = app.screen.region
        for button in app.screen.query("Button"):
            if button.display:
                assert button.region.height >= 3, button
                assert screen_region.contains_region(button.region), button
        for text in app.screen.query(".question, .hint, #where, #code"):
            assert screen_region.contains_region(text.region), text
