"""``pangan serve``: check the set-up, print the link and its QR code, then run Voila.

Voila serves exactly one notebook (the classroom, or one module with ``--module``), so no
file tree, no other notebook and no Jupyter REST API is reachable by a trainee.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import socket
import sys
from pathlib import Path

from toolkit.errors import ToolkitError
from toolkit.i18n import normalize_lang, t
from toolkit.paths import ENV_DB_URL, data_dir, default_db_url

TEMPLATE_ROOT = Path(__file__).with_name("share")


class ServeError(ToolkitError):
    """The server cannot start (port in use, unwritable data folder, bad store URL)."""


@dataclasses.dataclass
class ServeOptions:
    """What ``pangan serve`` was asked to do."""

    port: int = 8866
    host: str = "0.0.0.0"
    db: str | None = None
    lang: str = "id"
    module: str | None = None
    notebooks: Path | None = None
    cull_idle_seconds: int = 900
    qr: bool = True
    expect: int = 0
    max_kernels: int | None = None
    jupyterhub: bool = False


# Memory one trainee kernel may take over a whole workshop, every module opened: measured
# here 55 MB USS in a kernel forked from the warm fork server, plus a margin for quiz
# retakes and typed data (benchmarks/README.md, table 2).
KERNEL_BUDGET_MB = 60
# The share of the free memory that trainee kernels may fill.
MEMORY_SHARE = 0.9


def room_for(expect: int) -> int:
    """Kernels for a room of ``expect`` trainees: one each, plus a tenth (at least 2) for
    pages reloaded or opened twice."""
    return expect + max(2, expect // 10) if expect > 0 else 0


def pool_size_for(expect: int) -> int:
    """Preheated kernels to keep ready for ``expect`` trainees (0: no pool).

    The whole room, reserve included (at most 400): started before the workshop, they hand
    a ready page to every arrival. Each kernel the pool starts makes Voila render the page
    again (~0.3 CPU-s), so refilling while a room arrives takes the CPU that the arrivals
    need (measured: 46 refills during 300 arrivals, benchmarks/README.md); with the reserve
    preheated, refills wait until kernels are given back. Refills stop at the kernel cap.
    """
    return min(room_for(expect), 400)


def default_max_kernels(expect: int = 0) -> int:
    """The cap on live trainee kernels: what 90 % of the free memory holds (at least 4).

    It is never raised to fit ``expect``: running out of memory would stop every
    trainee's page, a "room is full" page stops only the newcomers.
    """
    import psutil

    by_memory = int(psutil.virtual_memory().available * MEMORY_SHARE / (KERNEL_BUDGET_MB * 2**20))
    return max(by_memory, 4)


def notebooks_root(opts: ServeOptions) -> Path:
    """The folder of module notebooks to serve."""
    from toolkit.app.catalogue import notebooks_dir

    return (opts.notebooks or notebooks_dir()).resolve()


def notebook_to_serve(opts: ServeOptions) -> Path:
    """The one notebook Voila serves: the classroom, or the module named by ``--module``."""
    root = notebooks_root(opts)
    if opts.module:
        name = opts.module if opts.module.endswith(".ipynb") else f"{opts.module}.ipynb"
        path = root / Path(name).name
    else:
        path = root / "00_beranda.ipynb"
    if not path.is_file():
        raise ServeError("serve.error.no_notebook", path=str(path))
    return path


def check_port(host: str, port: int) -> None:
    """Raise ``ServeError`` when ``port`` cannot be listened on."""
    if not 1 <= port <= 65535:
        raise ServeError("serve.error.bad_port", port=port)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError("serve.error.port_in_use", port=port) from exc
            raise ServeError("serve.error.cannot_listen", host=host, port=port) from exc


def check_data_dir(path: Path) -> None:
    """Create the data folder if needed and make sure it is writable."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise ServeError("serve.error.data_dir", path=str(path)) from exc


