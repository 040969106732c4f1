"""Readers that turn inputs (HTML pages, ...) into Articles."""
