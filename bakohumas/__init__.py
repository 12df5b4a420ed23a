"""Bakohumas: public-relations work and quarterly reporting for KPU offices."""

__version__ = "0.1.0"
