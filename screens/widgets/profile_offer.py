"""Never ask twice: "You gave this earlier: 张三. Use it again? 1 yes / 2 type another".

Shown instead of the answer box when the visit's profile holds an answer for the question;
nothing is filled in until the visitor says yes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from screens.widgets.numbered_choices import NumberedChoices, Option
from screens.widgets.plain import Plain

USE, OTHER = "use", "other"


class ProfileOffer(Vertical):
    """Posts NumberedChoices.Picked from "#profile-choices" with USE or OTHER."""

    DEFAULT_CSS = """
    ProfileOffer {
        height: 1fr;
    }
    ProfileOffer .offer-words {
        padding: 0 1;
        margin: 1 0 0 0;
        text-style: bold;
    }
    ProfileOffer NumberedChoices {
        margin: 1 0 0 0;
    }
    """

    def __init__(self, offered: str, question: str, *, use_label: str, other_label: str,
                 page_labels: tuple[str, str, str]) -> None:
        super().__init__(id="profile-offer")
        self.offered = offered
        self.question = question
        self.use_label = use_label
        self.other_label = other_label
        self.page_labels = page_labels

    def compose(self) -> ComposeResult:
        yield Plain(f"{self.offered}\n{self.question}", classes="offer-words")
        previous_label, next_label, page_label = self.page_labels
        yield NumberedChoices([Option(USE, self.use_label), Option(OTHER, self.other_label)],
                              previous_label=previous_label, next_label=next_label,
                              page_label=page_label, max_columns=2, id="profile-choices")
