"""The temperature-log chart: readings over time with the danger zone shaded (PNG bytes).

Uses matplotlib's object API with the Agg canvas (no pyplot, no global figure state).
"""

from __future__ import annotations

import io

from toolkit.hygiene.model import TempLogResult, rules
from toolkit.i18n import t


def temperature_chart_png(result: TempLogResult, lang: str = "id") -> bytes:
    """A small phone-width PNG chart of ``result``'s readings with the 5–60 °C band."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    temp = rules()["temperature"]
    lo, hi = temp["danger_low_c"]["value"], temp["danger_high_c"]["value"]
    fig = Figure(figsize=(3.6, 2.4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    times = [r.time for r in result.readings]
    temps = [r.temp_c for r in result.readings]
    ax.axhspan(lo, hi, color="#f8d7da", label=t("hygiene.tools.chart.danger", lang))
    ax.plot(times, temps, marker="o", color="#1f4e79", linewidth=1.5, markersize=3)
    ax.set_ylabel("°C")
    ax.set_ylim(min(min(temps), lo) - 5, max(max(temps), hi) + 5)
    ax.legend(loc="upper right", fontsize=7)
    ax.tick_params(labelsize=7)
    fig.autofmt_xdate()
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
