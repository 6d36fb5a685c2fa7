"""Talking to one hub over HTTP: the requests, compression, and reading pull pages ahead.

:class:`HubClient` is one hub's HTTP client (health, heads, push, pull pages, with zstd or
gzip); :class:`PageReader` asks for the next pull page while the store takes in this one, so
pages reach the store in order with the network and the parsing overlapped. Qt-free; the
sync engine (:mod:`data.sync.client`) drives these.
"""

from __future__ import annotations

import json
import queue
import random
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import requests

from data.bulk import gc_paused
from data.i18n import _
from data.store.prepare import Prepared
from data.store.roster import MAX_BYTES as ROSTER_MAX
from data.sync.helper import LOST, MIN_BYTES, helper
from data.sync.wire import (
    MORE_HEADER,
    NEXT_HEADER,
    gzip_bytes,
    is_loopback,
    load_page,
    ndjson_body,
    prepare_page,
    prepare_page_packed,
    zstd_bytes,
)


def _why_unreachable(e: BaseException) -> str:
    """Why a hub could not be reached, in the words of someone at a desk (no exception names)."""
    if isinstance(e, requests.exceptions.ConnectTimeout):
        return _("geen antwoord binnen de wachttijd (netwerk weg of hub overbelast)")
    if isinstance(e, requests.exceptions.ReadTimeout):
        return _("de hub gaf te lang geen antwoord")
    if isinstance(e, requests.exceptions.ConnectionError):
        text = str(e).lower()
        if "name or service not known" in text or "nodename nor servname" in text \
                or "getaddrinfo" in text or "name resolution" in text:
            return _("de naam van de hub is niet te vinden (DNS of een tikfout in het adres)")
        if "refused" in text:
            return _("de hub weigert de verbinding (draait hij, en op deze poort?)")
        if "reset" in text or "aborted" in text or "remote end closed" in text:
            return _("de verbinding werd onderbroken")
        return _("geen verbinding met de hub (netwerk weg of hub uit)")
    return _("geen verbinding met de hub")


@dataclass(frozen=True)
class PeerConfig:
    """One hub to sync with: its base URL and this node's token there.

    ``ca_file``: the CA certificate(s) (PEM) that an https hub's certificate is checked
    against; without it, the system's trusted CAs. ``insecure_http``: allow plain http to a
    hub on another machine (refused otherwise: the token and events would travel readable)."""

    url: str
    token: str
    name: str = ""
    ca_file: str | None = None
    insecure_http: bool = False

    @property
    def label(self) -> str:
        return self.name or self.url


class LinkDown(Exception):
    """The hub cannot be reached now (connection refused or cut, timeout, 5xx)."""


class ForkFound(Exception):
    """Two different events with one origin and seq: nothing more is exchanged for it until a
    person has looked (the text says what to do)."""


class NotTakenIn(Exception):
    """Events of a pulled page could not be taken in for a reason a retry may cure; the pull
    cursor stays before them."""


#: :class:`HubRefused` status when this side refuses the link itself: a certificate that does
#: not hold, or plain http to another machine (nginx's 495; no retry cures it)
NOT_SAFE = 495


