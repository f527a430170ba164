"""The short report printed at the end of a run: what was fetched, kept, rejected, found."""
from __future__ import annotations

import duckdb

from extractors.config import Paths, paths as default_paths

TOP_RUMOURS_SQL = """
select player_name as player, coalesce(from_club_name, '?') as "from", coalesce(to_club_name, '?') as "to",
       mention_count as mentions, latest_status as status,
       case when fee_median_eur is null then '' else printf('€%.1fm', fee_median_eur / 1e6) end as fee
from fct_rumours
order by mention_count desc, last_seen_at desc nulls last, player_name
limit {limit}
"""


def lake_counts(p: Paths) -> dict:
    """Counts over the whole lake (all ingest dates)."""
    con = duckdb.connect()
    glob = lambda t: f"'{p.lake / t}/*/*.parquet'"
    try:
        articles = con.execute(f"select count(*) from read_parquet({glob('articles')})").fetchone()[0]
        stages = dict(con.execute(f"select stage, count(*) from read_parquet({glob('rejects')}) group by 1").fetchall())
        rumours = con.execute(f"select count(*) from read_parquet({glob('rumours')})").fetchone()[0]
    finally:
        con.close()
    rejected = sum(stages.values())
    return {
        "fetched": articles + stages.get("clean", 0) + stages.get("land", 0) + stages.get("extract", 0),
        "cleaned": articles,
        "rejected": rejected,
        "rejected_by_stage": stages,
        "rumours": rumours,
    }


def llm_counts(p: Paths) -> dict | None:
    """What the language-model backend did, over the lake's llm_calls table (None when it never ran)."""
    files = list((p.lake / "llm_calls").glob("*/[!.]*.parquet"))
    if not files:
        return None
    con = duckdb.connect()
    try:
        row = con.execute(
            "select count(*), count(*) filter (where cached), count(*) filter (where outcome <> 'ok'), "
            "coalesce(sum(requests), 0), coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0), "
            "coalesce(sum(cost_usd), 0) from read_parquet(?)", [[str(f) for f in files]]).fetchone()
    finally:
        con.close()
    if not row[0]:
        return None
    keys = ("articles", "cached", "fell_back", "requests", "prompt_tokens", "completion_tokens", "cost_usd")
    return dict(zip(keys, row))


def render_summary(p: Paths | None = None, limit: int = 10) -> str:
    from extractors.warehouse import format_table, query

    p = p or default_paths()
    c = lake_counts(p)
    by_stage = ", ".join(f"{k} {v}" for k, v in sorted(c["rejected_by_stage"].items())) or "none"
    lines = [
        "Mercato run summary",
        f"  articles fetched : {c['fetched']}",
        f"  articles cleaned : {c['cleaned']}",
        f"  rejected URLs    : {c['rejected']} ({by_stage})",
        f"  rumours found    : {c['rumours']}",
        f"  warehouse        : {p.published_db}",
    ]
    llm = llm_counts(p)
    if llm:
        lines.append(f"  language model   : {llm['articles']} articles ({llm['cached']} from the cache, "
                     f"{llm['fell_back']} fell back to local), {llm['requests']} requests, "
                     f"{llm['prompt_tokens']} + {llm['completion_tokens']} tokens, ${llm['cost_usd']:.4f}")
    lines += [
        "",
        f"Top {limit} rumours (fct_rumours):",
    ]
    cols, rows = query(TOP_RUMOURS_SQL.format(limit=int(limit)), p)
    lines.append(format_table(cols, rows))
    return "\n".join(lines)


def print_summary(p: Paths | None = None, limit: int = 10) -> None:
    print(render_summary(p, limit))
