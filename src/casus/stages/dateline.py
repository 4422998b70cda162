"""The dateline stage: "TEHRAN, April 7 (IRNA) –" becomes article metadata before parsing
(the parser is :mod:`casus.engine.datelines`)."""

from __future__ import annotations

from casus.daterange import in_range
from casus.document import Document
from casus.engine.datelines import blank_dateline, parse_dateline
from casus.ontology.gazetteer import Gazetteer


class DatelineStage:
    """Parses the dateline, blanks it out of the text (same length, so offsets stay true) and
    takes the publication date from it when the article has none."""

    name: str = "dateline"
    before_parse: bool = True
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("dateline", "published", "text", "shown", "warnings")

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, document: Document) -> Document:
        dateline = parse_dateline(document.text, self.gazetteer, published=document.published)
        if dateline is None:
            return document
        document.dateline = dateline
        document.text = blank_dateline(document.text, dateline)
        document.shown = blank_dateline(document.shown, dateline) if document.shown else ""
        if document.published is None and dateline.date is not None and in_range(dateline.date):
            document.published = dateline.date
            document.warnings.append(f"publication date {dateline.date} taken from the dateline")
        return document
