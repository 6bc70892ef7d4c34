"""Printable reports: the one-page question sheet (ReportLab, imported only when printing).

Importing this package is free: `paper` has no ReportLab in it, and `sheet` imports
ReportLab inside `build_sheet`, so the window's start-up never pays for it.
"""
