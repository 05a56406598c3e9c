"""Figures of the shelf-life module as inline SVG text (matplotlib Agg, no pyplot state).

Each function builds its own ``Figure`` so that many trainees' kernels, or many widgets in one
kernel, never share a current figure.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.shelflife.model.arrhenius import ArrheniusFit, ShelfLife

# Okabe–Ito colours and distinct markers: readable for colour-blind trainees and in grey print.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")


def _figure(width_in: float = 4.0, height_in: float = 3.0):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    # scale to the phone's width
    return re.sub(
        r'<svg([^>]*?) width="[^"]+" height="[^"]+"',
        r'<svg\1 width="100%" style="max-width:560px;height:auto"',
        text,
        count=1,
    )


def kinetics_svg(fit: ArrheniusFit, labels: dict[str, str]) -> str:
    """Measured values and fitted lines per temperature (value, or ln value for first order).

    Args:
        fit: The Arrhenius fit (its ``kinetics`` holds the data and lines).
        labels: ``x``, ``y``, ``title`` and ``temp`` (with ``{temp}``) in the page's language.
    """
    import numpy as np

    kin = fit.kinetics
    fig = _figure()
    ax = fig.add_subplot()
    if kin is not None:
        for i, (temp, line) in enumerate(zip(kin.rates["temp_c"], kin.lines, strict=True)):
            part = kin.data[kin.data["temp_c"] == temp]
            y = part["value"].to_numpy(dtype=float)
            if kin.order == 1:
                y = np.log(y)
            colour = COLOURS[i % len(COLOURS)]
            ax.plot(
                part["day"], y, MARKERS[i % len(MARKERS)], color=colour,
                label=labels["temp"].format(temp=f"{temp:g}"),
            )  # fmt: skip
            xs = np.linspace(float(part["day"].min()), float(part["day"].max()), 20)
            ax.plot(xs, line.intercept + line.slope * xs, "-", color=colour, linewidth=1.5)
    ax.set_xlabel(labels["x"])
    ax.set_ylabel(labels["y"])
    ax.set_title(labels["title"], fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    return _svg(fig)


def arrhenius_svg(fit: ArrheniusFit, life: ShelfLife | None, labels: dict[str, str]) -> str:
    """ln k against 1/T with the fitted line, and the storage temperature with its interval.

    Args:
        fit: The Arrhenius fit.
        life: The shelf life at the storage temperature (its point and interval are drawn).
        labels: ``x``, ``y``, ``title``, ``measured`` and ``storage`` texts.
    """
    import math

    import numpy as np

    fig = _figure()
    ax = fig.add_subplot()
    x = 1000.0 / (fit.rates["temp_c"].to_numpy(dtype=float) + fit.kelvin_offset)
    y = np.log(fit.rates["k"].to_numpy(dtype=float))
    ax.plot(x, y, "o", color=COLOURS[0], label=labels["measured"])
    xs = list(x)
    if life is not None:
        x0 = 1000.0 * fit.inverse_t(life.temp_c)
        xs.append(x0)
        interval = fit.ln_k_interval(life.temp_c, life.level)
        mid = math.log(life.k)
        if interval is not None:
            ax.errorbar(
                [x0], [mid], yerr=[[mid - interval[0]], [interval[1] - mid]], fmt="s",
                color=COLOURS[4], capsize=4, label=labels["storage"],
            )  # fmt: skip
        else:
            ax.plot([x0], [mid], "s", color=COLOURS[4], label=labels["storage"])
    line_x = np.linspace(min(xs), max(xs), 20)
    ax.plot(line_x, fit.ln_k0 + fit.slope * line_x / 1000.0, "-", color=COLOURS[0])
    ax.set_xlabel(labels["x"])
    ax.set_ylabel(labels["y"])
    ax.set_title(labels["title"], fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    return _svg(fig)
