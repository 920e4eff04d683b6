"""The house style of every chart: the colour-blind-safe palette, type, margins, the empty
figure, and text made safe for Plotly's labels."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.i18n import Lang, separators
from dashboard.scoring import level_index

# Okabe & Ito (2008), "Color Universal Design".
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#000000"
GREY = "#8C8C8C"
LIGHT = "#EDEFF2"
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK)
# Absent → Social business: vermillion, orange, sky, blue, dark blue.
LEVEL_COLORS = (VERMILLION, ORANGE, SKY, BLUE, "#004A75")
# Streamlit's bundled font (served by the app, never by a font CDN), then system fallbacks.
FONT = '"Source Sans", "Source Sans 3", "Source Sans Pro", "Segoe UI", Roboto, Arial, sans-serif'
TEXT = "#1B1F24"

# The Plotly toolbar shows only what a presenter needs: no logo, no edit links.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


# Plotly's white template, with trace defaults for the trace types drawn here only (the
# full one doubled the size of every figure sent to the browser). It is Plotly's default
# in this process, so every figure starts from it: a default template is taken as it is,
# where one given to a figure is copied and checked whole, which cost a third of the
# time to draw a chart. Every figure of the product is drawn in this package, in this style.
HOUSE_TEMPLATE = go.layout.Template(
    layout=pio.templates["plotly_white"].layout,
    data={kind: pio.templates["plotly_white"].data[kind] for kind in ("bar", "heatmap", "scatter")},
)
pio.templates["presenza"] = HOUSE_TEMPLATE
pio.templates.default = "presenza"


def level_color(score: float | None) -> str:
    """The colour of the maturity band a 0–100 score falls in (grey when not measured)."""
    return GREY if score is None else LEVEL_COLORS[level_index(score)]


def layout(
    fig: go.Figure,
    *,
    height: int,
    lang: Lang = "en",
    font_size: int = 15,
    margin: dict[str, int] | None = None,
    **extra: object,
) -> go.Figure:
    """The house style: white template, large readable type, the palette, local separators.

    The builders leave these layout properties unset, so each is set as a whole, one at a
    time: `update_layout` merges them into the figure and costs five times as much."""
    style = {
        "height": height,
        "font": {"family": FONT, "size": font_size, "color": TEXT},
        "margin": margin or {"l": 10, "r": 10, "t": 40, "b": 10},
        "colorway": list(PALETTE),
        "hoverlabel": {"font": {"size": font_size}},
        "separators": separators(lang),
        **extra,
    }
    for key, value in style.items():
        fig.layout[key] = value
    if any(trace.type != "indicator" for trace in fig.data):
        # Room for tick labels and axis titles however long the department names are.
        fig.update_xaxes(automargin=True)
        fig.update_yaxes(automargin=True)
    return fig


def vline(x: float, line: dict[str, object]) -> dict[str, object]:
    """A vertical line at `x` across the plot, under the data: the shape `add_vline` adds,
    given with the layout at once (`add_vline` costs a few milliseconds a line)."""
    return {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": "x",
        "y0": 0,
        "y1": 1,
        "yref": "y domain",
        "line": line,
        "layer": "below",
    }


def empty(message: str, height: int = 260) -> go.Figure:
    """A figure that says there is nothing to draw, instead of empty axes."""
    fig = go.Figure()
    fig.add_annotation(
        text=message,
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font={"size": 18, "color": GREY},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return layout(fig, height=height)


def fade(color: str, alpha: float = 0.35) -> str:
    """A hex colour as a translucent rgba (gauge bands stay readable under the needle)."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def plain(text: object) -> str:
    """Text shown inside a Plotly label: Plotly reads a few HTML tags, so escape < and >."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
