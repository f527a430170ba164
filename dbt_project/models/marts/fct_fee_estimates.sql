{{
    config(
        materialized='incremental',
        incremental_strategy='replace_ingest_partitions',
        unique_key='article_id',
        on_schema_change='append_new_columns'
    )
}}
{%- set cutoff = ingest_cutoff() %}
-- One row per money amount found in an article, in its currency and in EUR.
select
    cast(fee_mention_id as varchar)     as fee_mention_id,
    cast(article_id as varchar)         as article_id,
    cast(fee_idx as integer)            as fee_idx,
    cast(fee_kind as varchar)           as fee_kind,
    cast(amount as double)              as amount,
    cast(currency as varchar)           as currency,
    cast(eur_per_unit as double)        as eur_per_unit,
    cast(fx_rate_basis as varchar)      as fx_rate_basis,
    cast(fx_rate_month as varchar)      as fx_rate_month,
    cast(amount_eur as double)          as amount_eur,
    cast(amount_low_eur as double)      as amount_low_eur,
    cast(amount_high_eur as double)     as amount_high_eur,
    cast(bonus_eur as double)           as bonus_eur,
    cast(phrase as varchar)             as phrase,
    cast(source_name as varchar)        as source_name,
    cast(published_date as date)        as published_date,
    cast(ingest_date as date)           as ingest_date
from {{ ref('int_fees_normalised') }}
{% if is_incremental() %}
-- incremental: the articles int_fees_normalised rebuilt in this run (same batch
-- rule: their fees, or their article row, landed from the cutoff on)
where ingest_date >= {{ cutoff }}
   or article_ingest_date >= {{ cutoff }}
{% endif %}
