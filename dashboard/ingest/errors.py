"""Why bytes could not be read: the reader's exceptions, turned into load-report problems by
`load_file` (nothing raises past it)."""

from __future__ import annotations


class ReadError(Exception):
    """The bytes could not be turned into a grid; `code` is a load-report reason."""

    def __init__(
        self,
        code: str,
        message: str = "",
        row: int | None = None,
        column: str | None = None,
        *,
        value: str | None = None,
        expected: str = "",
    ):
        super().__init__(message or code)
        self.code = code
        self.message = message
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected


class NotUtf8(ReadError):
    """Bytes that are not UTF-8 where the sample said UTF-8: the file is read again as cp1252."""

    def __init__(self, row: int):
        super().__init__("encoding", "the file is not UTF-8", row)
