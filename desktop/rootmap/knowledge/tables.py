"""Strict reading of parsed TOML tables: every value type-checked, every unknown key an error.

A ``Table`` wraps one TOML table with its place (file and key path), so that a
bad value is reported as ``atlases/lee2008.toml: entry[12].primary: ...``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class KnowledgeError(Exception):
    """Knowledge data that cannot be used. The message names the file and the key path."""


class Table:
    """One TOML table being read; ``close()`` refuses keys that were never read."""

    def __init__(self, data: object, file: str, path: str = "") -> None:
        if not isinstance(data, dict):
            raise KnowledgeError(f"{file}: {path or '(top)'}: expected a table")
        self.data: dict[str, Any] = data
        self.file = file
        self.path = path
        self._read: set[str] = set()

    def where(self, key: str | None = None) -> str:
        if key is None:
            return self.path or "(top)"
        return f"{self.path}.{key}" if self.path else key

    def error(self, message: str, key: str | None = None) -> KnowledgeError:
        return KnowledgeError(f"{self.file}: {self.where(key)}: {message}")

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, default: object = ...) -> object:
        self._read.add(key)
        if key not in self.data:
            if default is ...:
                raise self.error(f"missing{self._typo_hint(key)}", key)
            return default
        return self.data[key]

    def text(self, key: str, default: str | None = None) -> str:
        value = self._get(key, ... if default is None else default)
        if not isinstance(value, str):
            raise self.error(f"expected text, got {_kind(value)}", key)
        if not value.strip() and default is None:
            raise self.error("must not be empty", key)
        return value

    def opt_text(self, key: str) -> str | None:
        if key not in self.data:
            self._read.add(key)
            return None
        return self.text(key)

    def flag(self, key: str, *, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise self.error(f"expected true or false, got {_kind(value)}", key)
        return value

    def whole(self, key: str) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(f"expected a whole number, got {_kind(value)}", key)
        return value

    def number(self, key: str, default: float | None = None) -> float:
        value = self._get(key, ... if default is None else default)
        return _number(value, lambda message: self.error(message, key))

    def texts(self, key: str, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        value = self._get(key, ... if default is None else list(default))
        if not isinstance(value, list):
            raise self.error(f"expected a list of text, got {_kind(value)}", key)
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise self.error(f"expected text, got {_kind(item)}", f"{key}[{index}]")
        if len(set(value)) != len(value):
            raise self.error("lists an item twice", key)
        return tuple(value)

    def weights(self, key: str) -> dict[str, float]:
        """An inline table of name -> number, e.g. ``{ L5 = 1.0, L4 = 0.5 }``."""
        table = self.table(key)
        result = {
            name: _number(table._get(name), lambda m, n=name: table.error(m, n))
            for name in list(table.data)
        }
        return result

    def table(self, key: str) -> Table:
        return Table(self._get(key), self.file, self.where(key))

    def tables(self, key: str, *, required: bool = True) -> Iterator[Table]:
        """The tables of an array of tables ``[[key]]``, each with its index in the path."""
        value = self._get(key, ... if required else [])
        if not isinstance(value, list):
            raise self.error(f"expected [[{key}]] tables, got {_kind(value)}", key)
        for index, item in enumerate(value):
            yield Table(item, self.file, self.where(f"{key}[{index}]"))

    def _typo_hint(self, key: str) -> str:
        import difflib  # only for a message (a start-up never needs it)

        unread = [name for name in self.data if name not in self._read]
        close = difflib.get_close_matches(key, unread, n=1, cutoff=0.75)
        return f' (found "{close[0]}": a typo?)' if close else ""

    def close(self) -> None:
        unknown = sorted(set(self.data) - self._read)
        if unknown:
            raise self.error(f'unknown key "{unknown[0]}"', unknown[0])


def _number(value: object, error: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise error(f"expected a number, got {_kind(value)}")
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise error("expected a finite number")
    return number


def _kind(value: object) -> str:
    names = {
        str: "text",
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }
    for type_, name in names.items():
        if type(value) is type_:
            if type_ in (list, dict):
                return name
            shown = repr(value)
            return f"{name} {shown if len(shown) <= 40 else shown[:37] + '...'}"
    return type(value).__name__
