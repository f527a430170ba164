-- Reconciliation: every rumour of the lake is in fct_rumour_mentions, and
-- nothing else is. "Every rumour" means every rumour of each article's latest
-- landing: when an article is landed again, its newer extraction replaces the
-- older one (see stg_lake__rumours). Reads the source directly, not staging,
-- so a bug in staging or in the incremental strategy cannot hide itself.
-- Returns the offending (article_id, rumour_idx) pairs.
with

lake as (

    select distinct article_id, rumour_idx
    from {{ source('lake', 'rumours') }}
    qualify ingest_date = max(ingest_date) over (partition by article_id)

),

warehouse as (

    select article_id, rumour_idx from {{ ref('fct_rumour_mentions') }}

)

select 'missing_from_fct_rumour_mentions' as problem, article_id, rumour_idx
from lake
where not exists (
    select 1 from warehouse
    where warehouse.article_id = lake.article_id and warehouse.rumour_idx = lake.rumour_idx
)

union all

select 'not_in_lake' as problem, article_id, rumour_idx
from warehouse
where not exists (
    select 1 from lake
    where lake.article_id = warehouse.article_id and lake.rumour_idx = warehouse.rumour_idx
)
