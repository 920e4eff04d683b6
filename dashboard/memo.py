"""Values that many threads share, each computed once however many ask for it at once.

Every browser session runs its script in its own thread of one server process. When
twenty of them ask for the same scorecard or chart in the same second, one thread
computes it and the others wait for that result instead of repeating the work (which,
under the interpreter's one lock, would only make every one of them slower).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from enum import Enum
from typing import Final, Generic, Literal, TypeVar, overload

V = TypeVar("V")
T = TypeVar("T")
Owner = TypeVar("Owner")


class _Missing(Enum):
    """Nothing held for a key (a value may itself be `None`)."""

    MISSING = "missing"


MISSING: Final = _Missing.MISSING
Missing = Literal[_Missing.MISSING]


class Once(Generic[V]):
    """Computes a key's value once, whoever asks meanwhile waits for it; subclasses say
    what is kept (`_held`, `_keep`), under the lock."""

    def __init__(self) -> None:
        self.computed = 0  # values computed so far (what tests and benchmarks count)
        self._lock = threading.Lock()
        self._pending: dict[Hashable, Future[V]] = {}

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The value for `key`, computed by `compute()` unless held or being computed.

        A failure is not kept: every thread that waited gets the same error, and the
        next call computes again.
        """
        with self._lock:
            held = self._held(key)
            if held is not MISSING:
                return held
            waiting = self._pending.get(key)
            if waiting is None:
                pending: Future[V] = Future()
                self._pending[key] = pending
        if waiting is not None:
            return waiting.result()
        try:
            value = compute()
        except BaseException as error:
            with self._lock:
                del self._pending[key]
            pending.set_exception(error)
            raise
        with self._lock:
            del self._pending[key]
            self._keep(key, value)
            self.computed += 1
        pending.set_result(value)
        return value

    def _held(self, key: Hashable) -> V | Missing:
        raise NotImplementedError

    def _keep(self, key: Hashable, value: V) -> None:
        raise NotImplementedError


class Memo(Once[V]):
    """Values by key, the least recently used out beyond `size`."""

    def __init__(self, size: int):
        if size < 1:
            raise ValueError("a memo holds at least one value")
        super().__init__()
        self.size = size
        self._values: OrderedDict[Hashable, V] = OrderedDict()

    def _held(self, key: Hashable) -> V | Missing:
        if key not in self._values:
            return MISSING
        self._values.move_to_end(key)
        return self._values[key]

    def _keep(self, key: Hashable, value: V) -> None:
        self._values[key] = value
        while len(self._values) > self.size:
            self._values.popitem(last=False)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._values

    def __len__(self) -> int:
        return len(self._values)


_LOCKS = "_computed_once_locks"  # an instance's locks, one per property
_VALUES = "_computed_once_values"  # its values, shared with its `computed_copy`s


class computed_once(Generic[Owner, V]):
    """`functools.cached_property` for objects that sessions share: the first thread to ask
    computes the value and threads asking meanwhile wait for it. Python 3.11's own takes
    one lock for every instance of the class, so each session waited for every other
    session's computation, of any period, to finish first."""

    def __init__(self, compute: Callable[[Owner], V]):
        self.compute = compute
        self.__doc__ = compute.__doc__
        self.name = compute.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> computed_once[Owner, V]: ...

    @overload
    def __get__(self, instance: Owner, owner: type | None = None) -> V: ...

    def __get__(
        self, instance: Owner | None, owner: type | None = None
    ) -> computed_once[Owner, V] | V:
        if instance is None:
            return self
        values = instance.__dict__
        # dict.setdefault is atomic: two threads asking first get the same lock.
        locks, shared = values.setdefault(_LOCKS, {}), values.setdefault(_VALUES, {})
        with locks.setdefault(self.name, threading.Lock()):
            if self.name not in shared:
                shared[self.name] = self.compute(instance)
        # Once set, the instance's own value hides this descriptor.
        value: V = shared[self.name]
        values[self.name] = value
        return value


def computed_copy(instance: T) -> T:
    """A shallow copy of `instance` that shares its `computed_once` values: what one of
    them computes, the other reads, and a value is still computed once for both."""
    values = instance.__dict__
    values.setdefault(_LOCKS, {})
    values.setdefault(_VALUES, {})
    return copy.copy(instance)
