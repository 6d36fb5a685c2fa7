"""Attachments' bytes at a hub: a door to upload a blob by its SHA-256, one to fetch it, and one
to ask which of a list of hashes the hub holds. Same tokens and world rights as the event doors.

| method | path | what |
|---|---|---|
| POST | /v1/worlds/{world}/blobs | which of ``{"hashes": [...]}`` this hub holds |
| PUT  | /v1/worlds/{world}/blobs/{sha256} | upload raw bytes; refused unless they hash to it |
| GET  | /v1/worlds/{world}/blobs/{sha256} | the bytes (404 when this hub has not received them) |

Storage: a ``hub_blob`` table beside the hub's events (SQLite or PostgreSQL), keyed by world and
hash — worlds never share anything, not even a photo — or, on a centre's own store
(``crisisbeeld serve``), that store's ``blob`` table. The body is bounded before it is read in
full; the hash is checked before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from fastapi import Depends, FastAPI, Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import Column, Engine, LargeBinary, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, SQLModel
from starlette.concurrency import run_in_threadpool

from data.clock import now_iso
from data.domain.attachments import MAX_ATTACHMENT_BYTES, human_size, too_large_text
from data.store.blobs import BlobError, check_blob
from data.sync.hub.tables import create_schema

#: hashes asked about in one request (a store with more asks again)
MAX_HELD_ASK = 2000
_HEX = frozenset("0123456789abcdef")


class HubBlob(SQLModel, table=True):
    __tablename__ = "hub_blob"
    world: str = Field(primary_key=True, max_length=40)
    sha256: str = Field(primary_key=True, max_length=64)
    size: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    node: str = Field(max_length=80)  # who delivered it
    received_at: str = Field(max_length=20)


BLOB = HubBlob.__table__  # type: ignore[attr-defined]


class BlobStore(Protocol):
    def held(self, world: str, hashes: list[str]) -> list[str]: ...

    def put(self, world: str, sha256: str, data: bytes, node: str) -> None: ...

    def get(self, world: str, sha256: str) -> bytes | None: ...


class SqlBlobs:
    """Blobs in the hub's own database."""

    def __init__(self, write: Engine, read: Engine) -> None:
        self.write, self.read = write, read
        create_schema(write, [BLOB])

    def held(self, world: str, hashes: list[str]) -> list[str]:
        with self.read.connect() as c:
            return sorted(str(h) for h in c.execute(select(BLOB.c.sha256).where(
                BLOB.c.world == world, BLOB.c.sha256.in_(hashes))).scalars())

    def put(self, world: str, sha256: str, data: bytes, node: str) -> None:
        if self.held(world, [sha256]):
            return  # content-addressed: the same bytes
        try:
            with self.write.begin() as c:
                c.execute(BLOB.insert().values(world=world, sha256=sha256, size=len(data),
                                               data=data, node=node, received_at=now_iso()))
        except IntegrityError:
            pass  # another process stored the same bytes a moment ago

    def get(self, world: str, sha256: str) -> bytes | None:
        with self.read.connect() as c:
            row = c.execute(select(BLOB.c.data).where(BLOB.c.world == world,
                                                      BLOB.c.sha256 == sha256)).first()
        return None if row is None else bytes(row[0])


class StoreBlobs:
    """Blobs in a centre's own store (the hub serves that store's one world)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def held(self, world: str, hashes: list[str]) -> list[str]:
        return sorted(self.store.blobs_held(hashes))

    def put(self, world: str, sha256: str, data: bytes, node: str) -> None:
        self.store.put_blob(data, sha256)
        self.store.purge_withdrawn()  # (a peer that had not heard of a withdrawal yet)

    def get(self, world: str, sha256: str) -> bytes | None:
        data: bytes | None = self.store.blob(sha256)
        return data


class HeldAsk(BaseModel):
    hashes: list[str]


class HeldReply(BaseModel):
    held: list[str]


class Stored(BaseModel):
    sha256: str
    size: int


def _valid_hash(h: str) -> bool:
    return len(h) == 64 and set(h) <= _HEX


async def _bounded(request: Request, limit: int, error: Callable[[int, str, str], Exception],
                   too_large: str) -> bytes:
    """The body, refused (413) as soon as it passes ``limit`` bytes: never read in whole."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise error(413, "te_groot", too_large)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise error(413, "te_groot", too_large)
        chunks.append(chunk)
    return b"".join(chunks)


