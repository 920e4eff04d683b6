"""Bytes → detected format → canonical tables, with a load report of everything wrong."""

from dashboard.ingest.dataset import Dataset
from dashboard.ingest.load import Loaded, load_file
from dashboard.ingest.problems import Problem, report_frame

__all__ = ["Dataset", "Loaded", "Problem", "load_file", "report_frame"]
