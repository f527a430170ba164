-- People named in each article's latest landing (see stg_lake__articles).
with source as (

    select * from {{ source('lake', 'player_mentions') }}
    -- incremental: only the partitions from the earliest changed one (pruned by DuckDB)
    where ingest_date >= {{ ingest_cutoff() }}

),

renamed as (

    select
        cast(article_id as varchar)      as article_id,
        cast(player_key as varchar)      as player_key,
        cast(player_name as varchar)     as player_name,
        cast(role as varchar)            as role,
        cast(mention_count as integer)   as mention_count,
        cast(position as varchar)        as position,
        cast(birth_year as integer)      as birth_year,
        cast(nationality as varchar)     as nationality,
        cast(player_id as varchar)       as player_id,
        cast(ingest_date as date)        as ingest_date
    from source

)

select * from renamed
qualify ingest_date = max(ingest_date) over (partition by article_id)
    and row_number() over (
        partition by article_id, ingest_date, player_key
        order by mention_count desc nulls last, player_name, role
    ) = 1