def lan_address() -> str | None:
    """This machine's address on the local network (None when it has none).

    Connecting a UDP socket sends no packet; it only asks the kernel for the route.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            addr = s.getsockname()[0]
        except OSError:
            return None
    return None if addr.startswith("127.") else addr


def trainee_url(opts: ServeOptions) -> str:
    """The link trainees open (the local-network address when serving on all interfaces)."""
    host = opts.host
    if host in ("0.0.0.0", "::", ""):
        host = lan_address() or "127.0.0.1"
    query = "" if opts.lang == "id" else f"?lang={opts.lang}"
    return f"http://{host}:{opts.port}/{query}"


def voila_argv(opts: ServeOptions, notebook: Path) -> list[str]:
    """The Voila command line for ``opts``: safe defaults for a room of trainees."""
    cull = int(opts.cull_idle_seconds)
    pool = pool_size_for(opts.expect)
    if opts.max_kernels:
        pool = min(pool, opts.max_kernels)
    preheat = ["--preheat_kernel=True", f"--pool_size={pool}"] if pool else []
    return [
        *preheat,
        str(notebook),
        f"--port={opts.port}",
        f"--Voila.ip={opts.host}",
        "--no-browser",
        "--template=pangan",
        "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        "--VoilaConfiguration.file_allowlist=.*\\.(png|jpg|jpeg|gif|svg|webp)$",
        "--VoilaConfiguration.multi_kernel_manager_class=toolkit.serve.kernels.PanganKernelManager",
        "--KernelManager.transport=ipc",
        f"--MappingKernelManager.cull_idle_timeout={cull}",
        f"--MappingKernelManager.cull_interval={max(30, min(cull, 120))}",
        "--MappingKernelManager.cull_connected=False",
    ]


def raise_open_file_limit() -> None:
    """Each trainee session holds ~13 files: raise the soft limit to the hard one."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        target = hard if hard != resource.RLIM_INFINITY else 65536
        if soft < target:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ImportError, ValueError, OSError):
        pass


def print_banner(opts: ServeOptions, url: str, db_url: str) -> None:
    """The trainer's start-up text, with the link as a QR code."""
    lang = opts.lang
    print(t("serve.banner.title", lang))
    print(t("serve.banner.url", lang, url=url))
    print(t("serve.banner.local", lang, url=f"http://127.0.0.1:{opts.port}/"))
    print(t("serve.banner.store", lang, db=_redact(db_url)))
    pool = min(pool_size_for(opts.expect), opts.max_kernels or 10**6)
    print(t("serve.banner.capacity", lang, pool=pool, cap=opts.max_kernels))
    if opts.max_kernels and opts.expect > opts.max_kernels:
        print(t("serve.banner.too_many", lang, expect=opts.expect, cap=opts.max_kernels))
    if opts.qr:
        try:
            import segno

            segno.make(url, error="m").terminal(compact=True)
        except Exception:  # a terminal that cannot draw it is no reason to stop
            pass
    print(t("serve.banner.stop", lang))
    sys.stdout.flush()


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def prepare(opts: ServeOptions) -> tuple[Path, str]:
    """All checks before Voila starts; returns the notebook and the store URL."""
    opts.lang = normalize_lang(opts.lang)
    notebook = notebook_to_serve(opts)
    check_port(opts.host, opts.port)
    db_url = opts.db or default_db_url()
    if opts.db is None and not os.environ.get(ENV_DB_URL):
        check_data_dir(data_dir())
    from toolkit.store import open_store

    store = open_store(db_url)
    store.engine.dispose()
    return notebook, db_url


def serve(opts: ServeOptions) -> int:
    """Run the classroom server until Ctrl+C."""
    hub_args: list[str] = []
    if opts.jupyterhub:
        from toolkit.serve.hub import apply_hub_environment, hub_voila_args

        hub_args = hub_voila_args(apply_hub_environment(opts))
    notebook, db_url = prepare(opts)
    os.environ[ENV_DB_URL] = db_url
    os.environ["PANGAN_NOTEBOOKS"] = str(notebook.parent)
    os.environ["PANGAN_LANG"] = opts.lang
    paths = [str(TEMPLATE_ROOT)]
    if os.environ.get("JUPYTER_PATH"):
        paths.append(os.environ["JUPYTER_PATH"])
    os.environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    raise_open_file_limit()
    if opts.max_kernels is None:
        opts.max_kernels = default_max_kernels(opts.expect)
    from toolkit.serve.handler import install

    # Refill the pool up to the expected room plus a tenth for reloads, not beyond.
    install(opts.max_kernels, refill_limit=room_for(opts.expect) or None)
    print_banner(opts, trainee_url(opts), db_url)
    from toolkit.serve import forkserver

    forkserver.start()  # warms up while Voila starts; kernels are forked from it
    from voila.app import Voila

    Voila.launch_instance(argv=voila_argv(opts, notebook) + hub_args)
    return 0
