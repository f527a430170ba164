-- Which sources produce the most transfer news, and how much of it turns
-- into rumours? Articles landed, rumour mentions, moves they reported first,
-- and URLs the pipeline had to reject.
with

first_reporters as (

    select rumour_key, arg_min(source_name, (published_at, rumour_mention_id)) as source_name
    from {{ ref('fct_rumour_mentions') }}
    group by rumour_key

)

select
    s.source_name,
    s.domain,
    s.language,
    s.country,
    s.article_count,
    count(distinct m.rumour_mention_id)                        as rumour_mentions,
    (select count(*) from first_reporters as f where f.source_name = s.source_name) as moves_reported_first,
    s.reject_count,
    round(s.reject_count / nullif(s.article_count + s.reject_count, 0), 3) as reject_rate
from {{ ref('dim_sources') }} as s
left join {{ ref('fct_rumour_mentions') }} as m on m.source_name = s.source_name
group by all
order by s.article_count desc, rumour_mentions desc, s.source_name