class HubRefused(Exception):
    """The hub answered and said no (401, 403, 400, 413 …); ``detail`` is its sentence."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail if status == NOT_SAFE else f"hub weigert ({status}): {detail}")
        self.status, self.detail = status, detail


class Backoff:
    """Exponential backoff with full jitter: the n-th wait is uniform in [0, min(cap, base·2ⁿ)]
    (spreads the reconnects of many centres after a hub comes back)."""

    def __init__(self, base: float = 0.5, cap: float = 30.0,
                 rng: random.Random | None = None) -> None:
        self.base, self.cap, self.attempt = base, cap, 0
        self.rng = rng or random.Random()

    def next(self) -> float:
        d = self.rng.uniform(0, min(self.cap, self.base * (2 ** min(self.attempt, 30))))
        self.attempt += 1
        return max(d, self.base / 10)

    def reset(self) -> None:
        self.attempt = 0


_READ_CHUNK = 1 << 20
#: events in the first page of a pull and the first batch of a push (then full ones)
FIRST_PAGE = 2000


def url_refusal(url: str, insecure_http: bool = False) -> str | None:
    """Why this side will not talk to a hub at ``url`` (a Dutch sentence), or None: plain
    http to another machine without ``insecure_http``, or no http(s) address at all."""
    from urllib.parse import urlsplit

    u = urlsplit(url)
    if u.scheme not in ("http", "https") or not u.hostname:
        return _("'{url}' is geen hubadres: gebruik https://naam:poort").format(url=url)
    if u.scheme == "http" and not insecure_http and not is_loopback(u.hostname):
        return _("{url}: onversleuteld http naar een andere machine wordt geweigerd (token en "
                 "gebeurtenissen zouden leesbaar over het netwerk gaan); gebruik https://, of "
                 "(alleen op een vertrouwd netwerk) --onveilig-http").format(url=url)
    return None


class HubClient:
    """HTTP calls to one hub; maps failures to :class:`LinkDown` / :class:`HubRefused`."""

    def __init__(self, cfg: PeerConfig, timeout: tuple[float, float] = (5.0, 60.0)) -> None:
        self.base = cfg.url.rstrip("/")
        self.timeout = timeout
        #: why no request is made at all (plain http to another machine): a refusal
        self.refusal = url_refusal(cfg.url, cfg.insecure_http)
        self.ca_file = cfg.ca_file
        self.s = requests.Session()
        #: given with every request: a Session's own ``verify`` loses to REQUESTS_CA_BUNDLE
        self.verify: str | bool = cfg.ca_file or True
        self.s.headers["Authorization"] = f"Bearer {cfg.token}"
        self.s.headers["User-Agent"] = "crisisbeeld-sync/1"
        #: how pushes are packed: zstd once the hub's health says it reads it, else gzip
        self.push_coding = "gzip"

    def close(self) -> None:
        self.s.close()

    def _call(self, method: str, path: str, **kw: Any) -> Any:
        body = self._fetch(method, path, **kw)
        try:
            return load_page(body)  # orjson where it reads exactly as json does
        except ValueError as e:  # a cut mid-body leaves broken JSON
            raise LinkDown(_("antwoord onvolledig: {e}").format(e=e)) from None

    def _fetch(self, method: str, path: str, **kw: Any) -> bytes:
        """The body of a successful answer (LinkDown / HubRefused otherwise); ``_headers``, a
        dict, receives the answer's headers (names in lower case)."""
        headers_out: dict[str, str] | None = kw.pop("_headers", None)
        timeout = kw.pop("_timeout", self.timeout)
        if self.refusal:
            raise HubRefused(NOT_SAFE, self.refusal)
        try:
            r = self.s.request(method, self.base + path, timeout=timeout, stream=True,
                               verify=self.verify, **kw)
            with r:
                # Read in big pieces: a pull page is megabytes, read while the store ingests
                # the previous one on another thread, and every piece has to win the GIL back.
                body = b"".join(r.iter_content(_READ_CHUNK))
            if r.status_code >= 500:
                raise LinkDown(_("hub gaf fout {status_code}").format(status_code=r.status_code))
            if r.status_code >= 400:
                text = body.decode("utf-8", "replace")
                try:
                    detail = str(json.loads(body).get("detail", text))
                except (ValueError, AttributeError):
                    detail = text[:200]
                raise HubRefused(r.status_code, detail)
            if headers_out is not None:
                headers_out.update((k.lower(), v) for k, v in r.headers.items())
            return body
        except requests.exceptions.SSLError as e:
            raise HubRefused(NOT_SAFE, _tls_sentence(self.base, self.ca_file, e)) from None
        except OSError as e:  # (a CA file that cannot be read)
            if self.ca_file and not isinstance(e, requests.RequestException):
                raise HubRefused(NOT_SAFE, _("CA-bestand {path} is niet leesbaar").format(
                    path=self.ca_file)) from None
            raise LinkDown(_("hub onbereikbaar: {why_unreachable}").format(
                               why_unreachable=_why_unreachable(e))) from None

    def health(self) -> dict[str, Any]:
        h = dict(self._call("GET", "/v1/health"))
        offered = h.get("encodings")
        self.push_coding = "zstd" if isinstance(offered, list) and "zstd" in offered else "gzip"
        return h

    def heads(self, world: str) -> dict[str, int]:
        return self.heads_and_hashes(world)[0]

    def wait(self, world: str, after: int, timeout: float) -> bool:
        """Wait at the hub until the world has events after cursor ``after`` (True) or the
        wait ends (False)."""
        reply = self._call("GET", f"/v1/worlds/{world}/wait",
                           params={"after": after, "timeout": timeout},
                           _timeout=(self.timeout[0], timeout + self.timeout[0] + 5))
        return bool(reply.get("news"))

    def heads_and_hashes(self, world: str, check: tuple[str, int] | None = None
                         ) -> tuple[dict[str, int], dict[str, str], str | None]:
        """Per origin the hub's highest contiguous seq and the hash of that event (empty from
        a hub of an older version), and the hash the hub holds for ``check`` (origin, seq)."""
        params = {"check": f"{check[0]}:{check[1]}"} if check else None
        reply = self._call("GET", f"/v1/worlds/{world}/heads", params=params)
        hashes = reply.get("hashes") or {}
        checked = reply.get("checked")
        return ({str(k): int(v) for k, v in reply["heads"].items()},
                {str(k): str(v) for k, v in hashes.items()},
                str(checked) if isinstance(checked, str) else None)

    def roster(self, world: str) -> Any:
        """The roster document this hub passes on (None: it has none, or is too old to)."""
        body = self._fetch("GET", f"/v1/worlds/{world}/roster")
        if len(body) > ROSTER_MAX:
            raise HubRefused(NOT_SAFE, _("het rooster van {hub} is groter dan {n} MiB: geen echt "
                                         "rooster").format(hub=self.base, n=ROSTER_MAX >> 20))
        try:
            return load_page(body).get("roster")
        except (ValueError, AttributeError) as e:
            raise LinkDown(_("antwoord onvolledig: {e}").format(e=e)) from None

    def pack(self, data: bytes) -> tuple[bytes, str]:
        """A push body packed as this hub reads best: (bytes, Content-Encoding)."""
        if self.push_coding == "zstd":
            return zstd_bytes(data), "zstd"
        return gzip_bytes(data), "gzip"

    def push(self, world: str, lines: Sequence[str]) -> dict[str, Any]:
        return self.push_body(world, *self.pack(ndjson_body(lines)))

    def push_body(self, world: str, body: bytes, coding: str = "gzip") -> dict[str, Any]:
        """Push a packed NDJSON batch (one canonical event per line)."""
        return dict(self._call("POST", f"/v1/worlds/{world}/events", data=body, headers={
            "Content-Type": "application/x-ndjson", "Content-Encoding": coding}))

    def fetch_page(self, world: str, after: int, limit: int) -> tuple[bytes, int | None, bool]:
        """The body of a pull page after cursor ``after``, with the next cursor and whether
        more follows as the hub's headers say them (None when it does not: read the page)."""
        r: dict[str, str] = {}
        body = self._fetch("GET", f"/v1/worlds/{world}/events",
                           params={"after": after, "limit": limit}, _headers=r)
        nxt = r.get(NEXT_HEADER.lower(), "")
        more = r.get(MORE_HEADER.lower(), "") == "1"
        return body, int(nxt) if nxt.isdigit() else None, more


    # attachments' bytes (data.sync.hub.blobs; the sync of them: data.sync.blob_sync)

    def blobs_held(self, world: str, hashes: Sequence[str]) -> list[str]:
        """Which of ``hashes`` the hub holds."""
        reply = self._call("POST", f"/v1/worlds/{world}/blobs", json={"hashes": list(hashes)})
        return [str(h) for h in reply.get("held") or []]

    def put_blob(self, world: str, sha256: str, data: bytes) -> None:
        self._fetch("PUT", f"/v1/worlds/{world}/blobs/{sha256}", data=data,
                    headers={"Content-Type": "application/octet-stream"})

    def get_blob(self, world: str, sha256: str) -> bytes:
        return self._fetch("GET", f"/v1/worlds/{world}/blobs/{sha256}")


