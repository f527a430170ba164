-- Which rumours reached "completed"? Every move some article reported as
-- completed, with how long it took from the first report, how many sources
-- had carried it, and the fees quoted along the way.
with

completed as (

    select rumour_key, min(published_at) as completed_at
    from {{ ref('fct_rumour_mentions') }}
    where status = 'completed'
    group by rumour_key

)

select
    r.player_name,
    r.from_club_name,
    r.to_club_name,
    r.first_seen_at,
    completed.completed_at,
    date_diff('day', r.first_seen_at, completed.completed_at)  as days_from_first_report,
    r.mention_count,
    r.source_count,
    r.fee_min_eur,
    r.fee_median_eur,
    r.fee_max_eur,
    r.latest_status
from {{ ref('fct_rumours') }} as r
inner join completed on r.rumour_key = completed.rumour_key
order by completed.completed_at desc, r.player_name
