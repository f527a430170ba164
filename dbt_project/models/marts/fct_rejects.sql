-- One row per rejected URL per run: what failed (URL, source), where (stage)
-- and why (reason).
select
    cast(reject_id as varchar)                                  as reject_id,
    cast(url as varchar)                                        as url,
    cast(lower(regexp_extract(url, '^[a-zA-Z]+://([^/:?#]+)', 1)) as varchar) as domain,
    cast(source_name as varchar)                                as source_name,
    cast(stage as varchar)                                      as stage,
    cast(reason as varchar)                                     as reason,
    cast(rejected_at as timestamptz)                            as rejected_at,
    cast(coalesce(cast(timezone('UTC', rejected_at) as date), ingest_date) as date) as rejected_date,
    cast(ingest_date as date)                                   as ingest_date
from {{ ref('stg_lake__rejects') }}
