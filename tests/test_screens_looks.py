"""How the screens look: contrast of every colour pair in both themes, every word from
texts.yaml, and what must be visible at the smallest screen (60 x 20)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from screens.app import KioskApp
from screens.display_modal import LOOKS
from screens.text_size import TEXT_SIZES
from screens.themes import INHERITED_PAIRS, THEMES
from screens.welcome import WAYS_IN
from tests.conftest import Visitor

SCREENS = Path(__file__).resolve().parent.parent / "screens"
TEXTS = Path(__file__).resolve().parent.parent / "assets" / "texts.yaml"
# The visitor's screens (the desk's screens live in screens/desk/ and have tests of their own).
VISITOR_FOLDERS = (SCREENS, SCREENS / "widgets")


def visitor_files(pattern: str) -> list[Path]:
    return sorted(p for folder in VISITOR_FOLDERS for p in folder.glob(pattern))

NORMAL_TEXT, LARGE_TEXT = 7.0, 4.5  # WCAG 1.4.6 (AAA); large: text drawn in block letters


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


def default_css(path: Path) -> list[str]:
    """The DEFAULT_CSS strings of a widget module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value.value for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            and any(getattr(t, "id", "") == "DEFAULT_CSS" for t in node.targets)]


def stylesheets() -> list[tuple[str, str]]:
    """(where, css) of every stylesheet of the visitor's screens, widgets' own CSS included."""
    sheets = [(p.name, p.read_text(encoding="utf-8")) for p in visitor_files("*.tcss")]
    sheets += [(p.name, css) for p in visitor_files("*.py") for css in default_css(p)]
    return sheets


def resolve(value: str, variables: dict[str, str]) -> str | None:
    """A colour as #rrggbb: written out, or a theme's $variable; None for anything else."""
    if value.startswith("$"):
        assert value[1:] in variables, f"{value} is not defined by the theme"
        return variables[value[1:]]
    return value if re.fullmatch(r"#[0-9a-fA-F]{6}", value) else None


def colour_pairs(theme: str) -> list[tuple[str, str, str, float]]:
    """(where, text, background, needed ratio) of every rule that sets a text colour."""
    variables = THEMES[theme].variables
    screen = variables["kiosk-background"]
    pairs = []
    for where, css in stylesheets():
        for selector, declarations in rule_blocks(css):
            colour = declarations.get("color", "").split()[:1]
            background = declarations.get("background", "").split()
            text = resolve(colour[0], variables) if colour else None
            if text is None or len(background) > 1:  # no colour, or a see-through overlay
                continue
            back = resolve(background[0], variables) if background else screen
            needed = LARGE_TEXT if "BigText" in selector or "-big" in selector else NORMAL_TEXT
            pairs.append((f"{where}: {selector}", text, back or screen, needed))
    for text, back in INHERITED_PAIRS:
        pairs.append((f"{text} on {back}", variables[text], variables[back], NORMAL_TEXT))
    return pairs


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_text_and_background_pair_has_a_contrast_of_at_least_7_to_1(theme):
    pairs = colour_pairs(theme)
    assert len(pairs) > 20
    weak = {name: round(contrast(fg, bg), 2) for name, fg, bg, needed in pairs
            if contrast(fg, bg) < needed}
    assert weak == {}


def test_both_themes_define_every_colour_and_differ():
    default, high = (THEMES[name].variables for name in ("default", "contrast"))
    assert set(default) == set(high)
    assert default["kiosk-background"] != high["kiosk-background"]
    used = {name for _, css in stylesheets() for name in re.findall(r"\$(kiosk-[a-z-]+)", css)}
    assert used - set(default) == set()


def words_used_by_the_screens() -> set[str]:
    keys = set()
    for path in visitor_files("*.py"):
        keys.update(re.findall(r"\bt\(\s*\"([a-z_]+)\"", path.read_text(encoding="utf-8")))
    keys.update(f"welcome_{way}" for way in WAYS_IN)
    keys.update(f"look_{look}" for look in LOOKS)
    keys.update(f"size_{size}" for size in TEXT_SIZES)
    keys.update(("language_zh", "language_en"))
    return keys


def test_every_word_on_screen_is_in_texts_yaml_in_both_languages():
    texts = yaml.safe_load(TEXTS.read_text(encoding="utf-8"))
    used = words_used_by_the_screens()
    assert used - set(texts) == set()
    assert {k for k in used if not (texts[k].get("zh") and texts[k].get("en"))} == set()
    # Every text in the file, used by a screen or not, has both languages.
    assert {k for k, v in texts.items() if not (v.get("zh") and v.get("en"))} == set()
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
