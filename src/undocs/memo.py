"""Results made from an object, kept by the object's identity for as long as it is met
again soon (`ByIdentity`)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class ByIdentity(Generic[T, R]):
    """The last `size` results made from objects, each kept with its object, by the object's
    `id` (and an `extra` part of the key). An object held cannot be freed, so its id is never
    another object's while its result is kept; objects not met for `size` results are let
    go. For values met again one after the other (the same list of thousands of documents
    in the seven language versions of a page), not for a cache of a whole build (it would
    hold every object)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._made: OrderedDict[tuple[int, Hashable], tuple[T, R]] = OrderedDict()

    def __call__(self, value: T, make: Callable[[T], R], extra: Hashable = None) -> R:
        """Return `make(value)`, made once while `value` is held."""
        key = (id(value), extra)
        found = self._made.get(key)
        if found is not None and found[0] is value:
            self._made.move_to_end(key)
            return found[1]
        made = make(value)
        self._made[key] = (value, made)
        if len(self._made) > self.size:
            self._made.popitem(last=False)
        return made
