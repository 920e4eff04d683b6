"""Scorecard → files people take away: the gap list as CSV, the scorecard and gaps as XLSX."""

from dashboard.report.tables import evidence_text, gaps_table
from dashboard.report.xlsx import gaps_csv, to_xlsx

__all__ = ["evidence_text", "gaps_csv", "gaps_table", "to_xlsx"]
