-- A player's rumour timeline: every article that linked him with a move, in
-- publication order, with status, fee and source. Pick the player with
-- --vars '{"player_key": "nikola milenkovic"}' (folded name, see
-- dim_players.player_key); by default the most mentioned player.
with

player_pick as (

    {% if var('player_key', none) %}
    select '{{ var("player_key") }}' as player_key
    {% else %}
    select player_key from {{ ref('fct_rumour_mentions') }}
    group by player_key order by count(*) desc, player_key limit 1
    {% endif %}

)

select
    m.published_at,
    players.display_name                     as player,
    coalesce(m.from_club_name, '?')          as from_club,
    coalesce(m.to_club_name, '?')            as to_club,
    m.status,
    m.deal_type,
    m.fee_eur,
    m.source_name,
    m.confidence,
    m.evidence,
    m.url
from {{ ref('fct_rumour_mentions') }} as m
inner join player_pick on m.player_key = player_pick.player_key
inner join {{ ref('dim_players') }} as players on m.player_key = players.player_key
order by m.published_at, m.rumour_mention_id
