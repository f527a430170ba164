-- Club mentions of each article's latest landing (see stg_lake__articles).
with source as (

    select * from {{ source('lake', 'club_mentions') }}
    -- incremental: only the partitions from the earliest changed one (pruned by DuckDB)
    where ingest_date >= {{ ingest_cutoff() }}

),

renamed as (

    select
        cast(article_id as varchar)   as article_id,
        cast(club_id as varchar)      as club_id,
        cast(club_name as varchar)    as club_name,
        cast(surface as varchar)      as surface,
        cast(char_start as integer)   as char_start,
        cast(ingest_date as date)     as ingest_date
    from source

)

select * from renamed
qualify ingest_date = max(ingest_date) over (partition by article_id)
    and row_number() over (
        partition by article_id, ingest_date, club_id, char_start order by surface
    ) = 1
