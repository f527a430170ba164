"""Rule-based extraction of clubs, players, fees and rumoured moves from transfer news.

Public entry point: `extract_text(text, *, title=None, language=None)`; the DAG and the
CLI call this same function.  See pipeline.py for the order of the stages.
"""
from .model import ArticleExtraction, ClubMention, Fee, PlayerMention, Rumour
from .pipeline import extract_text

__all__ = ["extract_text", "ArticleExtraction", "ClubMention", "Fee", "PlayerMention", "Rumour"]
