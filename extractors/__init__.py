"""Mercato: transfer-news pipeline logic (discover, fetch, clean, land, extract)."""
