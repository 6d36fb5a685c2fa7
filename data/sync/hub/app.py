"""The hub's HTTP API (FastAPI), version 1. OpenAPI at ``/docs`` and ``/openapi.json``.

| method | path | what |
|---|---|---|
| GET  | /v1/health | liveness and the hub id (no token needed) |
| GET  | /v1/me | who this token is and which worlds it may read / write |
| POST | /v1/worlds/{world}/events | push a (zstd or gzip) JSON batch; a result per event |
| GET  | /v1/worlds/{world}/events?after=N&limit=M | pull in arrival order after cursor N |
| GET  | /v1/worlds/{world}/heads | highest contiguous seq per origin (what a client may skip) |
| GET  | /v1/worlds/{world}/status | nodes, last seen, counts |
| PUT/GET | /v1/worlds/{world}/blobs/{sha256} | attachments' bytes (:mod:`data.sync.hub.blobs`) |

Every error is JSON ``{"code": "...", "detail": "..."}`` with a Dutch message for a person.
"""

from __future__ import annotations

import errno
import json
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from data.bulk import gc_paused
from data.store.store import valid_world
from data.sync.hub.blobs import add_blob_routes
from data.sync.hub.news import (
    LOOK_EVERY_S,
    LOOK_SAFETY_S,
    MAX_WAIT_S,
    PgListener,
    WorldNews,
    psycopg_dsn,
)
from data.sync.hub.storage import EventLog, NodeAuth
from data.sync.wire import (
    ENCODINGS,
    MAX_BATCH_EVENTS,
    MAX_BATCH_TOKENS,
    MAX_BODY_BYTES,
    MAX_CURSOR,
    MAX_DEPTH,
    MAX_INFLATED_BYTES,
    MAX_PULL_LIMIT,
    MORE_HEADER,
    NEXT_HEADER,
    PROTOCOL,
    InflateError,
    encode_body,
    inflate_counted,
    load_lines,
    load_one,
)

log_ = logging.getLogger("crisisbeeld.hub")


class HubError(Exception):
    """An answer for a person: HTTP status, a short code, a Dutch sentence."""

    def __init__(self, status: int, code: str, detail: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.headers = status, code, detail, headers


class Health(BaseModel):
    status: Literal["ok"]
    protocol: int
    hub_id: str
    storage: str
    worlds: list[str] | None
    #: Content-Encodings a push may use (besides none); a client that finds none listed (an
    #: older hub) sends gzip
    encodings: list[str] = []
    #: what this hub can do beyond the basics: "wait" (a pull may wait for new events)
    features: list[str] = []


class Me(BaseModel):
    node: str
    read: list[str]
    write: list[str]


class EventResult(BaseModel):
    id: str
    status: Literal["accepted", "duplicate", "rejected"]
    reason: str | None = None
    retry: bool | None = None


class PushReply(BaseModel):
    accepted: int
    duplicates: int
    rejected: int
    results: list[EventResult]
    cursor_before: int | None = None
    cursor_after: int | None = None


class News(BaseModel):
    #: the world's newest arrival number: pull after your cursor when it is higher
    cursor: int
    #: True when there are events after the cursor asked about
    news: bool


class PullPage(BaseModel):
    events: list[dict[str, Any]]
    next: int
    more: bool


class Heads(BaseModel):
    world: str
    heads: dict[str, int]
    #: hash of each origin's newest event held here: a client compares it with its own before
    #: it counts "the hub has seq n of my origin" as delivered
    hashes: dict[str, str] = {}
    #: the hash held here for the (origin, seq) the client asked about with ``?check=ORIGIN:SEQ``
    #: (its own newest event: does the hub hold *that* event?), null when not held
    checked: str | None = None


class Fork(BaseModel):
    origin: str
    seq: int | None = None
    held_id: str | None = None
    offered_id: str | None = None
    node: str | None = None
    detail: str | None = None
    at: str


class NodeStatus(BaseModel):
    node: str
    can_write: bool
    last_seen: str | None
    last_push_at: str | None
    last_pull_at: str | None
    pushed: int
    pulled: int
    revoked: bool


class WorldStatus(BaseModel):
    world: str
    events: int
    cursor: int
    origins: dict[str, int]
    nodes: list[NodeStatus]
    #: two different events with one origin and seq seen here: a red alarm for the centres
    forks: list[Fork] = []


class RosterReply(BaseModel):
    #: the signed roster (data.store.roster.document), or null: this hub has none to pass on
    roster: dict[str, Any] | None = None


class ErrorReply(BaseModel):
    code: str
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorReply} for s in (400, 401, 403, 413, 415, 422, 500, 507)
}

