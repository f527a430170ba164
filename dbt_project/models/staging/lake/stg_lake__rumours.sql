-- Rumours of each article's latest landing (see stg_lake__articles): when an
-- article is landed again, its newer extraction replaces the older one whole.
with source as (

    select * from {{ source('lake', 'rumours') }}
    -- incremental: only the partitions from the earliest changed one (pruned by DuckDB)
    where ingest_date >= {{ ingest_cutoff() }}

),

renamed as (

    select
        cast(article_id as varchar)        as article_id,
        cast(rumour_idx as integer)        as rumour_idx,
        cast(player_key as varchar)        as player_key,
        cast(player_name as varchar)       as player_name,
        cast(player_id as varchar)         as player_id,
        cast(from_club_id as varchar)      as from_club_id,
        cast(from_club as varchar)         as from_club_name,
        cast(to_club_id as varchar)        as to_club_id,
        cast(to_club as varchar)           as to_club_name,
        cast(fee_amount as double)         as fee_amount,
        upper(cast(fee_currency as varchar)) as fee_currency,
        cast(fee_eur as double)            as extractor_fee_eur,
        cast(fee_low_eur as double)        as fee_low_eur,
        cast(fee_high_eur as double)       as fee_high_eur,
        cast(fee_bonus as double)          as fee_bonus,
        cast(fee_phrase as varchar)        as fee_phrase,
        cast(deal_type as varchar)         as deal_type,
        cast(status as varchar)             as status,
        cast(confidence as double)         as confidence,
        cast(evidence as varchar)          as evidence,
        cast(ingest_date as date)          as ingest_date
    from source

)

select * from renamed
qualify ingest_date = max(ingest_date) over (partition by article_id)
    and row_number() over (partition by article_id, ingest_date, rumour_idx order by player_key) = 1
