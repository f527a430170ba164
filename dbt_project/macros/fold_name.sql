{#- Fold a person's name the way the extractors build player_key: lower case,
    diacritics removed, punctuation to spaces, single spaces. -#}
{% macro fold_name(expr) -%}
    trim(regexp_replace(
        regexp_replace(lower(strip_accents({{ expr }})), '[^a-z0-9 ]', ' ', 'g'),
        '\s+', ' ', 'g'
    ))
{%- endmacro %}
