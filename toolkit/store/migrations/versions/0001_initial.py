"""The first schema: workshops, participants (code and name), progress, answers.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_workshops_code", "workshops", ["code"], unique=True)
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("workshop_code", sa.String(32), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("workshop_code", "code"),
    )
    op.create_index("ix_participants_workshop_code", "participants", ["workshop_code"])
    op.create_table(
        "progress",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("workshop_code", sa.String(32), nullable=False),
        sa.Column("participant_code", sa.String(32), nullable=False),
        sa.Column("module", sa.String(64), nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("workshop_code", "participant_code", "module", "event"),
    )
    op.create_index("ix_progress_workshop_code", "progress", ["workshop_code"])
    op.create_index("ix_progress_participant_code", "progress", ["participant_code"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(128), nullable=False, unique=True),
        sa.Column("workshop_code", sa.String(32), nullable=False),
        sa.Column("participant_code", sa.String(32), nullable=False),
        sa.Column("quiz", sa.String(64), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_answers_workshop_code", "answers", ["workshop_code"])
    op.create_index("ix_answers_participant_code", "answers", ["participant_code"])
    op.create_index("ix_answers_quiz", "answers", ["quiz"])


def downgrade() -> None:
    op.drop_table("answers")
    op.drop_table("progress")
    op.drop_table("participants")
    op.drop_table("workshops")
