-- Reconciliation: every URL rejected in the lake (any run, any stage) is in
-- fct_rejects with the same number of distinct rejections. Reads the source
-- directly. Returns the URLs whose counts differ.
with

lake as (

    -- (ingest_date, ...) is a row value, not a parenthesised distinct
    select url, count(distinct (ingest_date, source, stage, reason, "at")) as n  -- noqa: ST08,LT06
    from {{ source('lake', 'rejects') }}
    group by url

),

warehouse as (

    select url, count(*) as n from {{ ref('fct_rejects') }} group by url

)

select coalesce(lake.url, warehouse.url) as url, lake.n as lake_rejections, warehouse.n as warehouse_rejections
from lake
full outer join warehouse on lake.url = warehouse.url
where lake.n is distinct from warehouse.n
