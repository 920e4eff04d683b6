"""Pure Plotly figures: engine aggregates and scorecards → figures, no Streamlit.

Every function takes data the engine already computed (a row per criterion, month,
week, department…) and a language, and returns a `plotly.graph_objects.Figure`, so tests
and the deliverables can call them without a running app. `style` holds the house style
(the Okabe–Ito palette, which stays distinguishable with every common colour-vision
deficiency); one module per page family draws: `scorecard`, `page`, `people`, `saved`.
"""

from dashboard.charts.page import (
    monthly_activity_figure,
    platform_conversation_figure,
    weeks_calendar_figure,
)
from dashboard.charts.people import (
    activity_distribution_figure,
    collaboration_heatmap_figure,
    department_participation_figure,
    managers_figure,
)
from dashboard.charts.saved import TrendPoint, build_trend_figure
from dashboard.charts.scorecard import criteria_figure, metrics_figure, overall_figure
from dashboard.charts.style import PLOTLY_CONFIG, level_color

__all__ = [
    "PLOTLY_CONFIG",
    "TrendPoint",
    "activity_distribution_figure",
    "build_trend_figure",
    "collaboration_heatmap_figure",
    "criteria_figure",
    "department_participation_figure",
    "level_color",
    "managers_figure",
    "metrics_figure",
    "monthly_activity_figure",
    "overall_figure",
    "platform_conversation_figure",
    "weeks_calendar_figure",
]
