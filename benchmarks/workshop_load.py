"""Workshop load benchmark: N simulated trainees driving the real classroom over Voila's protocol.

Each simulated trainee does what a browser does (SERVING.md, "What a browser does"): GET its
personal link, open the kernel websocket (the ``v1.kernel.websocket.jupyter.org`` binary
subprotocol, as Voila's page does; ``--protocol json`` for the older JSON one),
``kernel_info_request``, open the widget control comm and ``request_states`` (the page is usable
now), then tap "Buka modul" on the hygiene module's card, answer every check of the module
(choose an option, tap the submit button) and every question of its quiz (answer, submit, next),
with random think time between actions, and stay connected until the run ends.

    python benchmarks/workshop_load.py --users 60 --duration 60
    python benchmarks/workshop_load.py --users 300 --ramp 60 --duration 180 --json out.json
    python benchmarks/workshop_load.py --users 100 --ramp 0 --duration 90 --baseline

Without ``--url`` it starts its own ``pangan serve`` (SQLite in a temporary folder, free port,
``--expect USERS``) and measures its memory (PSS of the server and its kernels). ``--baseline``
also runs the same notebook under plain ``voila`` defaults, in the same run, and prints the ratio.
Traffic goes only to 127.0.0.1 (or the ``--url`` you give); every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import psutil
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from toolkit.serve.kernel import is_kernel_process

ROOT = Path(__file__).resolve().parents[1]
CONFIG_RE = re.compile(
    r'<script id="jupyter-config-data" type="application/json">\s*(.*?)\s*</script>', re.S
)
POOL_RE = re.compile(r"Kernel pool of \S+ is filled with (\d+) kernel")
OPEN_LABELS = ("Buka modul", "Open module")
SUBMIT_LABELS = ("Periksa jawaban", "Check answer")
BACK_LABELS = ("← Kembali ke Beranda", "← Back to home")  # two: above and below a module
QUIZ_SUBMIT = ("Kirim jawaban", "Submit answer")
QUIZ_NEXT = ("Soal berikutnya", "Next question")
NOT_SAVED = ("Belum tersimpan", "Not saved yet")  # the page says so: the trainee taps again
NO_ANSWER = ("Pilih jawaban dulu", "Choose an answer first", "Tulis sebuah angka", "Type a number")
# A quiz question's answer: radio options, tick buttons (several answers), a number field.
CONTROLS = {"RadioButtonsModel", "ToggleButtonModel", "CheckboxModel", "TextModel"}
WORKSHOP = "LOAD"


# --------------------------------------------------------------------------- measurements
@dataclass
class Stats:
    page_s: list[float] = field(default_factory=list)
    rtt_ms: list[float] = field(default_factory=list)
    open_ms: list[float] = field(default_factory=list)  # tap "open" -> the module's checks
    errors: list[str] = field(default_factory=list)
    answers_sent: int = 0
    full_pages: int = 0
    not_saved: int = 0  # "not saved yet" shown (the trainee tapped again)
    no_answer: int = 0  # "choose an answer first" shown (the simulated answer did not count)
    users_done: int = 0
    unfinished: int = 0


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return round(values[lo] + (values[hi] - values[lo]) * (k - lo), 3)


def module_index(key: str = "hygiene") -> int:
    """Position of the module's card on the home page (cards follow the catalogue)."""
    from toolkit.app.catalogue import discover

    return next(i for i, m in enumerate(discover()) if m.key == key)


V1 = "v1.kernel.websocket.jupyter.org"  # the binary subprotocol Voila's page speaks


def encode_v1(msg: dict) -> bytes:
    """A kernel message as a ``v1.kernel.websocket.jupyter.org`` frame (uint64 count, uint64
    offsets, the channel, then header, parent header, metadata and content as JSON)."""
    parts = [
        json.dumps(msg[k]).encode() for k in ("header", "parent_header", "metadata", "content")
    ]
    channel = msg["channel"].encode()
    offsets = [8 * (len(parts) + 3), 8 * (len(parts) + 3) + len(channel)]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    head = len(offsets).to_bytes(8, "little") + b"".join(o.to_bytes(8, "little") for o in offsets)
    return head + channel + b"".join(parts)


