{{
    config(
        materialized='incremental',
        incremental_strategy='replace_ingest_partitions',
        unique_key='article_id',
        on_schema_change='append_new_columns'
    )
}}
{%- set cutoff = ingest_cutoff() %}
-- Rumours joined to their article (source, publication), to the resolved
-- player of the article's name key, and to the club reference; the fee is
-- converted to EUR like int_fees_normalised. One row per article x rumour.
with

rumours as (

    select * from {{ ref('stg_lake__rumours') }}
    {% if is_incremental() %}
    -- incremental: the rumours of every article landed in the partitions from
    -- the earliest changed one, and of every article whose player resolution
    -- changed (int_players_resolved is recomputed over the whole lake: a new
    -- full name can resolve, or make ambiguous, an older article's surname).
    -- An article's rows are replaced whole (replace_ingest_partitions).
    where article_id in (
        select article_id from {{ ref('stg_lake__rumours') }}
        where ingest_date >= {{ cutoff }}
        union
        select article_id from {{ ref('stg_lake__articles') }}
        where ingest_date >= {{ cutoff }}
        union
        select old.article_id
        from {{ this }} as old
        left join {{ ref('int_players_resolved') }} as now
            on old.article_id = now.article_id
            and old.mention_player_key = now.mention_key
        where coalesce(now.player_key, old.mention_player_key) is distinct from old.player_key
           or coalesce(now.resolution, 'as_written') is distinct from old.player_resolution
    )
    {% endif %}

),

articles as (

    select * from {{ ref('stg_lake__articles') }}

),

players as (

    select article_id, mention_key, player_key, resolution
    from {{ ref('int_players_resolved') }}

),

clubs as (

    select club_id, club_name from {{ ref('stg_reference__clubs') }}

),

fx as (

    select * from {{ ref('stg_reference__fx_rates') }}

),

{{ fx_ctes('fx') }},

enriched as (

    select
        rumours.article_id || '-' || rumours.rumour_idx              as rumour_mention_id,
        rumours.article_id,
        rumours.rumour_idx,
        coalesce(players.player_key, {{ fold_name('rumours.player_key') }}) as player_key,
        {{ fold_name('rumours.player_key') }}                        as mention_player_key,
        coalesce(players.resolution, 'as_written')                   as player_resolution,
        rumours.player_name,
        rumours.from_club_id,
        coalesce(from_clubs.club_name, rumours.from_club_name)       as from_club_name,
        rumours.to_club_id,
        coalesce(to_clubs.club_name, rumours.to_club_name)           as to_club_name,
        rumours.status,
        rumours.deal_type,
        rumours.fee_amount,
        rumours.fee_currency,
        {{ eur_per_unit('rumours.fee_currency', 'fx_month', 'fx_latest') }} as eur_per_unit,
        {{ fx_rate_basis('rumours.fee_currency', 'fx_month', 'fx_latest') }} as fx_rate_basis,
        rumours.fee_low_eur,
        rumours.fee_high_eur,
        rumours.fee_bonus,
        rumours.fee_phrase,
        rumours.extractor_fee_eur,
        rumours.confidence,
        rumours.evidence,
        articles.source_name,
        articles.domain,
        articles.language,
        articles.title,
        articles.url,
        articles.published_at,
        coalesce(articles.published_date, rumours.ingest_date)       as published_date,
        rumours.ingest_date
    from rumours
    left join articles
        on rumours.article_id = articles.article_id
    left join players
        on rumours.article_id = players.article_id
        and {{ fold_name('rumours.player_key') }} = players.mention_key
    left join clubs as from_clubs
        on rumours.from_club_id = from_clubs.club_id
    left join clubs as to_clubs
        on rumours.to_club_id = to_clubs.club_id
    left join fx_month
        on rumours.fee_currency = fx_month.currency
        and strftime(coalesce(articles.published_date, rumours.ingest_date), '%Y-%m') = fx_month.rate_month
    left join fx_latest
        on rumours.fee_currency = fx_latest.currency

)

select
    md5(concat_ws('|', player_key, coalesce(from_club_id, ''), coalesce(to_club_id, ''))) as rumour_key,
    rumour_mention_id,
    article_id,
    rumour_idx,
    player_key,
    mention_player_key,
    player_resolution,
    player_name,
    from_club_id,
    from_club_name,
    to_club_id,
    to_club_name,
    status,
    deal_type,
    fee_amount,
    fee_currency,
    -- transfermarkt convention: 0 = free transfer, NULL = unknown
    case
        when fee_amount is null and deal_type = 'free' then 0.0
        else {{ to_eur('fee_amount', 'eur_per_unit') }}
    end                                                 as fee_eur,
    fee_low_eur,
    fee_high_eur,
    {{ to_eur('fee_bonus', 'eur_per_unit') }}           as fee_bonus_eur,
    fee_phrase,
    fx_rate_basis,
    extractor_fee_eur,
    confidence,
    evidence,
    source_name,
    domain,
    language,
    title,
    url,
    published_at,
    published_date,
    ingest_date
from enriched
