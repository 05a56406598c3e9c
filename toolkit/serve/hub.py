"""``pangan serve --jupyterhub``: the classroom as a JupyterHub user's server, through Voila.

JupyterHub starts one process per logged-in user (``Spawner.cmd``) and tells it, in
environment variables, where to listen (``JUPYTERHUB_SERVICE_URL``) and under which URL prefix
(``JUPYTERHUB_SERVICE_PREFIX``). We run the same standalone Voila as ``pangan serve`` (one
notebook, widget messages only, no Jupyter REST API, SERVING.md) and let JupyterHub's OAuth
decide who may open it; we never run ``jupyterhub-singleuser`` with Voila as a server
extension, which would mount the full REST API (files, terminals, code execution).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from toolkit.serve.launch import ServeError, ServeOptions

IDENTITY_PROVIDER = "toolkit.serve.hub_auth.HubIdentityProvider"
AUTHORIZER = "jupyterhub.singleuser.extension.JupyterHubAuthorizer"


def apply_hub_environment(opts: ServeOptions, env: Mapping[str, str] | None = None) -> str:
    """Set ``opts.host``/``opts.port`` from JupyterHub's variables; return the URL prefix.

    Raises:
        ServeError: not started by JupyterHub, or JupyterHub is not installed.
    """
    env = os.environ if env is None else env
    url = env.get("JUPYTERHUB_SERVICE_URL", "")
    prefix = env.get("JUPYTERHUB_SERVICE_PREFIX", "")
    parts = urlsplit(url)
    if not (env.get("JUPYTERHUB_API_TOKEN") and parts.hostname and parts.port and prefix):
        raise ServeError("serve.error.no_hub")
    if importlib.util.find_spec("jupyterhub") is None:
        raise ServeError("serve.error.no_jupyterhub")
    opts.host = parts.hostname
    opts.port = parts.port
    opts.qr = False
    return prefix if prefix.endswith("/") else prefix + "/"


def hub_voila_args(prefix: str) -> list[str]:
    """Voila options that put the classroom under ``prefix`` behind JupyterHub's login."""
    return [
        f"--Voila.base_url={prefix}",
        f"--Voila.identity_provider_class={IDENTITY_PROVIDER}",
        f"--Voila.authorizer_class={AUTHORIZER}",
    ]
