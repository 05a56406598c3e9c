"""CPPB-IRT self-inspection: checklist, IRTP level, PLOR action plan, reports, progress.

Public names come from ``toolkit.gmp.model``; exports live in ``toolkit.gmp.report``.
"""

from toolkit.gmp.model import (
    Answer,
    Assessment,
    GmpError,
    assess,
    checklist,
    compare,
    irtp_level,
    load_assessment,
    save_assessment,
    saved_assessments,
)

__all__ = [
    "Answer",
    "Assessment",
    "GmpError",
    "assess",
    "checklist",
    "compare",
    "irtp_level",
    "load_assessment",
    "save_assessment",
    "saved_assessments",
]
