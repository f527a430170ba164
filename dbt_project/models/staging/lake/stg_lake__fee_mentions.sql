-- Money amounts of each article's latest landing (see stg_lake__articles).
with source as (

    select * from {{ source('lake', 'fee_mentions') }}
    -- incremental: only the partitions from the earliest changed one (pruned by DuckDB)
    where ingest_date >= {{ ingest_cutoff() }}

),

renamed as (

    select
        cast(article_id as varchar)     as article_id,
        cast(fee_idx as integer)        as fee_idx,
        cast(kind as varchar)           as fee_kind,
        cast(amount as double)          as amount,
        upper(cast(currency as varchar)) as currency,
        cast(amount_eur as double)      as extractor_amount_eur,
        cast(amount_low as double)      as amount_low,
        cast(amount_high as double)     as amount_high,
        cast(bonus as double)           as bonus,
        cast(phrase as varchar)         as phrase,
        cast(char_start as integer)     as char_start,
        cast(ingest_date as date)       as ingest_date
    from source

)

select * from renamed
qualify ingest_date = max(ingest_date) over (partition by article_id)
    and row_number() over (partition by article_id, ingest_date, fee_idx order by char_start) = 1