#: pydantic's error types, said in Dutch for a person (the rest: "ongeldige waarde")
_DUTCH = {
    "missing": "ontbreekt",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "greater_than_equal": "moet minstens {ge} zijn",
    "greater_than": "moet groter dan {gt} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
    "less_than": "moet kleiner dan {lt} zijn",
    "string_type": "moet tekst zijn",
    "json_invalid": "is geen geldige JSON",
}


def _dutch(err: dict[str, Any]) -> str:
    loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "header", "body")]
    text = _DUTCH.get(str(err.get("type")), "heeft een ongeldige waarde")
    try:
        text = text.format(**(err.get("ctx") or {}))
    except (KeyError, IndexError, ValueError):
        text = "heeft een ongeldige waarde"
    return f"'{'.'.join(loc) or 'verzoek'}' {text}"


def disk_full(e: BaseException) -> bool:
    """True when ``e`` (or what caused it) says the disk or database is full."""
    seen: set[int] = set()
    cur: BaseException | None = e
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, OSError) and cur.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(cur, sqlite3.OperationalError) and "full" in str(cur).lower():
            return True
        if getattr(cur, "sqlstate", None) == "53100" or getattr(cur, "pgcode", None) == "53100":
            return True  # PostgreSQL disk_full
        cur = getattr(cur, "orig", None) or cur.__cause__ or cur.__context__
    return False




