{{
    config(
        materialized='incremental',
        incremental_strategy='replace_ingest_partitions',
        unique_key='article_id',
        on_schema_change='append_new_columns'
    )
}}
{%- set cutoff = ingest_cutoff() %}
-- Every fee mention converted to EUR with the fx_rates seed, using the rate of
-- the article's month of publication, else the currency's latest month.
with

fees as (

    select * from {{ ref('stg_lake__fee_mentions') }}
    {% if is_incremental() %}
    -- incremental: the fees of every article landed in the partitions from
    -- the earliest changed one (its own fees or its article row): an article's
    -- rows are replaced whole (replace_ingest_partitions, unique_key article_id)
    where ingest_date >= {{ cutoff }}
       or article_id in (
            select article_id from {{ ref('stg_lake__articles') }}
            where ingest_date >= {{ cutoff }}
       )
    {% endif %}

),

articles as (

    select article_id, source_name, published_at, published_date, ingest_date
    from {{ ref('stg_lake__articles') }}

),

fx as (

    select * from {{ ref('stg_reference__fx_rates') }}

),

{{ fx_ctes('fx') }},

joined as (

    select
        fees.article_id || '-' || fees.fee_idx                 as fee_mention_id,
        fees.article_id,
        fees.fee_idx,
        fees.fee_kind,
        fees.amount,
        fees.currency,
        fees.amount_low,
        fees.amount_high,
        fees.bonus,
        fees.phrase,
        fees.char_start,
        fees.extractor_amount_eur,
        articles.source_name,
        articles.published_at,
        coalesce(articles.published_date, fees.ingest_date)    as published_date,
        strftime(coalesce(articles.published_date, fees.ingest_date), '%Y-%m') as publication_month,
        {{ eur_per_unit('fees.currency', 'fx_month', 'fx_latest') }} as eur_per_unit,
        {{ fx_rate_basis('fees.currency', 'fx_month', 'fx_latest') }} as fx_rate_basis,
        case
            when fees.currency = 'EUR' then null
            else coalesce(fx_month.rate_month, fx_latest.rate_month)
        end                                                    as fx_rate_month,
        fees.ingest_date,
        articles.ingest_date                                   as article_ingest_date
    from fees
    left join articles
        on fees.article_id = articles.article_id
    left join fx_month
        on fees.currency = fx_month.currency
        and strftime(coalesce(articles.published_date, fees.ingest_date), '%Y-%m') = fx_month.rate_month
    left join fx_latest
        on fees.currency = fx_latest.currency

)

select
    fee_mention_id,
    article_id,
    fee_idx,
    fee_kind,
    amount,
    currency,
    eur_per_unit,
    fx_rate_basis,
    fx_rate_month,
    {{ to_eur('amount', 'eur_per_unit') }}        as amount_eur,
    {{ to_eur('amount_low', 'eur_per_unit') }}    as amount_low_eur,
    {{ to_eur('amount_high', 'eur_per_unit') }}   as amount_high_eur,
    {{ to_eur('bonus', 'eur_per_unit') }}         as bonus_eur,
    amount_low,
    amount_high,
    bonus,
    phrase,
    char_start,
    extractor_amount_eur,
    source_name,
    published_at,
    published_date,
    publication_month,
    ingest_date,
    article_ingest_date
from joined
