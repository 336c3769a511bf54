"""Receive HL7 v2 messages over MLLP and answer each with an ACK (``bonemet listen``, and the
desktop app's listener).

The server is python-hl7's asyncio MLLP server (:func:`hl7.mllp.start_hl7_server`); frames are
read as bytes (``<VT> message <FS><CR>``) so that the message is decoded by the import's own
rules (charset, GBK fallback), not by the stream's fixed codec.

- **One message at a time, one transaction each.** Every frame is handed to ``handle`` (normally
  :func:`app.interop.lab_intake.receive_message`) on one worker thread, so messages from all
  connections are stored in the order they complete, one transaction each. The ACK is written
  only after ``handle`` returned, i.e. after the commit: an acknowledged message is durable. A
  message whose ACK never left (connection lost, listener stopped) may have been stored; when
  the sender resends it, its results are recognised as already stored and it is acknowledged.
- **A bad frame never stops the server.** Text before the start byte other than blank lines, an
  undecodable or non-HL7 message: answered ``AR``, and the connection goes on. A frame larger
  than ``max_bytes``: ``AR``, then the connection is closed (its remainder cannot be told from
  the next message). A connection idle for ``idle_timeout_s`` is closed.
- **Stop** (:meth:`MllpListener.stop`): no new connections; the message being stored is
  finished and acknowledged (up to ``grace_s``), then the connections are closed.
- **Privacy.** Events (:class:`ListenerEvent`) carry the ACK code, the message control ID and
  counts; never a patient identifier or value.

:class:`ListenerThread` runs a listener on its own thread and event loop (the desktop app).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from hl7.mllp import start_hl7_server

from app.interop.hl7_ack import RequestHeader
from app.interop.lab_intake import Receipt, reject_frame

__all__ = ["DEFAULT_PORT", "ListenerEvent", "ListenerThread", "MllpListener"]

DEFAULT_PORT = 2575  # the port IANA registered for HL7 over MLLP
MAX_MESSAGE_BYTES = 4 * 1024 * 1024
IDLE_TIMEOUT_S = 600.0
START, END = b"\x0b", b"\x1c\r"

Handler = Callable[[bytes], tuple[Receipt, RequestHeader | None]]


@dataclass(frozen=True)
class ListenerEvent:
    """Something the listener did: ``listening``, ``message`` (a frame answered), ``stopped``."""

    kind: str
    receipt: Receipt | None = None
    address: tuple[str, int] | None = None


class MllpListener:
    """An MLLP server storing each received message through ``handle`` (module docstring)."""

    def __init__(self, handle: Handler, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *,
                 max_bytes: int = MAX_MESSAGE_BYTES, idle_timeout_s: float = IDLE_TIMEOUT_S,
                 on_event: Callable[[ListenerEvent], None] | None = None) -> None:
        self._handle = handle
        self.host = host
        self.port = port
        self._max_bytes = max_bytes
        self._idle = idle_timeout_s
        self._on_event = on_event or (lambda _e: None)
        self._server: asyncio.Server | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._tasks: set[asyncio.Task] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._busy = 0
        self._stopping = False
        self.received = 0  # frames answered

    @property
    def address(self) -> tuple[str, int]:
        """(host, port) bound (the real port when 0 was asked for)."""
        if self._server is None or not self._server.sockets:
            return self.host, self.port
        name = self._server.sockets[0].getsockname()
        return str(name[0]), int(name[1])

    async def start(self) -> tuple[str, int]:
        """Bind and start accepting (``OSError`` when the address cannot be used)."""
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mllp-store")
        try:
            self._server = await start_hl7_server(self._connected, self.host, self.port,
                                                  limit=self._max_bytes)
        except OSError:
            self._executor.shutdown(wait=False)
            raise
        self._on_event(ListenerEvent("listening", address=self.address))
        return self.address

    def _connected(self, reader, writer) -> None:
        task = asyncio.ensure_future(self._serve_connection(reader, writer))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _serve_connection(self, reader, writer) -> None:
        self._writers.add(writer)
        try:
            while not self._stopping:
                try:
                    block = await asyncio.wait_for(reader.readuntil(END), self._idle)
                except asyncio.LimitOverrunError:
                    await self._answer(writer, *reject_frame(
                        f"frame: larger than {self._max_bytes // 1024} KiB"))
                    break
                except (asyncio.IncompleteReadError, TimeoutError, ConnectionError):
                    break  # closed (mid-frame: never acknowledged), idle, or reset
                receipt, header = await self._receive(block[:-len(END)])
                await self._answer(writer, receipt, header)
        except (ConnectionError, OSError):
            pass  # the peer went away while we answered: the ACK is lost, the sender resends
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _receive(self, frame: bytes) -> tuple[Receipt, RequestHeader | None]:
        body = frame.lstrip(b" \t\r\n")
        if not body.startswith(START):
            return reject_frame("frame: does not start with the MLLP start byte (VT)",
                                body.decode("utf-8", "replace"))
        payload = body[body.rfind(START) + 1:]  # an unfinished earlier frame is dropped
        self._busy += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._executor, self._safe_handle, payload)
        finally:
            self._busy -= 1

    def _safe_handle(self, payload: bytes) -> tuple[Receipt, RequestHeader | None]:
        try:
            return self._handle(payload)
        except Exception as exc:  # by type only: a message could carry patient data
            receipt, header = reject_frame("", payload.decode("utf-8", "replace"))
            problem = (f"message: could not be processed ({type(exc).__name__}); nothing of "
                       "it was acknowledged: send it again")
            return Receipt("AE", receipt.control_id, (problem,)), header

    async def _answer(self, writer, receipt: Receipt, header: RequestHeader | None) -> None:
        writer.writeblock(receipt.ack_bytes(header))
        await writer.drain()
        self.received += 1
        self._on_event(ListenerEvent("message", receipt))

    async def stop(self, grace_s: float = 10.0) -> None:
        """Stop accepting; finish (and acknowledge) a message being stored; close."""
        self._stopping = True
        if self._server is not None:
            self._server.close()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace_s
        while self._busy and loop.time() < deadline:
            await asyncio.sleep(0.02)
        for writer in list(self._writers):
            writer.close()
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=max(0.1, deadline - loop.time()))
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        self._on_event(ListenerEvent("stopped", address=self.address))


class ListenerThread:
    """A :class:`MllpListener` on its own thread and event loop."""

    def __init__(self, listener: MllpListener) -> None:
        self.listener = listener
        self._thread = threading.Thread(target=self._run, name="mllp-listener", daemon=True)
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self.error: OSError | None = None

    def start(self, timeout_s: float = 10.0) -> tuple[str, int]:
        """Start and wait until bound; raises the ``OSError`` of a failed bind."""
        self._thread.start()
        if not self._ready.wait(timeout_s):
            self.stop()  # never left running unseen
            raise TimeoutError("the listener did not start in time")
        if self.error is not None:
            self._thread.join(timeout_s)
            raise self.error
        return self.listener.address

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            await self.listener.start()
        except OSError as exc:
            self.error = exc
            self._ready.set()
            return
        self._ready.set()
        await self._stop.wait()
        await self.listener.stop()

    def stop(self, timeout_s: float = 15.0) -> bool:
        """Stop the listener (see :meth:`MllpListener.stop`); True when it has ended."""
        if self._loop is not None and self._stop is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread.is_alive():
            self._thread.join(timeout_s)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and self.error is None
