-- The most-mentioned moves of the last N days (var hottest_rumours_days,
-- default 30), counted back from the latest publication date in the
-- warehouse, not from today, so an old sample still shows rows.
with

mentions as (

    select * from {{ ref('fct_rumour_mentions') }}

),

players as (

    -- the name fct_rumours shows too (its player_name is this display name)
    select player_key, display_name from {{ ref('dim_players') }}

),

window_end as (

    select max(published_date) as last_date from mentions

),

recent as (

    select mentions.*
    from mentions, window_end
    where mentions.published_date > window_end.last_date - {{ var('hottest_rumours_days', 30) | int }}

),

-- rank on the cheap counts first: the per-move details below are worked
-- out for the top rows only, not for every move of the window
top_moves as (

    select
        rumour_key,
        count(*)                    as mention_count,
        count(distinct source_name) as source_count,
        max(published_date)         as last_mention_date,
        row_number() over (
            order by mention_count desc, source_count desc, last_mention_date desc, rumour_key
        )                           as hotness_rank
    from recent
    group by rumour_key
    qualify hotness_rank <= {{ var('hottest_rumours_limit', 50) | int }}

),

moves as (

    select
        recent.rumour_key,
        any_value(player_key)                                       as player_key,
        arg_max(player_name, (published_at, rumour_mention_id))    as player_name,
        any_value(from_club_key)                                    as from_club_key,
        arg_max(from_club_name, (published_at, rumour_mention_id)) as from_club_name,
        any_value(to_club_key)                                      as to_club_key,
        arg_max(to_club_name, (published_at, rumour_mention_id))   as to_club_name,
        string_agg(distinct source_name, ', ' order by source_name) as sources,
        min(fee_eur)                                                as fee_min_eur,
        max(fee_eur)                                                as fee_max_eur,
        arg_max(status, (published_at, rumour_mention_id))          as latest_status,
        min(published_date)                                         as first_mention_date
    from recent
    semi join top_moves on recent.rumour_key = top_moves.rumour_key
    group by recent.rumour_key

)

select
    cast(top_moves.hotness_rank as bigint)          as hotness_rank,
    cast(moves.rumour_key as varchar)               as rumour_key,
    cast(moves.player_key as varchar)               as player_key,
    cast(coalesce(players.display_name, moves.player_name) as varchar) as player_name,
    cast(from_club_key as varchar)                  as from_club_key,
    cast(from_club_name as varchar)                 as from_club_name,
    cast(to_club_key as varchar)                    as to_club_key,
    cast(to_club_name as varchar)                   as to_club_name,
    cast(top_moves.mention_count as bigint)         as mention_count,
    cast(top_moves.source_count as bigint)          as source_count,
    cast(sources as varchar)                        as sources,
    cast(fee_min_eur as double)                     as fee_min_eur,
    cast(fee_max_eur as double)                     as fee_max_eur,
    cast(latest_status as varchar)                  as latest_status,
    cast(first_mention_date as date)                as first_mention_date,
    cast(top_moves.last_mention_date as date)       as last_mention_date,
    cast(window_end.last_date - {{ var('hottest_rumours_days', 30) | int }} + 1 as date) as window_start_date,
    cast(window_end.last_date as date)              as window_end_date
from top_moves
inner join moves on top_moves.rumour_key = moves.rumour_key
cross join window_end
left join players on moves.player_key = players.player_key
order by top_moves.hotness_rank
