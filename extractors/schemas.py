"""Explicit pyarrow schemas of the lake tables: the contract between the Python
stages that write Parquet and the dbt sources that read it.

Every table is hive-partitioned by ``ingest_date`` (a directory
``ingest_date=YYYY-MM-DD``); the partition column is not stored in the files.
"""
import pyarrow as pa

ARTICLES = pa.schema([
    ("article_id", pa.string()),        # sha1 of the canonical URL, first 16 hex chars
    ("url", pa.string()),               # URL as discovered
    ("canonical_url", pa.string()),     # <link rel=canonical> or final URL after redirects
    ("source", pa.string()),            # name of the source in the sources file
    ("source_language", pa.string()),   # language hint of the source
    ("fetched_at", pa.timestamp("us", tz="UTC")),
    ("published_at", pa.timestamp("us", tz="UTC")),
    ("title", pa.string()),
    ("author", pa.string()),
    ("sitename", pa.string()),
    ("domain", pa.string()),
    ("language", pa.string()),          # detected: it | en | es | fr | unknown
    ("text", pa.string()),
    ("content_hash", pa.string()),      # sha1 of the normalised text
    ("text_chars", pa.int32()),
])

REJECTS = pa.schema([
    ("url", pa.string()),
    ("source", pa.string()),
    ("stage", pa.string()),             # discover | fetch | clean | land | extract
    ("reason", pa.string()),
    ("at", pa.timestamp("us", tz="UTC")),
])

CLUB_MENTIONS = pa.schema([
    ("article_id", pa.string()),
    ("club_id", pa.string()),           # key in the club reference
    ("club_name", pa.string()),         # canonical English name
    ("surface", pa.string()),           # the words in the text
    ("char_start", pa.int32()),
])

PLAYER_MENTIONS = pa.schema([
    ("article_id", pa.string()),
    ("player_key", pa.string()),        # folded full name
    ("player_name", pa.string()),       # display name with diacritics
    ("role", pa.string()),              # player | coach | executive | agent | journalist | other
    ("mention_count", pa.int32()),
    ("position", pa.string()),
    ("birth_year", pa.int32()),
    ("nationality", pa.string()),
    ("player_id", pa.string()),         # transfermarkt player id when the name links unambiguously, else null
])

FEE_MENTIONS = pa.schema([
    ("article_id", pa.string()),
    ("fee_idx", pa.int32()),            # order in the article
    ("kind", pa.string()),              # fee | option | loan_fee | wage | clause | past | bonus
    ("amount", pa.float64()),           # whole currency units; 0 = free
    ("currency", pa.string()),          # ISO code
    ("amount_eur", pa.float64()),
    ("amount_low", pa.float64()),
    ("amount_high", pa.float64()),
    ("bonus", pa.float64()),
    ("phrase", pa.string()),
    ("char_start", pa.int32()),
])

RUMOURS = pa.schema([
    ("article_id", pa.string()),
    ("rumour_idx", pa.int32()),
    ("player_key", pa.string()),
    ("player_name", pa.string()),
    ("player_id", pa.string()),         # transfermarkt player id when linked, else null
    ("from_club_id", pa.string()),
    ("from_club", pa.string()),
    ("to_club_id", pa.string()),
    ("to_club", pa.string()),
    ("fee_amount", pa.float64()),
    ("fee_currency", pa.string()),
    ("fee_eur", pa.float64()),
    ("fee_low_eur", pa.float64()),
    ("fee_high_eur", pa.float64()),
    ("fee_bonus", pa.float64()),
    ("fee_phrase", pa.string()),
    ("deal_type", pa.string()),         # permanent | loan | loan_with_option | loan_with_obligation | free | renewal
    ("status", pa.string()),            # rumour | negotiating | agreed | completed | denied
    ("confidence", pa.float64()),
    ("evidence", pa.string()),
])

LLM_CALLS = pa.schema([               # one row per article extracted by the llm backend (empty otherwise)
    ("article_id", pa.string()),
    ("model", pa.string()),
    ("prompt_version", pa.string()),
    ("outcome", pa.string()),           # ok | invalid (answer rejected) | failed (no answer): the last two fell back
    ("reason", pa.string()),            # why the local extractor was used instead, else null
    ("cached", pa.bool_()),             # answer read from the response cache: no request, no cost
    ("requests", pa.int32()),           # HTTP requests made in this run, retries included
    ("prompt_tokens", pa.int64()),      # usage of the answer used
    ("completion_tokens", pa.int64()),
    ("cost_usd", pa.float64()),         # spent in this run (0 when cached or unpriced)
    ("latency_ms", pa.int64()),
])

TABLES = {
    "articles": ARTICLES,
    "rejects": REJECTS,
    "club_mentions": CLUB_MENTIONS,
    "player_mentions": PLAYER_MENTIONS,
    "fee_mentions": FEE_MENTIONS,
    "rumours": RUMOURS,
    "llm_calls": LLM_CALLS,
}
