"""Printed documents built on the shared PDF toolkit (``mentordesk.pdf``): progress reports,
the economy overview and the handleplan (``plan_export``)."""
