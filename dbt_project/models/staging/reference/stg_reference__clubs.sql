with source as (

    select * from {{ ref('clubs') }}

),

renamed as (

    select
        trim(club_id)                              as club_id,
        trim(name)                                 as club_name,
        coalesce(nullif(trim(short_name), ''), trim(name)) as short_name,
        trim(country)                              as country,
        trim(league)                               as league,
        cast(tier as integer)                      as tier,
        list_filter(
            list_transform(string_split(coalesce(aliases, ''), '|'), lambda a: trim(a)),
            lambda a: a <> ''
        )                                          as aliases,
        nullif(trim(transfermarkt_club_id), '')    as transfermarkt_club_id
    from source

)

select * from renamed
