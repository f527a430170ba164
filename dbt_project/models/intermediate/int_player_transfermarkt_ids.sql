-- The transfermarkt id of each resolved player: the id the extractor linked
-- his mentions and rumours to (player_id in the lake), when they all agree. A
-- resolved player whose mentions link to two different ids gets none: the
-- warehouse never picks one of two. An id that two resolved players carry (a
-- surname alone in one article, not merged into the full name of another)
-- stays with the one whose key has the most words, when only one has, else
-- with neither: one transfermarkt player is one dim_players row.
with

resolved as (

    select article_id, mention_key, player_key from {{ ref('int_players_resolved') }}

),

links as (

    select article_id, {{ fold_name('player_key') }} as mention_key, player_id
    from {{ ref('stg_lake__player_mentions') }}
    where player_id is not null

    union all

    select article_id, {{ fold_name('player_key') }}, player_id
    from {{ ref('stg_lake__rumours') }}
    where player_id is not null

),

agreed as (

    select
        resolved.player_key,
        min(links.player_id)                as transfermarkt_player_id,
        count(*)                            as linked_mentions,
        len(string_split(resolved.player_key, ' ')) as key_words
    from links
    inner join resolved
        on resolved.article_id = links.article_id
        and resolved.mention_key = links.mention_key
    group by resolved.player_key
    having count(distinct links.player_id) = 1

),

ranked as (

    select
        *,
        max(key_words) over (partition by transfermarkt_player_id) as most_words,
        count(*) over (partition by transfermarkt_player_id, key_words) as same_words
    from agreed

)

select player_key, transfermarkt_player_id, linked_mentions
from ranked
where key_words = most_words and same_words = 1
