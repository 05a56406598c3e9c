"""``pangan dashboard``: the trainer's Voila server, on its own port, behind a token.

Bound to 127.0.0.1 unless ``--host`` says otherwise. The token is printed at start (with the
full link); a browser without it gets Jupyter's login page, never the dashboard.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import sys

from toolkit.dashboard import DASHBOARD_NOTEBOOK
from toolkit.i18n import normalize_lang, t
from toolkit.paths import ENV_DB_URL, default_db_url

DEFAULT_PORT = 8867
ENV_TOKEN = "PANGAN_DASHBOARD_TOKEN"


@dataclasses.dataclass
class DashboardOptions:
    """What ``pangan dashboard`` was asked to do."""

    port: int = DEFAULT_PORT
    host: str = "127.0.0.1"
    db: str | None = None
    workshop: str | None = None
    lang: str = "id"
    token: str | None = None
    refresh: float = 15.0


def new_token() -> str:
    """A fresh random token (URL-safe, 32 characters)."""
    return secrets.token_urlsafe(24)


def voila_argv(opts: DashboardOptions, token: str) -> list[str]:
    """The Voila command line: one notebook, token required, no tracebacks or sources."""
    return [
        str(DASHBOARD_NOTEBOOK),
        f"--port={opts.port}",
        f"--Voila.ip={opts.host}",
        f"--Voila.token={token}",
        "--no-browser",
        "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        "--KernelManager.transport=ipc",
        "--MappingKernelManager.cull_idle_timeout=3600",
        "--MappingKernelManager.cull_interval=300",
        "--MappingKernelManager.cull_connected=False",
    ]


def dashboard_url(opts: DashboardOptions, token: str) -> str:
    """The link to open (carries the token)."""
    host = "127.0.0.1" if opts.host in ("0.0.0.0", "::", "") else opts.host
    return f"http://{host}:{opts.port}/?token={token}"


def run(opts: DashboardOptions) -> int:
    """Check the set-up, print the link with its token, and serve until Ctrl+C."""
    from toolkit.serve.launch import check_port
    from toolkit.store import open_store

    lang = normalize_lang(opts.lang)
    check_port(opts.host, opts.port)
    db_url = opts.db or default_db_url()
    store = open_store(db_url)
    if opts.workshop and store.workshop(opts.workshop.upper()) is None:
        from toolkit.workshop.errors import WorkshopError

        raise WorkshopError("workshop.error.no_workshop", code=opts.workshop.upper())
    store.close()
    token = opts.token or os.environ.get(ENV_TOKEN) or new_token()
    os.environ[ENV_DB_URL] = db_url
    os.environ["PANGAN_LANG"] = lang
    os.environ["PANGAN_DASHBOARD_REFRESH"] = str(opts.refresh)
    if opts.workshop:
        os.environ["PANGAN_DASHBOARD_WORKSHOP"] = opts.workshop.upper()
    os.environ.pop(ENV_TOKEN, None)  # the kernel does not need it
    print(t("dashboard.banner.title", lang))
    print(t("dashboard.banner.url", lang, url=dashboard_url(opts, token)))
    print(t("dashboard.banner.token", lang, token=token))
    if opts.host not in ("127.0.0.1", "localhost", "::1"):
        print(t("dashboard.banner.exposed", lang, host=opts.host))
    print(t("dashboard.banner.stop", lang))
    sys.stdout.flush()
    from voila.app import Voila

    Voila.launch_instance(argv=voila_argv(opts, token))
    return 0