def decode_v1(raw: bytes) -> dict:
    """A ``v1.kernel.websocket.jupyter.org`` frame as a message dict (buffers left out)."""
    n = int.from_bytes(raw[:8], "little")
    offsets = [int.from_bytes(raw[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(n)]
    parts = [raw[offsets[i] : offsets[i + 1]] for i in range(1, min(n - 1, 5))]
    header, parent, metadata, content = (json.loads(p) if p else {} for p in parts)
    channel = raw[offsets[0] : offsets[1]].decode("utf-8")
    return {
        "header": header,
        "parent_header": parent,
        "metadata": metadata,
        "content": content,
        "channel": channel,
    }


def decode(raw: str | bytes, protocol: str = V1) -> dict:
    """A kernel message from the websocket: a v1 frame, JSON text, or on the JSON protocol
    jupyter_server's binary frame (uint32 count, uint32 offsets, the JSON message and its
    buffers) for a message with buffers."""
    if isinstance(raw, str):
        return json.loads(raw)
    if protocol == V1:
        return decode_v1(raw)
    n = int.from_bytes(raw[:4], "big")
    offsets = [int.from_bytes(raw[4 * (i + 1) : 4 * (i + 2)], "big") for i in range(n)]
    end = offsets[1] if n > 1 else len(raw)
    return json.loads(raw[offsets[0] : end].decode("utf-8"))


# --------------------------------------------------------------------------- one trainee
class Trainee:
    """One simulated trainee: an HTTP GET and one kernel websocket.

    Like a browser, it keeps the cookies the site sets (a load balancer's sticky cookie
    among them) and sends them, with its ``Origin``, on every later request and the websocket.
    ``stay=False`` returns once the module is answered instead of staying to the run's end.
    """

    def __init__(
        self,
        base: str,
        index: int,
        stats: Stats,
        rng: random.Random,
        think: float,
        workshop: str = WORKSHOP,
        code: str | None = None,
        stay: bool = True,
        protocol: str = V1,
        quiz: bool = True,
    ):
        self.base = base
        self.workshop = workshop
        self.code = code or f"U{index:04d}"
        self.stay = stay
        self.protocol = protocol  # V1 as Voila's page, or "json" (the older protocol)
        self.quiz = quiz  # also answer every question of the module's quiz
        self.cookies: dict[str, str] = {}
        self.kernel_id: str | None = None
        self.stats = stats
        self.rng = rng
        self.think = think
        self.session = uuid.uuid4().hex
        self.ws = None
        self.models: dict[str, dict] = {}  # model id -> state
        self.order: list[str] = []  # model ids in creation order
        self.waiters: dict[str, asyncio.Future] = {}  # parent msg id -> first reply
        self.new_button = asyncio.Event()  # set when a button arrives
        self.shown: list[str] = []  # text values the kernel has set since the last submit
        self.reader: asyncio.Task | None = None
        self.module_index = module_index()
        self.deadline = time.monotonic() + 60

    def keep_cookies(self, headers) -> None:
        """Remember the cookies of a response's ``Set-Cookie`` headers."""
        for line in headers.get_list("Set-Cookie"):
            jar = SimpleCookie()
            jar.load(line)
            self.cookies.update({k: v.value for k, v in jar.items()})

    def headers(self) -> dict[str, str]:
        """What a browser sends with each request of this page."""
        out = {"Origin": self.base}
        if self.cookies:
            out["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return out

    def _msg(self, msg_type: str, content: dict, channel: str = "shell") -> dict:
        return {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "username": self.code,
                "session": self.session,
                "msg_type": msg_type,
                "version": "5.3",
                "date": "",
            },
            "parent_header": {},
            "metadata": {},
            "content": content,
            "channel": channel,
            "buffers": [],
        }

    async def _send(self, msg: dict, reply_types: tuple[str, ...] = ()) -> asyncio.Future:
        fut = asyncio.get_running_loop().create_future()
        self.waiters[msg["header"]["msg_id"]] = (fut, reply_types)
        if self.protocol == V1:
            await self.ws.write_message(encode_v1(msg), binary=True)
        else:
            await self.ws.write_message(json.dumps(msg))
        return fut

    async def _read(self) -> None:
        while True:
            raw = await self.ws.read_message()
            if raw is None:
                return
            msg = decode(raw, self.protocol)
            kind = msg.get("msg_type") or msg["header"]["msg_type"]
            content = msg.get("content", {})
            if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
                mid = content["comm_id"]
                self.models[mid] = dict(content.get("data", {}).get("state", {}))
                self.order.append(mid)
                if self.models[mid].get("_model_name") == "ButtonModel":
                    self.new_button.set()
            elif kind == "comm_msg":
                data = content.get("data", {})
                if data.get("method") == "update":
                    state = data.get("state", {})
                    self.models.setdefault(content["comm_id"], {}).update(state)
                    if isinstance(state.get("value"), str):
                        self.shown.append(state["value"])
                elif data.get("method") == "update_states":
                    for mid, st in data.get("states", {}).items():
                        self.models[mid] = dict(st.get("state", {}))
                        self.order.append(mid)
            parent = (msg.get("parent_header") or {}).get("msg_id")
            idle = kind == "status" and content.get("execution_state") == "idle"
            for key in (parent, f"{parent}:idle"):
                waiter = self.waiters.get(key)
                if not waiter:
                    continue
                fut, types = waiter
                if not fut.done() and (not types or kind in types or ("idle" in types and idle)):
                    fut.set_result(msg)
                    self.waiters.pop(key, None)

    def find(self, labels: tuple[str, ...], start: int = 0) -> list[str]:
        return [
            m
            for m in self.order[start:]
            if self.models.get(m, {}).get("_model_name") == "ButtonModel"
            and self.models[m].get("description") in labels
        ]

    def radios(self, start: int = 0) -> list[str]:
        return [
            m
            for m in self.order[start:]
            if self.models.get(m, {}).get("_model_name") == "RadioButtonsModel"
        ]

    def time_left(self) -> float:
        """Seconds a wait may last: until the run's end plus a grace of 10 s."""
        return max(1.0, self.deadline + 10 - time.monotonic())

    def pairs(self, start: int = 0) -> list[tuple[str, str]]:
        """(radio, submit button) of each check: a submit button answers the radio
        created just before it."""
        out, radio = [], None
        submits = set(self.find(SUBMIT_LABELS, start))
        radios = set(self.radios(start))
        for m in self.order[start:]:
            if m in radios:
                radio = m
            elif m in submits and radio is not None:
                out.append((radio, m))
                radio = None
        return out

    async def pause(self) -> None:
        await asyncio.sleep(min(self.rng.expovariate(1 / self.think), self.think * 4))

    async def action(self, comm_id: str, data: dict, done: bool = False) -> float:
        """Send one widget message; return ms until the kernel's first reply to it (with
        ``done``, also wait until the kernel has handled it: its ``idle`` status)."""
        msg = self._msg("comm_msg", {"comm_id": comm_id, "data": data})
        t0 = time.perf_counter()
        fut = await self._send(msg, ("comm_msg", "status"))
        finished = None
        if done:
            finished = asyncio.get_running_loop().create_future()
            self.waiters[msg["header"]["msg_id"] + ":idle"] = (finished, ("idle",))
        await asyncio.wait_for(fut, self.time_left())
        rtt = (time.perf_counter() - t0) * 1000
        if finished is not None:
            await asyncio.wait_for(finished, self.time_left())
        return rtt

    async def click(self, comm_id: str, done: bool = False) -> None:
        self.stats.rtt_ms.append(
            await self.action(comm_id, {"method": "custom", "content": {"event": "click"}}, done)
        )

    async def submit(self, comm_id: str) -> None:
        """Tap a submit button and read what the page says; tap again (as a trainee would)
        while it says the answer is not saved yet."""
        for _try in range(5):
            self.shown.clear()
            await self.click(comm_id, done=True)
            said = " ".join(self.shown)
            if any(text in said for text in NO_ANSWER):
                self.stats.no_answer += 1
                return
            if not any(text in said for text in NOT_SAVED):
                self.stats.answers_sent += 1
                return
            self.stats.not_saved += 1
            await asyncio.sleep(2)

    async def answer(self, control: str) -> None:
        """Give an answer in a radio (a random option), a checkbox (ticked) or a text field."""
        state = self.models.get(control, {})
        kind = state.get("_model_name")
        if kind == "RadioButtonsModel":
            n = len(state.get("_options_labels", [])) or 2
            change = {"index": self.rng.randrange(n)}
        elif kind in ("CheckboxModel", "ToggleButtonModel"):
            change = {"value": True}
        else:
            change = {"value": str(self.rng.randint(1, 100))}
        self.stats.rtt_ms.append(
            await self.action(control, {"method": "update", "state": change, "buffer_paths": []})
        )

    async def take_quiz(self, start: int, deadline: float) -> None:
        """Answer every question of the module's quiz (from ``start`` in creation order)."""
        submit = self.find(QUIZ_SUBMIT, start)
        nxt = self.find(QUIZ_NEXT, start)
        if not submit or not nxt:
            raise RuntimeError("module has no quiz")
        mark = self.order.index(nxt[0]) + 1  # the first question's controls come after
        for _question in range(50):
            if time.monotonic() > deadline:
                return
            controls = [
                m
                for m in self.order[mark:]
                if self.models.get(m, {}).get("_model_name") in CONTROLS
            ]
            if not controls and _question:
                return  # the summary: no more questions
            await self.pause()
            for control in controls[:1]:
                await self.answer(control)
                await asyncio.sleep(0.2)
            await self.submit(submit[0])
            await self.pause()
            mark = len(self.order)
            await self.click(nxt[0], done=True)
        raise RuntimeError("the quiz never ended")

    async def run(self, deadline: float) -> None:
        self.deadline = deadline
        client = AsyncHTTPClient()
        t0 = time.perf_counter()
        url = f"{self.base}/?ws={self.workshop}&p={self.code}&lang=id"
        try:
            while True:
                try:
                    resp = await client.fetch(
                        HTTPRequest(
                            url,
                            headers=self.headers(),
                            request_timeout=max(5.0, deadline + 10 - time.monotonic()),
                        )
                    )
                    break
                except HTTPClientError as exc:
                    if exc.response is not None:
                        self.keep_cookies(exc.response.headers)
                    if exc.code == 503 and time.monotonic() < deadline:  # room full: wait
                        self.stats.full_pages += 1
                        await asyncio.sleep(8)
                        continue
                    raise
            self.keep_cookies(resp.headers)
            html = resp.body.decode("utf-8", "replace")
            m = CONFIG_RE.search(html)
            if not m:
                raise RuntimeError("no kernel id in page")
            kernel_id = self.kernel_id = json.loads(m.group(1))["kernelId"]
            ws_url = self.base.replace("http", "ws", 1)
            self.ws = await websocket_connect(
                HTTPRequest(
                    f"{ws_url}/api/kernels/{kernel_id}/channels?session_id={self.session}",
                    headers=self.headers(),
                    connect_timeout=self.time_left(),
                ),
                subprotocols=[V1] if self.protocol == V1 else None,
            )
            self.reader = asyncio.create_task(self._read())
            fut = await self._send(self._msg("kernel_info_request", {}), ("kernel_info_reply",))
            await asyncio.wait_for(fut, self.time_left())
            control = uuid.uuid4().hex
            opening = self._msg(
                "comm_open",
                {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}},
            )
            opening["metadata"] = {"version": "1.0.0"}  # the widget control protocol
            if self.protocol == V1:
                await self.ws.write_message(encode_v1(opening), binary=True)
            else:
                await self.ws.write_message(json.dumps(opening))
            fut = await self._send(
                self._msg("comm_msg", {"comm_id": control, "data": {"method": "request_states"}}),
                ("comm_msg",),
            )
            await asyncio.wait_for(fut, self.time_left())
            self.stats.page_s.append(time.perf_counter() - t0)

            # Open the first module inside the page.
            await self.pause()
            opens = self.find(OPEN_LABELS)
            if len(opens) <= self.module_index:
                raise RuntimeError("no module card")
            mark = len(self.order)
            opened = time.perf_counter()
            self.stats.rtt_ms.append(
                await self.action(
                    opens[self.module_index], {"method": "custom", "content": {"event": "click"}}
                )
            )
            # The module is all there when its second back button (below it) has come.
            end = time.monotonic() + self.time_left()
            while len(self.find(BACK_LABELS, mark)) < 2 and time.monotonic() < end:
                self.new_button.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.new_button.wait(), 1.0)
            self.stats.open_ms.append((time.perf_counter() - opened) * 1000)
            if not self.pairs(mark):
                raise RuntimeError("module has no checks")
            for radio, submit in self.pairs(mark):
                if time.monotonic() > deadline:
                    break
                await self.pause()
                await self.answer(radio)
                await asyncio.sleep(0.2)
                await self.submit(submit)
            if self.quiz:
                await self.take_quiz(mark, deadline)
            self.stats.users_done += 1
            # A trainee keeps the page open (reading) until the session ends.
            while self.stay and time.monotonic() < deadline:
                await asyncio.sleep(1)
        except TimeoutError:
            if time.monotonic() >= self.deadline:  # still busy when the run ended
                self.stats.unfinished += 1
            else:
                self.stats.errors.append(f"{self.code}: TimeoutError before the end")
        except Exception as exc:  # every failure is counted, the run goes on
            self.stats.errors.append(f"{self.code}: {type(exc).__name__}: {exc}"[:200])
        finally:
            if self.reader:
                self.reader.cancel()
            if self.ws is not None:
                self.ws.close()


