"""Memory of trainee kernels module by module: N kernels, each opening the modules in turn.

Kernels start as ``pangan serve`` starts them (the served kernel spec: forked from the warm
fork server), each runs the classroom for its own participant, then every kernel opens the
named modules one after another. After each step it prints the mean USS (memory only that
kernel holds) and PSS (its share of what it holds with the others) per kernel.

    python benchmarks/kernel_memory.py --kernels 10
    python benchmarks/kernel_memory.py --kernels 10 --usual   # without the fork server
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = (
    "90_pre_test,01_higiene_sanitasi,02_label_pangan,03_cppb_irt,05_izin_edar,"
    "06_informasi_nilai_gizi,04_masa_simpan,91_post_test"
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kernels", type=int, default=10)
    ap.add_argument("--modules", default=MODULES, help="notebook names, comma-separated")
    ap.add_argument("--usual", action="store_true", help="launch kernels without forking")
    args = ap.parse_args(argv)

    import psutil
    from jupyter_client.manager import KernelManager

    from toolkit.serve import forkserver
    from toolkit.serve.launch import TEMPLATE_ROOT
    from toolkit.store import open_store

    tmp = tempfile.mkdtemp(prefix="pangan-mem-")
    os.environ["JUPYTER_PATH"] = str(TEMPLATE_ROOT)
    os.environ["PANGAN_DB_URL"] = f"sqlite:///{tmp}/mem.sqlite"
    os.environ["PANGAN_NOTEBOOKS"] = str(ROOT / "notebooks")
    open_store().close()
    if args.usual:
        forkserver._Server.failed = True
    kms = [KernelManager(kernel_name="python3") for _ in range(args.kernels)]
    clients = []
    try:
        for km in kms:
            km.start_kernel()
        for km in kms:
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=120)
            clients.append(kc)

        def report(step: str) -> None:
            infos = [psutil.Process(km.provisioner.pid).memory_full_info() for km in kms]
            uss = sum(i.uss for i in infos) / len(infos) / 2**20
            pss = sum(i.pss for i in infos) / len(infos) / 2**20
            print(f"| {step} | {uss:.1f} | {pss:.1f} |", flush=True)

        def run(code: str) -> None:
            for kc in clients:
                kc.execute_interactive(code, timeout=300, output_hook=lambda _m: None)

        print(f"{args.kernels} kernels, {'usual launch' if args.usual else 'forked'}")
        print("| after | USS MB | PSS MB |\n|---|---|---|")
        report("kernel started")
        for i, kc in enumerate(clients):
            kc.execute_interactive(
                "from toolkit.app import classroom\n"
                "from toolkit.app.session import Session, set_current_session\n"
                f"set_current_session(Session(workshop='MEM', participant='P{i:03d}'))\n"
                "c = classroom.start()",
                timeout=300,
                output_hook=lambda _m: None,
            )
        report("home page")
        for name in args.modules.split(","):
            run(f"c.open_module({name.strip()!r}); c.go_home()")
            report(name.strip())
    finally:
        for kc in clients:
            kc.stop_channels()
        for km in kms:
            km.shutdown_kernel(now=True)
        forkserver._Server.stop()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
