"""Quizzes: question banks as YAML data, seeded drawing, scoring, pre/post-test gain.

Public names: ``load_bank``, ``load_banks``, ``draw``, ``score``, ``Bank``, ``Question``,
``QuizResult``, ``QuizError``. The widget lives in ``toolkit.quiz.widgets`` (imported
separately; this package imports no UI).
"""

from toolkit.quiz.bank import bank_files, bank_path, load_bank, load_banks
from toolkit.quiz.engine import (
    QuestionResult,
    QuizResult,
    draw,
    parse_number,
    question_score,
    score,
)
from toolkit.quiz.model import (
    DEFAULT_PASS_MARK,
    Bank,
    BankProblem,
    Option,
    Question,
    QuizError,
    Text,
)

__all__ = [
    "DEFAULT_PASS_MARK",
    "Bank",
    "BankProblem",
    "Option",
    "Question",
    "QuestionResult",
    "QuizError",
    "QuizResult",
    "Text",
    "bank_files",
    "bank_path",
    "draw",
    "load_bank",
    "load_banks",
    "parse_number",
    "question_score",
    "score",
]
