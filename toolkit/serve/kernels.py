"""The kernel manager Voila uses for trainees: a larger ZeroMQ socket limit.

Stock Voila fails between 100 and 200 simultaneous sessions because its process hits
pyzmq's default limit of 1023 sockets (SERVING.md); the shared context gets a higher one.
"""

from __future__ import annotations

import zmq
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import default

MAX_SOCKETS = 16384


class PanganKernelManager(AsyncMappingKernelManager):
    """``AsyncMappingKernelManager`` whose shared ZeroMQ context allows many sockets."""

    @default("context")
    def _context_default(self) -> zmq.asyncio.Context:
        ctx = super()._context_default()
        ctx.set(zmq.MAX_SOCKETS, MAX_SOCKETS)
        return ctx
