"""The purpose of a show of force names whom it is aimed at: "Japan scrambled fighter jets to
intercept two Chinese drones" (at China), "sent warships to shadow a Russian flotilla" (at
Russia). The forces moved are the actor's own, so the target is looked for in the purpose."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casus.engine.frames import Frame


def with_purposes(frame: Frame) -> Frame:
    """The frame with its infinitives of purpose as its complements, so that their targets can
    be looked for as an intention's are."""
    purposes = [
        c
        for c in frame.pred.children
        if c.dep_ == "advcl"
        and c.tag_ == "VB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    return replace(frame, complements=frame.complements + purposes)
