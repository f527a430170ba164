{{
    config(
        materialized='incremental',
        incremental_strategy='replace_ingest_partitions',
        unique_key='article_id',
        on_schema_change='append_new_columns'
    )
}}
{%- set cutoff = ingest_cutoff() %}
-- One row per article and folded name key: the person matcher's mentions and
-- the rumours' subjects, merged. Per article, so incremental: folding every
-- name of the warehouse on each build was over half of int_players_resolved.
with

{% if is_incremental() %}
-- incremental: every article with a player mention or a rumour in the
-- partitions from the earliest changed one, recomputed from all its rows
batch as (

    select article_id from {{ ref('stg_lake__player_mentions') }}
    where ingest_date >= {{ cutoff }}
    union
    select article_id from {{ ref('stg_lake__rumours') }}
    where ingest_date >= {{ cutoff }}

),
{% endif %}

player_mentions as (

    select * from {{ ref('stg_lake__player_mentions') }}
    {% if is_incremental() %}
    where article_id in (select article_id from batch)
    {% endif %}

),

rumours as (

    select * from {{ ref('stg_lake__rumours') }}
    {% if is_incremental() %}
    where article_id in (select article_id from batch)
    {% endif %}

),

raw_mentions as (

    select
        article_id,
        {{ fold_name('player_key') }}   as mention_key,
        player_name,
        role,
        mention_count,
        position,
        birth_year,
        nationality,
        false                           as from_rumour,
        ingest_date
    from player_mentions

    union all

    -- a rumour's subject counts as a mention of a player even when the
    -- person matcher missed the name
    select
        article_id,
        {{ fold_name('player_key') }}   as mention_key,
        player_name,
        'player'                        as role,
        null::integer                   as mention_count,
        null::varchar                   as position,
        null::integer                   as birth_year,
        null::varchar                   as nationality,
        true                            as from_rumour,
        ingest_date
    from rumours

)

select
    article_id,
    mention_key,
    -- the person matcher's fields win over the rumour's
    arg_min(player_name, (from_rumour::int, player_name))       as mention_name,
    arg_min(role, (from_rumour::int, role))                     as role,
    coalesce(max(mention_count), 1)                             as mention_count,
    max(position)                                               as position,
    max(birth_year)                                             as birth_year,
    max(nationality)                                            as nationality,
    bool_or(from_rumour)                                        as is_rumour_subject,
    max(ingest_date)                                            as ingest_date,
    len(string_split(mention_key, ' '))                         as name_tokens
from raw_mentions
where mention_key is not null and mention_key <> ''
group by article_id, mention_key
