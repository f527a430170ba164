-- One row per news source (the name in the sources file), from its landed
-- articles and its rejected URLs.
with

articles as (

    select * from {{ ref('stg_lake__articles') }}

),

rejects as (

    select * from {{ ref('fct_rejects') }}

),

from_articles as (

    select
        source_name,
        mode(domain order by domain)        as domain,
        mode(language order by language)    as language,
        mode(source_language order by source_language) as configured_language,
        count(*)                            as article_count,
        min(published_date)                 as first_published_date,
        max(published_date)                 as last_published_date
    from articles
    where source_name is not null
    group by source_name

),

from_rejects as (

    select
        source_name,
        mode(domain order by domain)        as domain,
        count(*)                            as reject_count
    from rejects
    where source_name is not null
    group by source_name

),

combined as (

    select
        coalesce(a.source_name, r.source_name)         as source_name,
        coalesce(a.domain, r.domain)                   as domain,
        coalesce(a.language, a.configured_language)    as language,
        a.configured_language,
        coalesce(a.article_count, 0)                   as article_count,
        coalesce(r.reject_count, 0)                    as reject_count,
        a.first_published_date,
        a.last_published_date
    from from_articles as a
    full outer join from_rejects as r on a.source_name = r.source_name

)

select
    cast(source_name as varchar)            as source_name,
    cast(domain as varchar)                 as domain,
    cast(language as varchar)               as language,
    cast(configured_language as varchar)    as configured_language,
    cast({{ country_from_domain('domain') }} as varchar) as country,
    cast(article_count as bigint)           as article_count,
    cast(reject_count as bigint)            as reject_count,
    cast(first_published_date as date)      as first_published_date,
    cast(last_published_date as date)       as last_published_date
from combined
