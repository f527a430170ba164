-- One row per move (player x from club x to club) consolidated across all
-- articles and sources.
with

mentions as (

    select * from {{ ref('fct_rumour_mentions') }}

),

players as (

    select player_key, display_name, transfermarkt_player_id, market_value_eur, market_value_date
    from {{ ref('dim_players') }}

),

ranked as (

    select
        *,
        -- on the same publication time the more advanced status wins
        case status
            when 'completed' then 5
            when 'agreed' then 4
            when 'negotiating' then 3
            when 'denied' then 2
            when 'rumour' then 1
            else 0
        end as status_rank
    from mentions

),

consolidated as (

    select
        rumour_key,
        any_value(player_key)                                       as player_key,
        any_value(from_club_key)                                    as from_club_key,
        any_value(to_club_key)                                      as to_club_key,
        arg_max(player_name, (published_at, rumour_mention_id))    as player_name,
        arg_max(from_club_name, (published_at, rumour_mention_id)) as from_club_name,
        arg_max(to_club_name, (published_at, rumour_mention_id))   as to_club_name,
        min(published_at)                                           as first_seen_at,
        max(published_at)                                           as last_seen_at,
        count(*)                                                    as mention_count,
        count(distinct article_id)                                  as article_count,
        count(distinct source_name)                                 as source_count,
        arg_max(status, (published_at, status_rank, confidence, rumour_mention_id))
                                                                    as latest_status,
        arg_max(published_at, (published_at, status_rank, confidence, rumour_mention_id))
                                                                    as latest_status_at,
        arg_max(deal_type, (published_at, status_rank, confidence, rumour_mention_id))
            filter (where deal_type is not null)                    as latest_deal_type,
        max(status_rank)                                            as furthest_status_rank,
        min(fee_eur)                                                as fee_min_eur,
        median(fee_eur)                                             as fee_median_eur,
        max(fee_eur)                                                as fee_max_eur,
        max(confidence)                                             as max_confidence
    from ranked
    group by rumour_key

)

select
    cast(rumour_key as varchar)             as rumour_key,
    cast(consolidated.player_key as varchar) as player_key,
    cast(coalesce(players.display_name, consolidated.player_name) as varchar) as player_name,
    cast(from_club_key as varchar)          as from_club_key,
    cast(from_club_name as varchar)         as from_club_name,
    cast(to_club_key as varchar)            as to_club_key,
    cast(to_club_name as varchar)           as to_club_name,
    cast(first_seen_at as timestamptz)      as first_seen_at,
    cast(last_seen_at as timestamptz)       as last_seen_at,
    cast(mention_count as bigint)           as mention_count,
    cast(article_count as bigint)           as article_count,
    cast(source_count as bigint)            as source_count,
    cast(latest_status as varchar)          as latest_status,
    cast(latest_status_at as timestamptz)   as latest_status_at,
    cast(latest_deal_type as varchar)       as latest_deal_type,
    cast(case furthest_status_rank
        when 5 then 'completed' when 4 then 'agreed' when 3 then 'negotiating'
        when 2 then 'denied' when 1 then 'rumour'
    end as varchar)                         as furthest_status,
    cast(fee_min_eur as double)             as fee_min_eur,
    cast(fee_median_eur as double)          as fee_median_eur,
    cast(fee_max_eur as double)             as fee_max_eur,
    cast(max_confidence as double)          as max_confidence,
    cast(players.transfermarkt_player_id as varchar) as transfermarkt_player_id,
    cast(players.market_value_eur as bigint) as player_market_value_eur,
    cast(players.market_value_date as date) as player_market_value_date,
    cast(fee_median_eur / nullif(players.market_value_eur, 0) as double) as fee_to_market_value
from consolidated
left join players on consolidated.player_key = players.player_key
