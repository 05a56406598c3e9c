"""Workshop dates and trainer, participant details, quiz attempts, certificates.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("start_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("end_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("trainer", sa.String(200), nullable=False, server_default=""))
    with op.batch_alter_table("participants") as batch:
        for name in ("business_name", "village", "product_type"):
            batch.add_column(sa.Column(name, sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("phone", sa.String(32), nullable=True))
    op.create_table(
        "quiz_attempts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(128), nullable=False, unique=True),
        sa.Column("workshop_code", sa.String(32), nullable=False),
        sa.Column("participant_code", sa.String(32), nullable=False),
        sa.Column("quiz", sa.String(64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_quiz_attempts_workshop_code", "quiz_attempts", ["workshop_code"])
    op.create_index("ix_quiz_attempts_participant_code", "quiz_attempts", ["participant_code"])
    op.create_index("ix_quiz_attempts_quiz", "quiz_attempts", ["quiz"])
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("workshop_code", sa.String(32), nullable=False),
        sa.Column("participant_code", sa.String(32), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("workshop_code", "participant_code"),
    )
    op.create_index("ix_certificates_workshop_code", "certificates", ["workshop_code"])
    op.create_index("ix_certificates_participant_code", "certificates", ["participant_code"])


def downgrade() -> None:
    op.drop_table("certificates")
    op.drop_table("quiz_attempts")
    with op.batch_alter_table("participants") as batch:
        for name in ("phone", "product_type", "village", "business_name"):
            batch.drop_column(name)
    with op.batch_alter_table("workshops") as batch:
        for name in ("trainer", "end_date", "start_date"):
            batch.drop_column(name)
