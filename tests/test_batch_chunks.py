"""How the executors cut their input into tasks: in order, full chunks while the end is not
in sight, then smaller ones so that the workers finish together."""

from __future__ import annotations

import pytest

from casus.batch import chunks


@pytest.mark.parametrize("n", [0, 1, 7, 23, 120, 1001])
@pytest.mark.parametrize("workers", [1, 2, 8])
def test_chunks_keep_every_article_in_order(n: int, workers: int) -> None:
    cut = list(chunks(range(n), 8, workers=workers))
    assert [a for chunk in cut for a in chunk] == list(range(n))
    assert all(0 < len(chunk) <= 8 for chunk in cut)


def test_the_last_chunks_shrink_with_several_workers() -> None:
    # 120 articles on two workers: 15 chunks of 8 leave one worker a whole chunk alone
    sizes = [len(chunk) for chunk in chunks(range(120), 8, workers=2)]
    assert sizes[:12] == [8] * 12 and sizes[12:] == sorted(sizes[12:], reverse=True)
    assert sizes[-1] == 1 and sum(sizes) == 120
    assert [len(chunk) for chunk in chunks(range(120), 8)] == [8] * 15
