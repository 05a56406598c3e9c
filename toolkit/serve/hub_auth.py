"""JupyterHub login for standalone Voila (imported by Voila only under ``--jupyterhub``).

JupyterHub's identity provider registers its ``/oauth_callback`` and ``/logout`` handlers at
paths that jupyter_server prefixes with the base URL; standalone Voila adds them as given, so
the callback would land on the classroom page instead. This subclass adds the prefix.
"""

from __future__ import annotations

import os

from jupyter_server.utils import url_path_join
from jupyterhub.singleuser.extension import JupyterHubIdentityProvider


class HubIdentityProvider(JupyterHubIdentityProvider):
    """JupyterHub OAuth for a Voila server under ``$JUPYTERHUB_SERVICE_PREFIX``."""

    def get_handlers(self) -> list:
        prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
        return [(url_path_join(prefix, path), *rest) for path, *rest in super().get_handlers()]
