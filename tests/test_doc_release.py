"""A coded Doc is freed as soon as its article is coded (issue 14): the memos the stages keep
with it hold its tokens, which point back at it; left in place they made every Doc a
reference cycle that only a full garbage collection could free."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from casus.coder import Coder
from casus.document import Document
from casus.engine.sentences import forget, sentence_text

TEXT = (
    "Iran condemned Azerbaijan over the attack on its embassy on Monday. "
    "Russia sent humanitarian aid to Syria, officials said."
)


@pytest.fixture
def no_collection() -> Iterator[None]:
    """No garbage collection while the test runs: only reference counting frees things."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def test_coded_doc_is_freed_without_garbage_collection(
    coder: Coder, monkeypatch: pytest.MonkeyPatch, no_collection: None
) -> None:
    seen: list[weakref.ref[object]] = []
    run = coder.pipeline._run_safely

    def keep_a_reference(document: Document) -> Document:
        seen.append(weakref.ref(document.parsed()))
        return run(document)

    monkeypatch.setattr(coder.pipeline, "_run_safely", keep_a_reference)
    events = coder.code(TEXT, published="2023-04-09")
    assert events  # the stages ran, and kept their memos with the Doc while they did
    assert seen
    assert all(ref() is None for ref in seen)


def test_forget_drops_only_the_memos_of_casus(coder: Coder) -> None:
    doc = coder.nlp(TEXT)
    doc.user_data["mine"] = "kept"
    first = next(iter(doc.sents))
    assert sentence_text(first) == first.text
    assert any(str(key).startswith("casus.") for key in doc.user_data)
    forget(doc)
    assert doc.user_data == {"mine": "kept"}
