"""Why bytes could not be read: the reader's exceptions, turned into load-report problems by
`load_file` (nothing raises past it)."""

from __future__ import annotations

from dashboard.i18n import english
from dashboard.messages import Msg, Ref, msg

Text = Msg | Ref | str  # a message, or words kept as written (a library's own detail)


class ReadError(Exception):
    """The bytes could not be turned into a grid; `code` is a load-report reason."""

    def __init__(
        self,
        code: str,
        message: Text | None = None,
        row: int | None = None,
        column: str | None = None,
        *,
        value: Text | None = None,
        expected: Text = "",
    ):
        super().__init__(code)
        self.code = code
        self.message = message
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected

    def __str__(self) -> str:
        return english(self.message) or self.code


class NotUtf8(ReadError):
    """Bytes that are not UTF-8 where the sample said UTF-8: the file is read again as cp1252."""

    def __init__(self, row: int):
        super().__init__("encoding", msg("load.message.not_utf8"), row)