# --------------------------------------------------------------------------- servers
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    proc: subprocess.Popen | None
    db_url: str | None
    label: str
    log_path: Path | None = None

    def pss_mb(self) -> tuple[float | None, int]:
        """PSS of the server and its kernels (MB), and the number of kernels."""
        total, kernels, _ = self.memory()
        return total, kernels

    def kernel_count(self) -> int:
        """Live kernels (without reading their memory)."""
        if self.proc is None:
            return 0
        with contextlib.suppress(psutil.Error):
            kids = psutil.Process(self.proc.pid).children(recursive=True)
            return sum(1 for p in kids if is_kernel_process(p))
        return 0

    def memory(self) -> tuple[float | None, int, float | None]:
        """PSS of the whole tree (MB), the number of kernels, and their mean PSS (MB)."""
        if self.proc is None:
            return None, 0, None
        procs = [psutil.Process(self.proc.pid)]
        procs += procs[0].children(recursive=True)
        total, kernels, in_kernels = 0, 0, 0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                pss = p.memory_full_info().pss
                total += pss
                if is_kernel_process(p):
                    kernels += 1
                    in_kernels += pss
        mean = round(in_kernels / kernels / 2**20, 1) if kernels else None
        return round(total / 2**20, 1), kernels, mean

    def settled(self, kernels: int) -> bool:
        """True once ``kernels`` kernels exist and are idle (the pool is ready; the server's own
        idle work, such as websocket pings, does not count)."""
        if self.proc is None:
            return True
        root = psutil.Process(self.proc.pid)
        procs = [p for p in root.children(recursive=True) if is_kernel_process(p)]
        if self.log_path is not None:
            # A pooled kernel that has run the classroom up to its hand-over connects to
            # /voila/query/<kernel>: that many connections, that many ready kernels. (Idle
            # kernels still cost a little CPU each, so a room of them never looks idle.)
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
            pool = POOL_RE.search(text)  # the pool the server built: the room, or its cap
            if pool:
                kernels = int(pool.group(1))
            return text.count("GET /voila/query/") >= kernels
        if len(procs) < kernels:
            return False
        before = {}
        for p in procs:
            with contextlib.suppress(psutil.Error):
                before[p.pid] = sum(p.cpu_times()[:2])
        time.sleep(2)
        used = 0.0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                used += sum(p.cpu_times()[:2]) - before.get(p.pid, 0)
        return used / 2 < 0.15  # the kernels use under 15 % of one core: all started

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def wait_up(url: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    host, port = url.split("//")[1].split(":")
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((host, int(port)), 1):
            return
        time.sleep(0.3)
    raise SystemExit("server did not start")


def start_pangan(tmp: Path, users: int, extra: list[str]) -> Server:
    port = free_port()
    db_url = f"sqlite:///{tmp / 'load.sqlite'}"
    cmd = [sys.executable, "-m", "toolkit.cli", "serve", "--host", "127.0.0.1", "--port"]
    cmd += [str(port), "--db", db_url, "--no-qr", "--expect", str(users), *extra]
    log = open(tmp / "pangan.log", "wb")  # noqa: SIM115 - kept open for the server's life
    env = {**os.environ, "PANGAN_DATA_DIR": str(tmp / "data")}
    proc = subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True, cwd=ROOT
    )
    url = f"http://127.0.0.1:{port}"
    wait_up(url, proc)
    return Server(url, proc, db_url, "pangan serve", tmp / "pangan.log")


