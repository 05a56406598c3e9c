"""A simulated workshop: participants, module progress and pre/post answers, with the truth.

Rows are written in bulk (test set-up, not the behaviour under test). The returned truth is
what an independent reader of the data would count, so tests compare computed figures to it.
"""

from __future__ import annotations

import dataclasses
import math
import random

from toolkit.store import Store
from toolkit.store.models import Answer, Progress

MODULES = ("lima_kunci", "label_pangan", "higiene")


@dataclasses.dataclass
class Truth:
    codes: list[str]
    items: int
    pre: dict[str, list[int]]  # participant → 0/1 per item (only those who took it)
    post: dict[str, list[int]]
    completed: dict[str, set[str]]


def simulate_workshop(
    store: Store, workshop: str, n: int = 500, items: int | None = None, seed: int = 3
) -> Truth:
    from toolkit.workshop.results import form_size

    # As many items as the shipped pre-test form has, since scores are over the form.
    items = items or form_size("pretest") or 10
    assert form_size("posttest") in (None, items)
    rnd = random.Random(seed)
    store.create_workshop(workshop, "Pelatihan simulasi", "Kupang")
    people = store.add_participants(
        workshop,
        [
            {
                "name": f"Peserta {i:03d}",
                "business_name": f"Usaha {i}",
                "village": "Oebobo",
                "product_type": rnd.choice(["keripik", "kue", "sambal"]),
            }
            for i in range(n)
        ],
    )
    codes = [p.code for p in people]
    hardness = [rnd.uniform(-1.5, 2.5) for _ in range(items)]
    truth = Truth(codes=codes, items=items, pre={}, post={}, completed={})
    rows: list[object] = []
    for code in codes:
        ability = rnd.gauss(0, 1)
        for quiz, boost, store_in in (("pretest", 0.0, truth.pre), ("posttest", 1.2, truth.post)):
            if quiz == "posttest" and rnd.random() < 0.05:
                continue  # left early: no post-test
            marks = []
            for j, b in enumerate(hardness):
                ok = rnd.random() < 1 / (1 + math.exp(-(ability + boost - b)))
                marks.append(int(ok))
                rows.append(
                    Answer(
                        key=f"{workshop}|{code}|{quiz}|q{j:02d}",
                        workshop_code=workshop,
                        participant_code=code,
                        quiz=quiz,
                        question_id=f"q{j:02d}",
                        answer="x",
                        correct=ok,
                    )
                )
            store_in[code] = marks
        done = set()
        for m in MODULES:
            if rnd.random() < 0.9:
                rows.append(Progress(workshop_code=workshop, participant_code=code, module=m,
                                     event="opened"))  # fmt: skip
                if rnd.random() < 0.7:
                    done.add(m)
                    rows.append(Progress(workshop_code=workshop, participant_code=code, module=m,
                                         event="completed"))  # fmt: skip
        truth.completed[code] = done
    with store.write_session() as s:
        s.add_all(rows)
        s.commit()
    return truth
