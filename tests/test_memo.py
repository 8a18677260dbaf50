"""A result made from an object is made once while the object is met again soon."""

from __future__ import annotations

from undocs.memo import ByIdentity


def test_a_result_is_made_once_per_object_held_and_let_go_after_size_others() -> None:
    made: list[int] = []

    def make(value: list[int]) -> int:
        made.append(len(value))
        return sum(value)

    memo: ByIdentity[list[int], int] = ByIdentity(2)
    first, equal = [1, 2], [1, 2]
    assert memo(first, make) == 3 and memo(first, make) == 3
    assert memo(equal, make) == 3  # an equal list is another object: made again
    assert made == [2, 2]
    assert memo(first, make, extra="fr") == 3 and made == [2, 2, 2]  # another key
    memo(first, make)  # let go: `equal` and `first`/"fr" came after it
    assert made == [2, 2, 2, 2]