def add_blob_routes(app: FastAPI, blobs: BlobStore, node: Callable[..., Any],
                    check_world: Callable[[str, Any, bool], None],
                    error: Callable[[int, str, str], Exception],
                    responses: dict[int | str, dict[str, Any]]) -> None:
    """The three blob doors on ``app`` (auth ``node`` and ``check_world`` as the event doors
    use them; ``error`` makes the hub's {code, detail} answer, ``responses`` documents it)."""
    errors = {**responses, 404: responses[400]}

    def bad_hash(sha256: str) -> Exception:
        return error(400, "ongeldig_controlegetal",
                     f"'{sha256[:70]}' is geen SHA-256-controlegetal (64 tekens 0-9, a-f)")

    @app.post("/v1/worlds/{world}/blobs", response_model=HeldReply, responses=errors,
              tags=["bijlagen"], openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": HeldAsk.model_json_schema()}}}})
    async def held(world: str, request: Request, who: Any = Depends(node)) -> HeldReply:
        """Which of these hashes this hub holds (a client uploads the others it has, and
        fetches those it lacks)."""
        check_world(world, who, False)
        raw = await _bounded(request, MAX_HELD_ASK * 70 + 1000, error,
                             f"te veel controlegetallen in één vraag (hoogstens {MAX_HELD_ASK})")
        try:
            ask = HeldAsk.model_validate_json(raw)
        except ValueError:
            raise error(422, "ongeldig_verzoek", "stuur {\"hashes\": [controlegetal, …]}") \
                from None
        if len(ask.hashes) > MAX_HELD_ASK:
            raise error(413, "te_veel", f"te veel controlegetallen in één vraag "
                                        f"({len(ask.hashes)}; hoogstens {MAX_HELD_ASK})")
        for h in ask.hashes:
            if not _valid_hash(h):
                raise bad_hash(h)
        return HeldReply(held=blobs.held(world, sorted(set(ask.hashes))) if ask.hashes else [])

    @app.put("/v1/worlds/{world}/blobs/{sha256}", response_model=Stored, responses=errors,
             tags=["bijlagen"],
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}})
    async def upload(world: str, sha256: str, request: Request,
                     who: Any = Depends(node)) -> Stored:
        """Upload a file's bytes under their SHA-256 (idempotent). Refused past the size
        limit, and when the bytes do not hash to ``sha256``: nothing is stored then."""
        check_world(world, who, True)
        if not _valid_hash(sha256):
            raise bad_hash(sha256)
        declared = request.headers.get("content-length") or ""
        data = await _bounded(request, MAX_ATTACHMENT_BYTES, error, too_large_text(
            int(declared)) if declared.isdigit() else f"het bestand is te groot (meer dan "
            f"{human_size(MAX_ATTACHMENT_BYTES)})")
        try:
            check_blob(data, sha256)
        except BlobError as e:
            raise error(422, "controlegetal_klopt_niet", str(e)) from None
        await run_in_threadpool(blobs.put, world, sha256, data, who.node_id)
        return Stored(sha256=sha256, size=len(data))

    @app.get("/v1/worlds/{world}/blobs/{sha256}", tags=["bijlagen"],
             responses={**errors, 200: {"content": {"application/octet-stream": {}}}})
    def fetch(world: str, sha256: str, who: Any = Depends(node)) -> Response:
        """The bytes of a file by its SHA-256."""
        check_world(world, who, False)
        if not _valid_hash(sha256):
            raise bad_hash(sha256)
        data = blobs.get(world, sha256)
        if data is None:
            raise error(404, "bijlage_onbekend", "bijlage nog niet ontvangen door deze hub")
        return Response(data, media_type="application/octet-stream")
