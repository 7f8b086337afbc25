"""Never ask twice, on a question: offer the answer the visitor gave earlier in this visit.

A mixin for FormStepScreen. The offer takes the answer box's place until the visitor says
"1 use it" (the answer is checked and saved as if typed) or "2 type another" (the box comes
back, empty). Good answers to profile questions are remembered for the next form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screens.answer_text import shown_answer
from screens.widgets.numbered_choices import NumberedChoices
from screens.widgets.profile_offer import OTHER, USE, ProfileOffer

if TYPE_CHECKING:
    from kiosk.forms import Field


class OffersProfile:
    """Needs `field`, `raw`, `kiosk`, `lang`, `t`, `go_next`, `recompose` and `focus_start`."""

    field: Field
    raw: str
    offer_settled = False  # the visitor has answered the offer (or there was none)

    def profile_offer(self) -> ProfileOffer | None:
        offered = self.kiosk.profile.offer(self.field, self.raw)  # type: ignore[attr-defined]
        if offered is None or self.offer_settled:
            return None
        t = self.t  # type: ignore[attr-defined]
        shown = shown_answer(self.field, offered, self.lang)  # type: ignore[attr-defined]
        return ProfileOffer(t("profile_offer", answer=shown), t("profile_offer_question"),
                            use_label=t("profile_use"), other_label=t("profile_other"),
                            page_labels=(t("previous_page"), t("next_page"), t("page_of")))

    def offer_pending(self) -> bool:
        """The offer is on screen and the visitor has not answered it yet."""
        return not self.offer_settled and bool(self.query("#profile-offer"))  # type: ignore[attr-defined]

    def focus_offer(self) -> bool:
        """Focus "1 use it" when the offer is on screen; False when it is not."""
        if not self.offer_pending():
            return False
        self.query_one("#profile-choices", NumberedChoices).focus_first()  # type: ignore[attr-defined]
        return True

    def remember_answer(self) -> None:
        """After a good answer: keep it for the visit, if the question is a profile one."""
        value = self.session.values.get(self.field.id, "")  # type: ignore[attr-defined]
        self.kiosk.profile.remember(self.field, value)  # type: ignore[attr-defined]

    async def on_numbered_choices_picked(self, event: NumberedChoices.Picked) -> None:
        if event.control.id != "profile-choices":
            return
        event.stop()
        offered = self.kiosk.profile.offer(self.field, self.raw)  # type: ignore[attr-defined]
        self.offer_settled = True
        if event.value == USE and offered is not None:
            self.raw = offered
            self.go_next()  # type: ignore[attr-defined]
        elif event.value == OTHER:
            await self.recompose()  # type: ignore[attr-defined]
            self.focus_start()  # type: ignore[attr-defined]
