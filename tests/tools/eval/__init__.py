"""`make eval`: the extractors scored on ../shared/eval with the official scorer (``evaluate``) and
the transfermarkt link figures (``links``)."""
