-- One row per distinct rejection; exact repeats within a run are dropped.
with source as (

    select * from {{ source('lake', 'rejects') }}

),

renamed as (

    select
        cast(url as varchar)              as url,
        cast(source as varchar)           as source_name,
        cast(stage as varchar)            as stage,
        cast(reason as varchar)           as reason,
        cast("at" as timestamptz)         as rejected_at,
        cast(ingest_date as date)         as ingest_date
    from source

)

select
    md5(concat_ws('|', ingest_date, url, source_name, stage, reason, rejected_at)) as reject_id,
    *
from renamed
qualify row_number() over (
    partition by ingest_date, url, source_name, stage, reason, rejected_at
    order by url
) = 1