def _tls_sentence(base: str, ca_file: str | None, e: Exception) -> str:
    """A failed TLS handshake, for a person."""
    text = str(e)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        why = (_("het certificaat van de hub is niet ondertekend door een vertrouwde CA")
               if "hostname" not in text.lower() else
               _("het certificaat van de hub hoort niet bij deze naam"))
        hint = (_("klopt {path} wel voor deze hub?").format(path=ca_file) if ca_file else
                _("geef met --ca-file het CA-certificaat (PEM) van deze hub"))
        return _("{hub}: verbinding geweigerd: {why}; {hint}").format(hub=base, why=why, hint=hint)
    if "WRONG_VERSION_NUMBER" in text or "record layer" in text:
        return _("{hub}: de hub spreekt geen https (probeer http:// op een vertrouwd "
                 "netwerk)").format(hub=base)
    return _("{hub}: beveiligde verbinding mislukt (TLS); controleer adres en "
             "--ca-file").format(hub=base)


def read_page(body: bytes, world: str) -> tuple[Prepared, dict[str, Any]]:
    """A pull page read and checked for the store (LinkDown when it is not a whole page)."""
    try:
        with gc_paused():
            return prepare_page(body, world)
    except ValueError as e:  # a cut mid-body leaves broken JSON
        raise LinkDown(_("antwoord onvolledig: {e}").format(e=e)) from None


