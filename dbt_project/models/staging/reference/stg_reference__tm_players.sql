with source as (

    select * from {{ source('reference', 'tm_players') }}

),

renamed as (

    select
        cast(player_id as varchar)               as transfermarkt_player_id,
        cast(player_name as varchar)             as player_name,
        cast(date_of_birth as date)              as date_of_birth,
        cast(position as varchar)                as position,
        cast(sub_position as varchar)            as sub_position,
        cast(country_of_citizenship as varchar)  as citizenship,
        cast(current_club_id as varchar)         as current_transfermarkt_club_id,
        cast(current_club_name as varchar)       as current_club_name,
        cast(market_value_in_eur as bigint)      as market_value_eur,
        cast(last_season as integer)             as last_season,
        cast(snapshot_date as date)              as snapshot_date
    from source

)

select * from renamed
