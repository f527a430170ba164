{#- FX lookup shared by int_fees_normalised and int_rumour_mentions.

    fx_ctes(fx_relation) defines two CTEs (use after `with`):
      fx_month  - one rate per currency and month (YYYY-MM)
      fx_latest - each currency's latest month and its rate
    eur_per_unit(currency, month_alias, latest_alias) picks the rate: 1 for
    EUR, else the rate of the month of publication, else the currency's latest
    month (the fallback), else NULL (currency unknown to the seed). -#}
{% macro fx_ctes(fx_relation) -%}
fx_month as (
    select currency, rate_month, eur_per_unit
    from {{ fx_relation }}
),

fx_latest as (
    select
        currency,
        max(rate_month)                     as rate_month,
        arg_max(eur_per_unit, rate_month)   as eur_per_unit
    from {{ fx_relation }}
    group by currency
)
{%- endmacro %}

{% macro eur_per_unit(currency, month_alias, latest_alias) -%}
    case
        when {{ currency }} = 'EUR' then 1.0
        else coalesce({{ month_alias }}.eur_per_unit, {{ latest_alias }}.eur_per_unit)
    end
{%- endmacro %}

{% macro fx_rate_basis(currency, month_alias, latest_alias) -%}
    case
        when {{ currency }} is null then 'no_currency'
        when {{ currency }} = 'EUR' then 'eur'
        when {{ month_alias }}.eur_per_unit is not null then 'month_of_publication'
        when {{ latest_alias }}.eur_per_unit is not null then 'latest_month'
        else 'unknown_currency'
    end
{%- endmacro %}

{#- Amount in EUR: 0 stays 0 (free), NULL stays NULL (unknown). -#}
{% macro to_eur(amount, rate) -%}
    case when {{ amount }} = 0 then 0.0 else {{ amount }} * {{ rate }} end
{%- endmacro %}
