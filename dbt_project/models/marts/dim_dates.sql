-- Calendar of every day in the whole years the warehouse has data for.
with

bounds as (

    select
        min(d) as min_date,
        max(d) as max_date
    from (
        select published_date as d from {{ ref('stg_lake__articles') }}
        union all
        select ingest_date from {{ ref('stg_lake__articles') }}
        union all
        select rejected_date from {{ ref('fct_rejects') }}
        union all
        select ingest_date from {{ ref('fct_rejects') }}
    )

),

spine as (

    select cast(unnest(generate_series(
        date_trunc('year', coalesce(min_date, current_date)),
        date_trunc('year', coalesce(max_date, current_date)) + interval 1 year - interval 1 day,
        interval 1 day
    )) as date) as date_day
    from bounds

)

select
    cast(date_day as date)                              as date_day,
    cast(year(date_day) as integer)                     as year,
    cast(quarter(date_day) as integer)                  as quarter,
    cast(month(date_day) as integer)                    as month,
    cast(strftime(date_day, '%Y-%m') as varchar)        as year_month,
    cast(monthname(date_day) as varchar)                as month_name,
    cast(isoyear(date_day) as integer)                  as iso_year,
    cast(week(date_day) as integer)                     as iso_week,
    cast(isodow(date_day) as integer)                   as iso_day_of_week,
    cast(dayname(date_day) as varchar)                  as day_name,
    cast(isodow(date_day) >= 6 as boolean)              as is_weekend,
    -- European transfer windows (typical dates: summer 1 Jul - 1 Sep, winter January)
    cast(case
        when month(date_day) in (7, 8) or (month(date_day) = 9 and day(date_day) = 1) then 'summer'
        when month(date_day) = 1 then 'winter'
    end as varchar)                                     as transfer_window,
    -- football season starting in July: 2024-25 runs 2024-07-01 .. 2025-06-30
    cast(case
        when month(date_day) >= 7 then year(date_day) || '-' || right(cast(year(date_day) + 1 as varchar), 2)
        else (year(date_day) - 1) || '-' || right(cast(year(date_day) as varchar), 2)
    end as varchar)                                     as season
from spine
