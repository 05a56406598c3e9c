"""Personal links: the classroom address with a workshop and a participant code."""

from __future__ import annotations

import socket
from urllib.parse import urlencode

DEFAULT_PORT = 8866


def personal_link(workshop: str, participant: str, host: str, port: int = DEFAULT_PORT) -> str:
    """The link printed as a QR code on a participant's card.

    Example: ``http://192.168.1.10:8866/?ws=KPG25&p=K7M2QX``.
    """
    query = urlencode({"ws": workshop, "p": participant})
    return f"http://{host}:{port}/?{query}"


def default_host() -> str:
    """This laptop's address on the local network (no packet is sent), else ``127.0.0.1``."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.connect(("10.255.255.255", 1))
        return sock.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        sock.close()
