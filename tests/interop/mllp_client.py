"""A minimal MLLP client for the tests (loopback only, every wait bounded by a timeout)."""

from __future__ import annotations

import socket

START, END = b"\x0b", b"\x1c\r"
TIMEOUT_S = 10.0


def frame(message: str | bytes, encoding: str = "utf-8") -> bytes:
    data = message.encode(encoding) if isinstance(message, str) else message
    return START + data + END


class Client:
    """One connection to 127.0.0.1:port; :meth:`exchange` sends bytes and reads one ACK."""

    def __init__(self, port: int, timeout_s: float = TIMEOUT_S) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout_s)
        self._buffer = b""

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_exc) -> None:
        self.sock.close()

    def read_ack(self) -> str:
        """The next ACK's text (segments joined by CR, framing removed)."""
        for _ in range(1000):  # bounded: each recv waits at most the socket timeout
            if END in self._buffer:
                block, _, self._buffer = self._buffer.partition(END)
                assert block.startswith(START), block[:20]
                return block[1:].decode("utf-8")
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed by the server")
            self._buffer += chunk
        raise AssertionError("no complete ACK")

    def exchange(self, data: bytes) -> str:
        self.sock.sendall(data)
        return self.read_ack()


def segments(ack: str) -> dict[str, list[list[str]]]:
    """ACK segments by name, each as its list of fields (fields[n] = SEG-n; MSH shifted)."""
    out: dict[str, list[list[str]]] = {}
    for seg in filter(None, ack.split("\r")):
        fields = seg.split("|")
        if fields[0] == "MSH":
            fields.insert(1, "|")
        out.setdefault(fields[0], []).append(fields)
    return out


def msa(ack: str) -> tuple[str, str, str]:
    """(MSA-1 code, MSA-2 control ID, MSA-3 text)."""
    fields = segments(ack)["MSA"][0] + ["", ""]
    return fields[1], fields[2], fields[3]
