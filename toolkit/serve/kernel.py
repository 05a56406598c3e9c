"""The trainee kernel: ipykernel without its debugger, started by ``pangan serve``.

A trainee never debugs, but ipykernel imports ``debugpy`` at start-up for the debugger of
JupyterLab: ~9 MB more PSS in each of a room's hundreds of kernels (benchmarks/README.md).
``share/kernels/python3/kernel.json`` makes the served notebooks' ``python3`` kernel start
here instead; IPython's input history (a thread and an SQLite file shared by every kernel)
is switched off in the same file.
"""

from __future__ import annotations

import sys

# What a kernel process's command line contains: ours, or stock ipykernel (plain Voila).
KERNEL_MARKERS = ("toolkit.serve.kernel", "ipykernel_launcher")


def is_kernel_process(cmdline: list[str]) -> bool:
    """True when ``cmdline`` (a process's arguments) is a trainee kernel's."""
    return any(marker in arg for arg in cmdline for marker in KERNEL_MARKERS)


def main() -> None:
    """Start an ipykernel whose ``import debugpy`` fails, so its debugger stays off."""
    sys.modules["debugpy"] = None  # type: ignore[assignment]
    from ipykernel.kernelapp import launch_new_instance

    launch_new_instance()


if __name__ == "__main__":
    main()
