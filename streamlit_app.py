"""Presenza's Streamlit entry point: `streamlit run streamlit_app.py`.

Only the navigation lives here (built in `dashboard.ui.app`); every page is a thin script
in `dashboard/app_pages/`.
"""

from dashboard.ui.app import main

main()