def create_app(log: EventLog, lifespan: Any = None) -> FastAPI:
    """The hub application over one event log (SQL tables or a centre's store)."""
    # with LISTEN/NOTIFY the waiters' own look is only a safety net
    news = WorldNews(LOOK_SAFETY_S if log.kind == "postgresql" else LOOK_EVERY_S)

    @asynccontextmanager
    async def live(app_: FastAPI) -> AsyncIterator[None]:
        listener = None
        if log.kind == "postgresql":  # hub processes on one database wake each other
            listener = PgListener(psycopg_dsn(str(getattr(log, "url", ""))), news)
            listener.start()
        try:
            if lifespan is None:
                yield
            else:
                async with lifespan(app_):
                    yield
        finally:
            if listener is not None:
                listener.stop()

    app = FastAPI(title="Crisisbeeld hub", version=f"{PROTOCOL}.0", lifespan=live,
                  description="Sync van het gedeelde crisisbeeld: push, pull, status.")
    app.state.news = news  # (how often its waiters look at the log: a test reads it)
    auth = log.auth

    @app.exception_handler(HubError)
    async def _hub_error(_r: Request, e: HubError) -> JSONResponse:
        return JSONResponse({"code": e.code, "detail": e.detail}, status_code=e.status,
                            headers=e.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, e: RequestValidationError) -> JSONResponse:
        parts = [_dutch(err) for err in e.errors()]
        return JSONResponse({"code": "ongeldig_verzoek",
                             "detail": "ongeldig verzoek: " + "; ".join(parts)}, status_code=422)

    @app.exception_handler(Exception)
    async def _failed(_r: Request, e: Exception) -> JSONResponse:
        # every answer is {code, detail}, also when the hub itself fails
        if disk_full(e):
            log_.error("hub: opslag vol: %s", e)
            return JSONResponse({"code": "opslag_vol", "detail":
                                 "de hub kan niets meer opslaan: de schijf is vol; er is niets "
                                 "bewaard, probeer het later opnieuw"}, status_code=507)
        log_.exception("hub: interne fout")
        return JSONResponse({"code": "interne_fout", "detail":
                             "interne fout in de hub; er is niets bewaard, probeer het later "
                             "opnieuw (de beheerder vindt de oorzaak in het log van de hub)"},
                            status_code=500)

    @app.exception_handler(StarletteHTTPException)
    async def _http(r: Request, e: StarletteHTTPException) -> JSONResponse:
        msg = {404: "onbekend adres; zie /docs", 405: "deze methode kan hier niet"}.get(
            e.status_code, str(e.detail))
        headers = dict(e.headers or {})
        if e.status_code == 405:  # Allow: the methods of every route on this path
            scope = {"type": "http", "path": r.url.path, "method": "GET"}
            allowed = {m for rt in app.routes if isinstance(rt, APIRoute)
                       and rt.matches(scope)[0] != Match.NONE for m in rt.methods}
            if allowed:
                headers["Allow"] = ", ".join(sorted(allowed))
        return JSONResponse({"code": f"http_{e.status_code}", "detail": msg},
                            status_code=e.status_code, headers=headers)

    def node(request: Request) -> NodeAuth:
        h = request.headers.get("authorization", "")
        scheme, _, token = h.partition(" ")
        if not h or scheme.lower() != "bearer" or not token.strip():
            raise HubError(401, "geen_token",
                           "geen token meegestuurd: stuur 'Authorization: Bearer <token>' "
                           "(een token krijgt u met 'crisisbeeld hub enroll')",
                           {"WWW-Authenticate": "Bearer"})
        who = auth.authenticate(token.strip())
        if who is None:
            raise HubError(401, "token_onbekend",
                           "token onbekend of ingetrokken: laat deze node opnieuw aanmelden",
                           {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return who

    def check_world(world: str, who: NodeAuth, write: bool) -> None:
        if not valid_world(world):
            raise HubError(400, "ongeldige_wereld",
                           f"wereld '{world}' bestaat niet: gebruik LIVE of OEF-…")
        served = log.worlds()
        if served is not None and world not in served:
            raise HubError(403, "wereld_niet_bediend",
                           f"deze hub bedient alleen wereld {', '.join(served)}, niet {world}")
        if world not in who.read:
            raise HubError(403, "wereld_verboden",
                           f"node {who.node_id} mag wereld {world} niet lezen of schrijven")
        if write and world not in who.write:
            raise HubError(403, "alleen_lezen",
                           f"node {who.node_id} mag in wereld {world} alleen lezen, niet schrijven")

    @app.get("/v1/health", response_model=Health, tags=["hub"])
    def health() -> Health:
        """Liveness; no token needed. ``hub_id`` is the same for every process of one hub."""
        return Health(status="ok", protocol=PROTOCOL, hub_id=log.hub_id, storage=log.kind,
                      worlds=log.worlds(), encodings=list(ENCODINGS), features=["wait", "roster"])

    @app.get("/v1/me", response_model=Me, responses=ERRORS, tags=["hub"])
    def me(who: NodeAuth = Depends(node)) -> Me:
        return Me(node=who.node_id, read=sorted(who.read), write=sorted(who.write))

    @app.post("/v1/worlds/{world}/events", response_model=PushReply, responses=ERRORS,
              tags=["sync"], openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "object", "properties": {
                      "events": {"type": "array", "items": {"type": "object"}}}}},
                  "application/x-ndjson": {"schema": {"type": "string"}}},
                  "description": "JSON {\"events\": [...]} of NDJSON (één gebeurtenis per "
                                 "regel), bij voorkeur met Content-Encoding: zstd of gzip"}})
    async def push(world: str, request: Request, who: NodeAuth = Depends(node)) -> Response:
        """Push a batch. Each event is accepted, a duplicate, or rejected with a reason;
        ``retry: true`` means: send it again after its predecessor. ``cursor_before`` /
        ``cursor_after`` (when given): the world's newest arrival number before and after
        this batch; a client whose pull cursor is ``cursor_before`` may move it to
        ``cursor_after`` without pulling back what it just sent."""
        check_world(world, who, write=True)
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            raise HubError(413, "te_groot", f"batch te groot ({int(declared)} bytes; hoogstens "
                                            f"{MAX_BODY_BYTES} gecomprimeerd)")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise HubError(413, "te_groot",
                               f"batch te groot (meer dan {MAX_BODY_BYTES} bytes gecomprimeerd)")
            chunks.append(chunk)
        raw = b"".join(chunks)
        reply = await run_in_threadpool(_push, log, world, who.node_id, raw,
                                        request.headers.get("content-encoding", ""),
                                        request.headers.get("content-type", ""))
        news.bump(world)  # (a batch that added nothing wakes the waiters for nothing: cheap)
        return Response(reply, media_type="application/json")

    @app.get("/v1/worlds/{world}/wait", response_model=News, responses=ERRORS, tags=["sync"])
    async def wait(world: str, after: int = Query(0, ge=0, le=2**62),
                   timeout: float = Query(MAX_WAIT_S, ge=0, le=MAX_WAIT_S),
                   who: NodeAuth = Depends(node)) -> News:
        """Hold the request until the world has events after cursor ``after`` (then pull),
        or ``timeout`` seconds have passed (then ask again). Answers at once when there are."""
        check_world(world, who, write=False)
        cur = await news.wait(world, after, timeout, log.latest)
        return News(cursor=cur, news=cur > after)

    @app.get("/v1/worlds/{world}/events", response_model=PullPage, responses=ERRORS,
             tags=["sync"])
    def pull(world: str, request: Request, after: int = Query(0, ge=0, le=MAX_CURSOR),
             limit: int = Query(5000, ge=1, le=MAX_PULL_LIMIT),
             who: NodeAuth = Depends(node)) -> Response:
        """Events after cursor ``after`` in the hub's arrival order; ``next`` is the cursor to
        ask with next time, ``more`` says whether a full page followed."""
        check_world(world, who, write=False)
        with gc_paused():  # a page is tens of thousands of rows: see gc_paused
            bodies, nxt, more = log.pull(world, after, limit)
            n = len(bodies)
            body = ('{"events":[' + ",".join(bodies) + f'],"next":{nxt},"more":'
                    + ("true" if more else "false") + "}").encode("utf-8")
            del bodies
        auth.touch(who.node_id, world, pulled=n)
        data, coding = encode_body(body, request.headers.get("accept-encoding", ""))
        headers = {NEXT_HEADER: str(nxt), MORE_HEADER: "1" if more else "0",
                   "Vary": "Accept-Encoding"}
        if coding:
            headers["Content-Encoding"] = coding
        return Response(data, media_type="application/json", headers=headers)

    @app.get("/v1/worlds/{world}/heads", response_model=Heads, responses=ERRORS, tags=["sync"])
    def heads(world: str, who: NodeAuth = Depends(node), check: str = "") -> Heads:
        """Highest contiguous seq per origin that this hub holds, with the hash of each of
        those events; ``check=ORIGIN:SEQ`` asks for the hash of one more event."""
        check_world(world, who, write=False)
        checked = None
        if check:
            origin, _, seq = check.rpartition(":")
            if not origin or not seq.isdigit() or len(check) > 120:
                raise HubError(422, "ongeldige_vraag", "check: gebruik ORIGIN:SEQ")
            checked = log.hash_at(world, origin, int(seq))
        return Heads(world=world, heads=log.heads(world), hashes=log.head_hashes(world),
                     checked=checked)

    @app.get("/v1/worlds/{world}/roster", response_model=RosterReply, responses=ERRORS,
             tags=["sync"])
    def roster(world: str, who: NodeAuth = Depends(node)) -> RosterReply:
        """The roster of centres signed by the root key (KCR2's), as this hub holds it: a hub
        with the root serves its own, a centre's hub relays the one it learnt. Each entry is
        checked by the receiving centre against the root it pinned; the messenger does not
        matter."""
        check_world(world, who, write=False)
        return RosterReply(roster=log.roster_document(world))

    @app.get("/v1/worlds/{world}/status", response_model=WorldStatus, responses=ERRORS,
             tags=["hub"])
    def status(world: str, who: NodeAuth = Depends(node)) -> WorldStatus:
        """Nodes enrolled for the world, when they were last seen, what they pushed and
        pulled, and the hub's counts."""
        check_world(world, who, write=False)
        auth.touch(who.node_id, world)
        c = log.counts(world)
        return WorldStatus(world=world, events=c["events"], cursor=c["cursor"],
                           origins=log.heads(world),
                           nodes=[NodeStatus(**n) for n in auth.nodes(world)],
                           forks=[Fork(**f) for f in log.forks(world)])

    if getattr(log, "blobs", None) is not None:  # (a log that carries no attachments: none)
        add_blob_routes(app, log.blobs, node, check_world, HubError, ERRORS)
    return app


