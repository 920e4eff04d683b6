"""A small Streamlit client that speaks the browser's websocket protocol, for load tests.

It connects to `/_stcore/stream`, asks for script runs with `BackMsg.rerun_script`
(the page's script hash, widget values, the browser's locale) and reads `ForwardMsg`s
until `script_finished`, the way the browser does, but draws nothing: twenty of them
cost the machine a few percent of one core, so what they time is the server's work.

The time of a run is from sending the rerun request to receiving `script_finished`:
the server's time to render the page (queueing behind other sessions included).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import date

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

FINISHED = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    elements: int = 0
    errors: list[str] = field(default_factory=list)  # exceptions and the app's own error box
    bytes: int = 0


class StreamlitSession:
    """One browser session: a websocket, the app's pages, the widgets seen so far."""

    def __init__(self, url: str, locale: str = "en-US", error_texts: tuple[str, ...] = ()):
        self.url = url.rstrip("/")
        self.locale = locale
        self.error_texts = error_texts  # alert bodies that mean "the page failed"
        self.pages: dict[str, str] = {}  # url path → page script hash
        self.widgets: dict[str, str] = {}  # user key → widget id (from the elements' ids)
        self.dates: dict[str, list[str]] = {}  # user key → a date input's value as drawn
        self.page = ""
        self._ws: ClientConnection | None = None

    async def __aenter__(self) -> StreamlitSession:
        host = self.url.split("://", 1)[1]
        self._ws = await connect(
            f"ws://{host}/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=120,
            ping_interval=None,
        )
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._ws is not None:
            await self._ws.close()

    async def open(self, page: str = "") -> Run:
        """The first run of the session, at the app's root (its default page) or a page."""
        self.page = page
        return await self._run(page_name=page)

    async def switch(self, page: str) -> Run:
        """Go to another page, as a click in the navigation does."""
        self.page = page
        return await self._run(page_hash=self.pages.get(page, ""), page_name=page)

    async def set_dates(self, key: str, start: date, end: date) -> Run:
        """Pick a date range in the `st.date_input` whose key is `key`; an error of the run
        when the page comes back with another range (the change did not take)."""
        state = WidgetState(id=self.widgets[key])
        picked = [start.isoformat(), end.isoformat()]
        state.string_array_value.data.extend(picked)
        run = await self._run(
            page_hash=self.pages.get(self.page, ""), page_name=self.page, widgets=[state]
        )
        if self.dates.get(key) != picked:
            run.errors.append(f"{key}: asked for {picked}, drawn {self.dates.get(key)}")
        return run

    async def _run(
        self, page_hash: str = "", page_name: str = "", widgets: list[WidgetState] = ()
    ) -> Run:
        assert self._ws is not None
        message = BackMsg()
        client = message.rerun_script
        client.page_script_hash = page_hash
        client.page_name = page_name
        client.context_info.locale = self.locale
        client.context_info.timezone = "Europe/Rome"
        client.widget_states.widgets.extend(widgets)
        started = time.perf_counter()
        await self._ws.send(message.SerializeToString())
        run = Run(0.0)
        while True:
            raw = await self._ws.recv()
            run.bytes += len(raw)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta":
                self._read_delta(forward, run)
            elif kind in ("new_session", "navigation"):
                pages = getattr(forward, kind).app_pages
                self.pages.update({p.url_pathname: p.page_script_hash for p in pages})
            elif kind == "script_finished" and forward.script_finished in FINISHED:
                if forward.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    run.errors.append("compile error")
                run.seconds = time.perf_counter() - started
                return run

    def _read_delta(self, forward: ForwardMsg, run: Run) -> None:
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return
        run.elements += 1
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            run.errors.append(f"exception: {element.exception.message}")
        elif kind == "alert" and element.alert.body in self.error_texts:
            run.errors.append(f"error box: {element.alert.body}")
        elif kind is not None:
            widget_id = getattr(getattr(element, kind), "id", "")
            if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
                # Keyed widgets' ids end with "-<key>": remember them by key.
                key = widget_id.rsplit("-", 1)[-1]
                self.widgets[key] = widget_id
                if kind == "date_input":
                    drawn = element.date_input
                    self.dates[key] = list(drawn.value if drawn.set_value else drawn.default)


async def wait_for_server(url: str, seconds: float = 60) -> None:
    """Until the server answers its health check."""
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        await asyncio.sleep(0.2)
