{#- Incremental batches of the models built from lake partitions.

    ingest_cutoff(relation): the latest ingest_date already in `relation` (the
    model's own table, `this`) as a SQL date literal, read when the model is
    compiled, so DuckDB prunes the lake's hive partitions older than it (a
    scalar subquery would not be pushed into read_parquet). Outside an
    incremental run (first build, --full-refresh) it is date '1900-01-01':
    everything.

    A batch is every partition from the cutoff on: the latest loaded partition
    is reprocessed because a re-run of a day rewrites it (see
    replace_ingest_partitions). -#}
{% macro ingest_cutoff(relation=this) -%}
    {%- if execute and is_incremental() -%}
        {%- set row = run_query("select coalesce(max(ingest_date), date '1900-01-01') from " ~ relation).rows[0] -%}
        date '{{ row[0] }}'
    {%- else -%}
        date '1900-01-01'
    {%- endif -%}
{%- endmacro %}