def start_plain_voila(tmp: Path) -> Server:
    """The same classroom notebook under plain ``voila`` defaults (the baseline)."""
    port = free_port()
    db_url = f"sqlite:///{tmp / 'baseline.sqlite'}"
    env = {
        **os.environ,
        "PANGAN_DATA_DIR": str(tmp / "bdata"),
        "PANGAN_DB_URL": db_url,
        "PANGAN_NOTEBOOKS": str(ROOT / "notebooks"),
    }
    from toolkit.store import open_store

    open_store(db_url).close()
    cmd = [
        sys.executable,
        "-m",
        "voila",
        str(ROOT / "notebooks" / "00_beranda.ipynb"),
        f"--port={port}",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
    ]
    log = open(tmp / "voila.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True, cwd=ROOT
    )
    url = f"http://127.0.0.1:{port}"
    wait_up(url, proc)
    return Server(url, proc, db_url, "plain voila")


def stored_answers(db_url: str | None) -> int | None:
    if not db_url:
        return None
    from sqlalchemy import func, select

    from toolkit.store import open_store
    from toolkit.store.models import Answer

    store = open_store(db_url)
    with store.session() as s:
        n = s.scalar(
            select(func.count()).select_from(Answer).where(Answer.workshop_code == WORKSHOP)
        )
    store.close()
    return int(n or 0)


