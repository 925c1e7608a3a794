"""A minimal HTTP/1.1 client on asyncio streams, with a pool of keep-alive connections.

The load generator shares two cores with the server, so it avoids a general-purpose client:
a request is one write, an answer is a status line, headers and a body (Content-Length or
chunked). JSON in, JSON out, a bearer token, loopback only.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any

# uvicorn closes a keep-alive connection after 5 idle seconds; we stop reusing it before.
IDLE_LIMIT = 4.0
TIMEOUT = 120.0  # an overloaded server may be slow, but an answer must come


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    sent: float = 0.0  # perf_counter() when the request was written

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class HttpError(Exception):
    def __init__(self, method: str, path: str, answer: Answer) -> None:
        super().__init__(f"{method} {path}: {answer.status} {answer.body[:300]!r}")
        self.answer = answer


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.last_used = time.monotonic()
        self.reused = False

    def close(self) -> None:
        self.writer.close()


class HttpPool:
    """Keep-alive connections to one host:port, opened as needed and reused when idle."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._idle: list[_Connection] = []

    async def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        token: str | None = None,
    ) -> Answer:
        """One request; the answer says when it was written (`sent`)."""
        data = b"" if body is None else json.dumps(body).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        if body is not None:
            head += "Content-Type: application/json\r\n"
        head += f"Content-Length: {len(data)}\r\n\r\n"
        message = head.encode() + data
        for attempt in (1, 2):
            connection = await self._connection()
            sent = time.perf_counter()
            try:
                connection.writer.write(message)
                answer = await asyncio.wait_for(_read_answer(connection.reader), TIMEOUT)
            except (ConnectionError, asyncio.IncompleteReadError) as error:
                connection.close()
                # A reused connection the server closed meanwhile: nothing was read, so
                # send again on a fresh one. A fresh connection failing is a real error.
                if attempt == 2 or not connection.reused:
                    raise ConnectionError(f"{method} {path}: {error!r}") from error
                continue
            if answer.headers.get("connection", "").lower() == "close":
                connection.close()
            else:
                connection.last_used = time.monotonic()
                self._idle.append(connection)
            answer.sent = sent
            return answer
        raise AssertionError("unreachable")

    async def call(
        self, method: str, path: str, body: Any = None, token: str | None = None,
        expect: tuple[int, ...] = (200, 201, 204),
    ) -> Answer:
        """A request whose answer must have one of the `expect` statuses."""
        answer = await self.request(method, path, body, token)
        if answer.status not in expect:
            raise HttpError(method, path, answer)
        return answer

    async def _connection(self) -> _Connection:
        now = time.monotonic()
        while self._idle:
            connection = self._idle.pop()
            if now - connection.last_used < IDLE_LIMIT:
                connection.reused = True
                return connection
            connection.close()
        reader, writer = await asyncio.open_connection(self.host, self.port)
        return _Connection(reader, writer)

    def close(self) -> None:
        for connection in self._idle:
            connection.close()
        self._idle.clear()


async def _read_answer(reader: asyncio.StreamReader) -> Answer:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers = {}
    for line in lines:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunks.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        body = b"".join(chunk[:-2] for chunk in chunks)
    else:
        body = b""
    return Answer(status, headers, body)
