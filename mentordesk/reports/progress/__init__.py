"""Progression reports (*progressionsrapporter*): assembly, PDF, batch and sign-off.

``assemble`` reads one batch of citizens with one query per table into plain dataclasses;
``render`` turns a ``ReportData`` into PDF bytes with the shared toolkit; ``batch`` runs
many reports with progress and cancel; ``workflow`` keeps drafts and the sign-off.
Nothing here is imported at app start: ``render`` pulls in reportlab.
"""
