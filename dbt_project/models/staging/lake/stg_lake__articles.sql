-- One row per article: an article landed again on a later run (same canonical
-- URL, same article_id) keeps only its latest landing.
with source as (

    select * from {{ source('lake', 'articles') }}
    -- incremental: only the partitions from the earliest changed one (pruned by DuckDB)
    where ingest_date >= {{ ingest_cutoff() }}

),

renamed as (

    select
        cast(article_id as varchar)                  as article_id,
        cast(url as varchar)                         as url,
        cast(canonical_url as varchar)               as canonical_url,
        cast(source as varchar)                      as source_name,
        cast(source_language as varchar)             as source_language,
        cast(fetched_at as timestamptz)              as fetched_at,
        cast(published_at as timestamptz)            as published_at,
        cast(timezone('UTC', coalesce(published_at, fetched_at)) as date)
                                                     as published_date,
        cast(title as varchar)                       as title,
        cast(author as varchar)                      as author,
        cast(sitename as varchar)                    as sitename,
        lower(cast(domain as varchar))               as domain,
        cast(language as varchar)            as language,
        cast(text as varchar)                        as article_text,
        cast(content_hash as varchar)                as content_hash,
        cast(text_chars as integer)                  as text_chars,
        cast(ingest_date as date)                    as ingest_date
    from source

)

select * from renamed
qualify row_number() over (
    partition by article_id
    order by ingest_date desc, fetched_at desc nulls last
) = 1
