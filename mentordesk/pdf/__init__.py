"""The shared PDF toolkit (``toolkit``) that every printed document is built with.

A neutral package below the features: reports, schedule, economy, services, rights,
audit_admin and security all print through it, and it imports none of them. Import
``mentordesk.pdf.toolkit`` inside an export action: reportlab is slow to load.
"""
