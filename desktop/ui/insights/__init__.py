"""Parts of the Insights page (the page itself is desktop/ui/pages/insights.py)."""