def cpu_split(server: Server) -> dict[str, float]:
    """CPU-seconds used so far by this client, the server process and its kernels."""
    own = psutil.Process().cpu_times()
    out = {"client": own.user + own.system, "server": 0.0, "kernels": 0.0}
    if server.proc is None:
        return out
    with contextlib.suppress(psutil.Error):
        root = psutil.Process(server.proc.pid)
        t = root.cpu_times()
        out["server"] = t.user + t.system
        for p in root.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                t = p.cpu_times()
                out["kernels"] += t.user + t.system
    return out


# --------------------------------------------------------------------------- a run
async def simulate(
    server: Server,
    users: int,
    duration: float,
    ramp: float,
    think: float,
    seed: int,
    protocol: str = V1,
    quiz: bool = True,
) -> dict:
    AsyncHTTPClient.configure(None, max_clients=max(users, 10))
    stats = Stats()
    rng = random.Random(seed)
    start = time.monotonic()
    deadline = start + duration
    peak_pss, peak_kernels, sampler_cpu = 0.0, 0, 0.0

    def measure() -> tuple[float | None, int, float]:
        used = time.thread_time()
        pss, kernels = server.pss_mb()
        return pss, kernels, time.thread_time() - used

    async def sample() -> None:
        # Reading the memory of hundreds of processes costs this (client) process about a
        # CPU-second (the OS walks each process's page tables): every 15 s, not more often,
        # and not while the room arrives and opens its pages (the ramp and 30 s after it),
        # when those cores are what the measured pages wait for (a real phone's browser does
        # not use the laptop's CPU). Memory only grows while trainees work (no kernel leaves
        # during a run), so the readings after that, to the end, hold the peak.
        nonlocal peak_pss, peak_kernels, sampler_cpu
        arrivals_end = start + min(ramp + 30, max(duration - 20, 0))
        while time.monotonic() < arrivals_end:  # meanwhile only count kernels (cheap)
            peak_kernels = max(peak_kernels, await asyncio.to_thread(server.kernel_count))
            await asyncio.sleep(min(5, max(arrivals_end - time.monotonic(), 0)))
        while time.monotonic() < deadline:
            pss, kernels, used = await asyncio.to_thread(measure)
            sampler_cpu += used
            if pss:
                peak_pss = max(peak_pss, pss)
            peak_kernels = max(peak_kernels, kernels)
            await asyncio.sleep(15)

    async def arrive(i: int) -> None:
        await asyncio.sleep(rng.uniform(0, ramp) if ramp > 0 else 0)
        own = random.Random(seed * 1000 + i)
        trainee = Trainee(server.url, i, stats, own, think, protocol=protocol, quiz=quiz)
        await trainee.run(deadline)

    cpu_before = cpu_split(server)
    sampler = asyncio.create_task(sample())
    await asyncio.gather(*(arrive(i) for i in range(users)))
    sampler.cancel()
    cpu_after = cpu_split(server)
    pss_now, kernels_now, per_kernel = await asyncio.to_thread(server.memory)
    await asyncio.sleep(3)
    _, kernels_after = await asyncio.to_thread(server.pss_mb)
    stored = stored_answers(server.db_url)
    if stored is not None and stored != stats.answers_sent and server.log_path:
        lines = server.log_path.read_text(errors="replace").splitlines()
        said = [line for line in lines if "could not" in line or "Error" in line]
        print(f"answers sent {stats.answers_sent} != stored {stored}; server log says:")
        print("\n".join(said[-20:]) or "(nothing)", flush=True)
    total = max(peak_pss, pss_now or 0) or None
    return {
        "server": server.label,
        "users": users,
        "page_p50_s": pct(stats.page_s, 0.5),
        "page_p95_s": pct(stats.page_s, 0.95),
        "rtt_p50_ms": pct(stats.rtt_ms, 0.5),
        "rtt_p95_ms": pct(stats.rtt_ms, 0.95),
        "open_p50_ms": pct(stats.open_ms, 0.5),
        "open_p95_ms": pct(stats.open_ms, 0.95),
        "errors": len(stats.errors),
        "answers_sent": stats.answers_sent,
        "answers_stored": stored,
        "pss_total_mb": total,
        "pss_per_user_mb": round(total / users, 1) if total else None,
        "pss_per_kernel_mb": per_kernel,
        "kernels_alive": kernels_after,
        "kernels_peak": peak_kernels,
        "room_full_pages": stats.full_pages,
        "not_saved_shown": stats.not_saved,
        "no_answer_shown": stats.no_answer,
        "users_completed": stats.users_done,
        "users_unfinished_at_end": stats.unfinished,
        "wall_s": round(time.monotonic() - start, 1),
        # CPU-seconds the run cost each party (the simulated browsers share the machine)
        "cpu_s": {
            **{k: round(cpu_after[k] - cpu_before.get(k, 0), 1) for k in cpu_after},
            "client_memory_sampling": round(sampler_cpu, 1),  # part of "client"
        },
        "error_samples": stats.errors[:5],
    }


