{#- Country of a news site from its domain's top-level domain, as an English
    country name like the club reference uses (NULL for generic TLDs such as
    .com: the sources file does not say). -#}
{% macro country_from_domain(domain) -%}
    case
        when {{ domain }} like '%.uk' then 'United Kingdom'
        when {{ domain }} like '%.it' then 'Italy'
        when {{ domain }} like '%.es' then 'Spain'
        when {{ domain }} like '%.fr' then 'France'
        when {{ domain }} like '%.de' then 'Germany'
        when {{ domain }} like '%.pt' then 'Portugal'
        when {{ domain }} like '%.nl' then 'Netherlands'
        when {{ domain }} like '%.be' then 'Belgium'
        when {{ domain }} like '%.br' then 'Brazil'
        when {{ domain }} like '%.ar' then 'Argentina'
        when {{ domain }} like '%.tr' then 'Turkey'
        when {{ domain }} like '%.ch' then 'Switzerland'
    end
{%- endmacro %}
