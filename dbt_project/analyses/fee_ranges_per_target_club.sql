-- What fees are quoted for the players each club is linked with? Per buying
-- club: the moves with a known fee and the range of the consolidated fees
-- (fct_rumours, EUR; 0 = free transfers count as fee 0, unknown fees are left out).
select
    clubs.club_name                                  as target_club,
    count(*)                                         as moves,
    count(r.fee_median_eur)                          as moves_with_fee,
    min(r.fee_min_eur)                               as lowest_fee_eur,
    median(r.fee_median_eur)                         as median_fee_eur,
    max(r.fee_max_eur)                               as highest_fee_eur,
    sum(r.fee_median_eur)                            as total_median_fees_eur
from {{ ref('fct_rumours') }} as r
inner join {{ ref('dim_clubs') }} as clubs on r.to_club_key = clubs.club_key
group by clubs.club_name
order by highest_fee_eur desc nulls last, moves desc, target_club
