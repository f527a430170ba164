-- Player resolution across articles. One row per article and name key
-- (folded, int_player_mentions), with the player it resolves to:
--   1. name variants with the same folded full name are one player
--      ("Nikola Milenković" = "Nikola Milenkovic");
--   2. a partial key (a surname written alone, "milenkovic") is merged into
--      the full name ending with it when exactly one such full name, seen in
--      the same role, shares a club with the article (club mentions and rumour
--      clubs of the articles it appears in);
--   3. otherwise the partial key stays its own player: two different players
--      sharing a surname are never merged, and an ambiguous surname is left
--      alone rather than guessed.
with

mentions as (

    select * from {{ ref('int_player_mentions') }}

),

rumours as (

    select * from {{ ref('stg_lake__rumours') }}

),

club_mentions as (

    select * from {{ ref('stg_lake__club_mentions') }}

),

articles as (

    select article_id, published_at, published_date, ingest_date
    from {{ ref('stg_lake__articles') }}

),

-- the clubs of each article (club mentions and rumour clubs), deduplicated
-- once, in one list per article
article_club_sets as (

    select article_id, list(distinct club_id) as clubs
    from (
        select article_id, club_id from club_mentions where club_id is not null
        union all
        select article_id, from_club_id from rumours where from_club_id is not null
        union all
        select article_id, to_club_id from rumours where to_club_id is not null
    )
    group by article_id

),

-- every proper word-suffix of every multi-word key ("nikola milenkovic" ->
-- "milenkovic"), so partial names are found by equality, not by scanning
key_suffixes as (

    select distinct
        mention_key                                             as full_key,
        role,
        array_to_string(tokens[start_token:], ' ')              as suffix
    from (
        select
            mention_key,
            role,
            string_split(mention_key, ' ')                      as tokens,
            unnest(range(2, name_tokens + 1))                   as start_token
        from mentions
        where name_tokens > 1
    )

),

-- each mention paired with the longer keys (same role) ending with it, and
-- the clubs of the mention's article
suffix_pairs as (

    select m.article_id, m.mention_key, m.role, ks.full_key, acs.clubs as article_clubs
    from mentions as m
    inner join key_suffixes as ks
        on ks.suffix = m.mention_key
        and ks.role = m.role
    left join article_club_sets as acs
        on acs.article_id = m.article_id

),

-- the clubs each candidate full key has been seen with, over all articles
key_context as (

    select distinct mention_key, role, unnest(clubs) as club_id
    from mentions
    inner join article_club_sets on mentions.article_id = article_club_sets.article_id
    where mentions.mention_key in (select full_key from key_suffixes)

),

-- candidates: the pairs whose full key shares a club with the mention's
-- article. (Written as pairs x article clubs, then one three-column join: a
-- join of all keys' clubs with all articles' clubs explodes on big clubs.)
candidates as (

    select distinct
        pc.article_id,
        pc.mention_key,
        pc.full_key as candidate_key
    from (
        select article_id, mention_key, role, full_key, unnest(article_clubs) as club_id
        from suffix_pairs
    ) as pc
    inner join key_context as kc
        on kc.mention_key = pc.full_key
        and kc.role = pc.role
        and kc.club_id = pc.club_id

),

candidate_counts as (

    select
        article_id,
        mention_key,
        count(*)                    as candidate_count,
        min(candidate_key)          as only_candidate
    from candidates
    group by article_id, mention_key

),

resolved as (

    select
        mentions.article_id,
        mentions.mention_key,
        mentions.mention_name,
        mentions.role,
        mentions.mention_count,
        mentions.position,
        mentions.birth_year,
        mentions.nationality,
        mentions.is_rumour_subject,
        coalesce(candidate_counts.candidate_count, 0)           as candidate_count,
        case
            when candidate_counts.candidate_count = 1 then candidate_counts.only_candidate
            else mentions.mention_key
        end                                                     as player_key,
        case
            when candidate_counts.candidate_count = 1 then 'partial_name_in_club_context'
            when candidate_counts.candidate_count > 1 then 'ambiguous_partial_name'
            else 'as_written'
        end                                                     as resolution,
        articles.published_at,
        coalesce(articles.published_date, mentions.ingest_date) as published_date,
        mentions.ingest_date
    from mentions
    left join candidate_counts
        on mentions.article_id = candidate_counts.article_id
        and mentions.mention_key = candidate_counts.mention_key
    left join articles
        on mentions.article_id = articles.article_id

)

select * from resolved