def table(rows: list[dict]) -> str:
    keys = [
        "users",
        "page_p50_s",
        "page_p95_s",
        "rtt_p50_ms",
        "rtt_p95_ms",
        "errors",
        "answers_sent",
        "answers_stored",
        "pss_total_mb",
        "pss_per_user_mb",
        "pss_per_kernel_mb",
        "kernels_alive",
        "users_completed",
    ]
    head = "| server | " + " | ".join(keys) + " |"
    out = [head, "|" + "---|" * (len(keys) + 1)]
    for r in rows:
        out.append(f"| {r['server']} | " + " | ".join(str(r.get(k)) for k in keys) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=60)
    ap.add_argument("--duration", type=float, default=60, help="seconds the run lasts")
    ap.add_argument(
        "--ramp", type=float, default=30, help="arrivals spread over S seconds (0: all at once)"
    )
    ap.add_argument("--think", type=float, default=3.0, help="mean think time between actions (s)")
    ap.add_argument("--url", default=None, help="drive a running server instead of starting one")
    ap.add_argument("--baseline", action="store_true", help="also run plain voila defaults")
    ap.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--protocol", choices=[V1, "json"], default=V1, help="websocket protocol (default: v1)"
    )
    ap.add_argument("--no-quiz", action="store_true", help="answer the module's checks only")
    ap.add_argument("--serve-arg", action="append", default=[], help="extra pangan serve argument")
    args = ap.parse_args(argv)

    with contextlib.suppress(ValueError, OSError):
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    def run(server: Server) -> dict:
        """The same simulated room against ``server``."""
        return asyncio.run(
            simulate(
                server,
                args.users,
                args.duration,
                args.ramp,
                args.think,
                args.seed,
                args.protocol,
                not args.no_quiz,
            )
        )

    rows = []
    with tempfile.TemporaryDirectory(prefix="pangan-load-") as tmp_name:
        tmp = Path(tmp_name)
        servers = []
        if args.url:
            servers.append(
                Server(args.url.rstrip("/"), None, os.environ.get("PANGAN_DB_URL"), args.url)
            )
        else:
            servers.append(start_pangan(tmp, args.users, args.serve_arg))
        try:
            if servers[0].proc is not None and args.users:
                # let the preheated pool fill before the room arrives, as a trainer would
                t0 = time.monotonic()
                while time.monotonic() - t0 < 900 and not servers[0].settled(args.users):
                    time.sleep(1)
                print(
                    f"pool ready: {servers[0].pss_mb()[1]} kernels after "
                    f"{time.monotonic() - t0:.0f} s",
                    flush=True,
                )
            rows.append(run(servers[0]))
        finally:
            servers[0].stop()
        if args.baseline:
            base = start_plain_voila(tmp)
            try:
                rows.append(run(base))
            finally:
                base.stop()
    print(table(rows))
    if len(rows) == 2:
        a, b = rows
        for k in ("page_p95_s", "rtt_p95_ms", "pss_per_user_mb"):
            if a.get(k) and b.get(k):
                print(f"baseline/pangan {k}: {b[k] / a[k]:.2f}x")
        print(f"errors: pangan {a['errors']}, baseline {b['errors']}")
    for r in rows:
        for e in r["error_samples"]:
            print("  error:", r["server"], e)
    if args.json:
        result = dict(rows[0])
        if len(rows) == 2:
            result["baseline"] = rows[1]
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
