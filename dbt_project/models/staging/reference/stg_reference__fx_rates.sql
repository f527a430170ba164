with source as (

    select * from {{ ref('fx_rates') }}

),

renamed as (

    select
        upper(trim(currency))            as currency,
        trim(month)                      as rate_month,
        cast(eur_per_unit as double)     as eur_per_unit,
        source                           as rate_source
    from source

)

select * from renamed
