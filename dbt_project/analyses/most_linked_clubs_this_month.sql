-- Which clubs are linked with the most moves this month?
-- "This month" is the month of the latest publication date in the warehouse
-- (so a sample or a replayed lake still answers); pass --vars
-- '{"analysis_month": "2025-01"}' to pick a month. A club counts once per
-- rumour mention, whether it buys or sells.
with

mentions as (

    select * from {{ ref('fct_rumour_mentions') }}

),

month_pick as (

    select {% if var('analysis_month', none) %}'{{ var("analysis_month") }}'
           {% else %}strftime(max(published_date), '%Y-%m'){% endif %} as year_month
    from mentions

),

links as (

    select to_club_key as club_key, 'buying' as side, rumour_key, source_name, published_date
    from mentions where to_club_key is not null
    union all
    select from_club_key, 'selling', rumour_key, source_name, published_date
    from mentions where from_club_key is not null

)

select
    clubs.club_name,
    clubs.league,
    count(*)                                        as mentions,
    count(*) filter (where links.side = 'buying')   as as_buyer,
    count(*) filter (where links.side = 'selling')  as as_seller,
    count(distinct links.rumour_key)                as distinct_moves,
    count(distinct links.source_name)               as sources
from links
inner join month_pick on strftime(links.published_date, '%Y-%m') = month_pick.year_month
inner join {{ ref('dim_clubs') }} as clubs on links.club_key = clubs.club_key
group by clubs.club_name, clubs.league
order by mentions desc, distinct_moves desc, clubs.club_name