def _push(log: EventLog, world: str, node: str, raw: bytes, encoding: str,
          ctype: str = "") -> bytes:
    with gc_paused():  # thousands of small acyclic objects: spare the cyclic collector
        return _push_batch(log, world, node, raw, encoding, ctype)


def _push_batch(log: EventLog, world: str, node: str, raw: bytes, encoding: str,
                ctype: str) -> bytes:
    """Decode, validate and store one batch (runs in a worker thread).

    Two body formats: JSON ``{"events": [...]}``, or NDJSON (``application/x-ndjson``): one
    event per line. With NDJSON each line that parses to exactly the envelope's fields is kept
    as the stored text, which spares re-encoding every event."""
    coding = encoding.strip().lower()
    if coding not in ("", "identity", "x-gzip") + ENCODINGS:
        raise HubError(415, "codering", f"Content-Encoding '{encoding}' wordt niet gelezen; "
                                        f"gebruik {' of '.join(ENCODINGS)}")
    ndjson = ctype.lower().startswith("application/x-ndjson")
    try:
        # counts bytes, lines and JSON values while it inflates: stops at a limit, unparsed
        raw = inflate_counted(raw, coding, ndjson, MAX_INFLATED_BYTES, MAX_BATCH_EVENTS,
                              MAX_BATCH_TOKENS)
    except InflateError as e:
        if e.too_large:
            what = {"te_veel": "te veel gebeurtenissen in één batch",
                    "te_complex": "batch te bewerkelijk"}.get(e.code, "batch te groot")
            raise HubError(413, e.code, f"{what}: {e}") from None
        raise HubError(400, "onleesbaar", f"batch onleesbaar: {e}") from None
    if not raw:
        raise HubError(400, "leeg", "lege batch: stuur {\"events\": [...]}")
    try:
        text = raw.decode("utf-8")  # (json.loads on bytes decodes much more slowly)
    except UnicodeDecodeError as e:
        packed = raw[:2] == b"\x1f\x8b" or raw[:4] == b"\x28\xb5\x2f\xfd"  # gzip, zstd magic
        hint = " (gecomprimeerd? zet Content-Encoding: zstd of gzip)" if packed else ""
        raise HubError(400, "onleesbaar", f"batch is geen UTF-8: {e}{hint}") from None
    lines: list[str] | None = None
    if ndjson:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) > MAX_BATCH_EVENTS:
            raise HubError(413, "te_veel", f"te veel gebeurtenissen in één batch ({len(lines)}; "
                                           f"hoogstens {MAX_BATCH_EVENTS})")
        items: list[Any]
        try:
            items = load_lines(lines)  # orjson where it reads as json does
        except ValueError:  # some line is not JSON, or too deep: decoded one by one
            items = []
            for ln in lines:
                try:
                    items.append(load_one(ln))
                except ValueError:
                    items.append(None)  # rejected as unreadable, one by one
    else:
        try:
            doc = json.loads(text)
        except RecursionError:
            raise HubError(400, "te_diep", f"batch te diep genest (hoogstens {MAX_DEPTH} "
                                           "niveaus)") from None
        except ValueError as e:
            raise HubError(400, "onleesbaar", f"batch is geen geldige JSON: {e}") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
            raise HubError(400, "onleesbaar", "batch moet een object {\"events\": [...]} zijn")
        items = doc["events"]
        if len(items) > MAX_BATCH_EVENTS:
            raise HubError(413, "te_veel", f"te veel gebeurtenissen in één batch ({len(items)}; "
                                           f"hoogstens {MAX_BATCH_EVENTS})")
    out = log.push(world, node, items, lines)
    acc = dup = rej = 0
    parts = []
    enc = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for eid, st, reason, retry in out.results:
        if st == "accepted":
            acc += 1
            parts.append('{"id":%s,"status":"accepted"}' % enc(eid))
        elif st == "duplicate":
            dup += 1
            parts.append('{"id":%s,"status":"duplicate"}' % enc(eid))
        else:
            rej += 1
            parts.append(enc({"id": eid, "status": "rejected", "reason": reason,
                              "retry": retry}))
    span = (f',"cursor_before":{out.before},"cursor_after":{out.after}'
            if out.before is not None and out.after is not None else "")
    return (f'{{"accepted":{acc},"duplicates":{dup},"rejected":{rej}{span},"results":['
            + ",".join(parts) + "]}").encode("utf-8")


__all__ = ["HubError", "create_app"]
