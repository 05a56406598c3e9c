"""The trainer dashboard: a separate, token-protected Voila app over the results store.

``DASHBOARD_NOTEBOOK`` lives here, outside the trainee notebooks, so the classroom server can
never serve it. The widget is ``toolkit.dashboard.widgets.TrainerDashboard`` (imported on
use: this package imports no UI by itself).
"""

from pathlib import Path

DASHBOARD_NOTEBOOK = Path(__file__).with_name("dashboard.ipynb")

__all__ = ["DASHBOARD_NOTEBOOK"]
