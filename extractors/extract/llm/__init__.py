"""Optional language-model extraction backend (an OpenAI-compatible chat-completions endpoint).

`backend.extract_article(..., backend="llm")` returns the same ArticleExtraction as the local
extractor; see backend.py for the flow (cache, call, validation, fallback).
"""
