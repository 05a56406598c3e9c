# JupyterHub for hosted, logged-in Pangan Aman deployments (see deploy/README.md).
# JupyterHub untuk penyelenggaraan daring dengan login peserta.
#
# Every logged-in user gets their own classroom process: `pangan serve --jupyterhub`, the same
# standalone Voila as `pangan serve` (one notebook, widget messages only, no Jupyter REST API,
# no file tree, no terminal), listening where JupyterHub says and admitting only users that
# JupyterHub's OAuth allows. We deliberately do NOT use `jupyterhub-singleuser` with Voila as a
# server extension (JupyterHub's usual recipe for Voila): that mode mounts the full Jupyter
# REST API, so a trainee could read files and run any code (SERVING.md).
#
#     pip install jupyterhub            # not a toolkit dependency
#     npm install -g configurable-http-proxy
#     jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
#
# Set before use: PANGAN_HUB_PASSWORD (the workshop's shared password), PANGAN_DB_URL (the
# store), PANGAN_HUB_URL (the address); change the authenticator for personal accounts and the
# spawner if users must be isolated from each other (all classrooms below run as the hub's
# own system user; see deploy/README.md).
# `c` is the config object JupyterHub passes in when it reads this file.
# ruff: noqa: F821
import os
import shutil
import sys

# Where trainees reach the hub. Put it behind HTTPS (e.g. the nginx of deploy/nginx) when public.
c.JupyterHub.bind_url = os.environ.get("PANGAN_HUB_URL", "http://127.0.0.1:8000")

# Every classroom writes to one shared store: use PostgreSQL when many users work at once.
PANGAN_DB_URL = os.environ.get("PANGAN_DB_URL", "postgresql://pangan@127.0.0.1/pangan")

# Login: any user name with the workshop's shared password (JupyterHub >= 5.3; it refuses to
# start without a password of 8+ characters). For personal accounts use another authenticator
# (oauthenticator, ldapauthenticator, or "native" with sign-up).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("PANGAN_HUB_PASSWORD", "")
c.Authenticator.allow_all = True

# One classroom process per user, started as the hub's own system user (no per-user Unix
# accounts are needed). Use DockerSpawner/KubeSpawner with the same `cmd` to isolate users.
c.JupyterHub.spawner_class = "simple"
PANGAN = shutil.which("pangan") or os.path.join(os.path.dirname(sys.executable), "pangan")
c.Spawner.cmd = [PANGAN, "serve", "--jupyterhub"]
c.Spawner.args = ["--db", PANGAN_DB_URL, "--cull-idle", "900", "--max-kernels", "3"]
c.Spawner.default_url = "/"
# The classroom needs the store URL and nothing of the hub's own environment.
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "PANGAN_DATA_DIR"]
c.Spawner.http_timeout = 120  # the first page starts a kernel and imports the toolkit
c.Spawner.start_timeout = 120
c.Spawner.mem_limit = "1G"  # honoured by container spawners, informational for "simple"

# Stop classrooms nobody used for an hour (pip install jupyterhub-idle-culler), if installed.
if shutil.which("jupyterhub-idle-culler"):
    c.JupyterHub.load_roles = [
        {
            "name": "idle-culler",
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": ["idle-culler"],
        }
    ]
    c.JupyterHub.services = [
        {"name": "idle-culler", "command": ["jupyterhub-idle-culler", "--timeout=3600"]}
    ]
