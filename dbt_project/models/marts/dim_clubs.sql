-- Clubs of the reference seed, plus any club key the lake uses that the
-- reference does not (yet) know, so every fact's club has a dimension row.
with

reference as (

    select * from {{ ref('stg_reference__clubs') }}

),

club_mentions as (

    select club_id, club_name from {{ ref('stg_lake__club_mentions') }}

),

rumours as (

    select from_club_id as club_id, from_club_name as club_name from {{ ref('stg_lake__rumours') }}
    union all
    select to_club_id, to_club_name from {{ ref('stg_lake__rumours') }}

),

seen_in_lake as (

    select club_id, mode(club_name order by club_name) as club_name
    from (select * from club_mentions union all select * from rumours)
    where club_id is not null
    group by club_id

),

unknown_to_reference as (

    select
        seen_in_lake.club_id,
        coalesce(seen_in_lake.club_name, seen_in_lake.club_id) as club_name
    from seen_in_lake
    anti join reference on seen_in_lake.club_id = reference.club_id

)

select
    cast(club_id as varchar)        as club_key,
    cast(club_name as varchar)      as club_name,
    cast(short_name as varchar)     as short_name,
    cast(country as varchar)        as country,
    cast(league as varchar)         as league,
    cast(tier as integer)           as tier,
    cast(aliases as varchar[])      as aliases,
    cast(transfermarkt_club_id as varchar) as transfermarkt_club_id,
    true                            as in_reference
from reference

union all

select
    cast(club_id as varchar),
    cast(club_name as varchar),
    cast(club_name as varchar),
    cast(null as varchar),
    cast(null as varchar),
    cast(null as integer),
    cast([] as varchar[]),
    cast(null as varchar),
    false
from unknown_to_reference