class _PageReader:
    """Pull pages fetched ahead on the I/O thread and read in the helper process, handed to
    the store in order: while the store takes in one page, the next is read on the other core
    and the one after is on the wire (the hub puts the next cursor in a header, so asking for
    it need not wait until a page is read)."""

    AHEAD = 2  # pages read or in reading, waiting for the store

    def __init__(self, client: HubClient, world: str) -> None:
        self.client, self.world = client, world
        self.q: queue.Queue[Callable[[], tuple[Prepared, dict[str, Any]]] | None] = \
            queue.Queue(self.AHEAD)
        self.stop = threading.Event()

    def produce(self, after: int, first: int, limit: int) -> None:
        """Runs on the I/O thread: fetch pages until the last, or until stopped."""
        try:
            size = first
            while not self.stop.is_set():
                body, nxt, more = self.client.fetch_page(self.world, after, size)
                item = self._reader(body)
                self._put(item)
                if nxt is None:  # an older hub: the cursor is in the page only
                    _, page = item()
                    nxt, more = int(page.get("next", after)), bool(page.get("more"))
                if not more or nxt == after:
                    break
                helper().start()  # a backlog: read the next pages on the other core
                # pages grow to the full size: the store starts early, the helper keeps up
                after, size = nxt, min(limit, size * 5 // 2)
        except BaseException as e:  # noqa: BLE001 - handed to the store's thread
            err = e

            def fail() -> tuple[Prepared, dict[str, Any]]:
                raise err

            self._put(fail)
        finally:
            self._put(None)

    def _reader(self, body: bytes) -> Callable[[], tuple[Prepared, dict[str, Any]]]:
        world = self.world
        fut = helper().submit(prepare_page_packed, body, world) if len(body) >= MIN_BYTES \
            else None
        if fut is None:
            done = read_page(body, world)
            return lambda: done
        cache: list[tuple[Prepared, dict[str, Any]]] = []

        def result() -> tuple[Prepared, dict[str, Any]]:
            if not cache:
                try:
                    with gc_paused():
                        cache.append(Prepared.from_bytes(fut.result()))
                except ValueError as e:
                    raise LinkDown(_("antwoord onvolledig: {e}").format(e=e)) from None
                except LOST:  # the helper died: read it here
                    helper().forget()
                    cache.append(read_page(body, world))
            return cache[0]

        return result

    def _put(self, item: Callable[[], tuple[Prepared, dict[str, Any]]] | None) -> None:
        while True:
            try:
                self.q.put(item, timeout=0.2)
                return
            except queue.Full:
                if self.stop.is_set():
                    return

    def pages(self, producing: Future[None]) -> Iterator[tuple[Prepared, dict[str, Any]]]:
        """The pages in order, until the producer (running as ``producing``) is done."""
        while True:
            try:
                item = self.q.get(timeout=0.5)
            except queue.Empty:
                if producing.cancelled():  # the engine shut down before it started
                    raise LinkDown(_("synchronisatie gestopt")) from None
                if producing.done() and self.q.empty():
                    return
                continue
            if item is None:
                return
            yield item()

    def close(self) -> None:
        self.stop.set()
        while True:  # unblock the producer
            try:
                self.q.get_nowait()
            except queue.Empty:
                return
