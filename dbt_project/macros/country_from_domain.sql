{#- ISO country of a news site from its domain's top-level domain (NULL for
    generic TLDs such as .com: the sources file does not say). -#}
{% macro country_from_domain(domain) -%}
    case
        when {{ domain }} like '%.co.uk' or {{ domain }} like '%.uk' then 'GB'
        when {{ domain }} like '%.it' then 'IT'
        when {{ domain }} like '%.es' then 'ES'
        when {{ domain }} like '%.fr' then 'FR'
        when {{ domain }} like '%.de' then 'DE'
        when {{ domain }} like '%.pt' then 'PT'
        when {{ domain }} like '%.nl' then 'NL'
        when {{ domain }} like '%.be' then 'BE'
        when {{ domain }} like '%.com.br' then 'BR'
        when {{ domain }} like '%.com.ar' then 'AR'
        when {{ domain }} like '%.tr' then 'TR'
        when {{ domain }} like '%.ch' then 'CH'
    end
{%- endmacro %}
