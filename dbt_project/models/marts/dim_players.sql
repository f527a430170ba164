-- One row per resolved player (see int_players_resolved): people named as a
-- player at least once, or the subject of a rumour.
with

mentions as (

    select * from {{ ref('int_players_resolved') }}

),

rumours as (

    select * from {{ ref('int_rumour_mentions') }}

),

tm_links as (

    select * from {{ ref('int_player_transfermarkt_ids') }}

),

tm_players as (

    select * from {{ ref('stg_reference__tm_players') }}

),

-- our club key of a transfermarkt club (the mapping column of the club seed)
tm_clubs as (

    select club_id, transfermarkt_club_id
    from {{ ref('stg_reference__clubs') }}
    where transfermarkt_club_id is not null

),

players as (

    select player_key
    from mentions
    group by player_key
    having bool_or(role = 'player') or bool_or(is_rumour_subject)

),

names as (

    -- display name: the most used spelling of the full name, preferring the
    -- one with diacritics on a tie
    select
        player_key,
        arg_max(mention_name, (n_uses, mention_name <> strip_accents(mention_name), mention_name))
            as display_name
    from (
        select player_key, mention_name, count(*) as n_uses
        from mentions
        where mention_name is not null
            -- partial names count as variants but never as the display name
            and (resolution <> 'partial_name_in_club_context' or mention_key = player_key)
        group by player_key, mention_name
    )
    group by player_key

),

variants as (

    select player_key, list(distinct mention_name order by mention_name) as name_variants
    from mentions
    where mention_name is not null
    group by player_key

),

seen as (

    select
        player_key,
        min(published_at)                                   as first_seen_at,
        max(published_at)                                   as last_seen_at,
        count(distinct article_id)                          as article_count,
        mode(position order by position) filter (where position is not null) as position,
        mode(birth_year order by birth_year) filter (where birth_year is not null) as birth_year,
        mode(nationality order by nationality) filter (where nationality is not null) as nationality,
        mode(role order by role)                            as primary_role
    from mentions
    group by player_key

),

last_club as (

    -- last known club: the destination of the latest completed move, else the
    -- club the latest rumour moves him from
    select
        player_key,
        coalesce(
            arg_max(to_club_id, (published_at, rumour_mention_id)) filter (where status = 'completed'),
            arg_max(from_club_id, (published_at, rumour_mention_id)) filter (where from_club_id is not null)
        ) as last_known_club_key
    from rumours
    group by player_key

)

select
    cast(players.player_key as varchar)                     as player_key,
    cast(coalesce(names.display_name, players.player_key) as varchar) as display_name,
    cast(variants.name_variants as varchar[])               as name_variants,
    cast(seen.first_seen_at as timestamptz)                 as first_seen_at,
    cast(seen.last_seen_at as timestamptz)                  as last_seen_at,
    cast(seen.article_count as bigint)                      as article_count,
    cast(last_club.last_known_club_key as varchar)          as last_known_club_key,
    cast(seen.position as varchar)                          as position,
    cast(seen.birth_year as integer)                        as birth_year,
    cast(seen.nationality as varchar)                       as nationality,
    cast(seen.primary_role as varchar)                      as primary_role,
    cast(tm_links.transfermarkt_player_id as varchar)       as transfermarkt_player_id,
    cast(tm_players.date_of_birth as date)                  as date_of_birth,
    cast(tm_players.position as varchar)                    as transfermarkt_position,
    cast(tm_players.sub_position as varchar)                as transfermarkt_sub_position,
    cast(tm_players.citizenship as varchar)                 as citizenship,
    cast(tm_clubs.club_id as varchar)                       as current_club_key,
    cast(tm_players.current_club_name as varchar)           as current_club_name,
    cast(tm_players.market_value_eur as bigint)             as market_value_eur,
    cast(tm_players.snapshot_date as date)                  as market_value_date,
    cast(tm_players.last_season as integer)                 as transfermarkt_last_season
from players
left join names on players.player_key = names.player_key
left join variants on players.player_key = variants.player_key
left join seen on players.player_key = seen.player_key
left join last_club on players.player_key = last_club.player_key
left join tm_links on players.player_key = tm_links.player_key
left join tm_players on tm_links.transfermarkt_player_id = tm_players.transfermarkt_player_id
left join tm_clubs on tm_players.current_transfermarkt_club_id = tm_clubs.transfermarkt_club_id
