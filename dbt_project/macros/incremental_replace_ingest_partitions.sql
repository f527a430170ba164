{#- Incremental strategy `replace_ingest_partitions` for models built from
    lake partitions (config: incremental_strategy='replace_ingest_partitions',
    unique_key='article_id').

    The model's incremental batch is every row whose ingest_date is on or
    after ingest_cutoff(): the earliest partition whose inputs changed since
    the model was last built (see ingest_batch.sql). This strategy then, in
    one transaction:
      1. deletes the target rows of those partitions, so a partition that
         lost rows on a re-run, or was deleted, loses them here too;
      2. deletes older rows of any article present in the batch (an article
         landed again on a later day moves to its latest partition, as in a
         full refresh);
      3. inserts the batch.
    Result: an incremental run equals a full refresh (tested in
    tests/warehouse). -#}
{% macro get_incremental_replace_ingest_partitions_sql(arg_dict) %}
    {%- set target = arg_dict["target_relation"] -%}
    {%- set source = arg_dict["temp_relation"] -%}
    {%- set unique_key = arg_dict["unique_key"] or "article_id" -%}
    {%- set dest_cols_csv = get_quoted_csv(arg_dict["dest_columns"] | map(attribute="name")) -%}

    delete from {{ target }}
    where ingest_date >= {{ ingest_cutoff() }}
       or {{ unique_key }} in (select {{ unique_key }} from {{ source }});

    insert into {{ target }} ({{ dest_cols_csv }})
    select {{ dest_cols_csv }} from {{ source }}

{% endmacro %}
