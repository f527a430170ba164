{#- Generic test: the combination of `columns` is unique (no dbt_utils: the
    build must not need the network). -#}
{% test mercato_unique_combination(model, columns) %}

select {{ columns | join(', ') }}, count(*) as n_rows
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
