"""spotlight: publish effective-practice case examples as a website and PDF reports."""

__version__ = "0.1.0"
