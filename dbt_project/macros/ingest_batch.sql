{#- Incremental batches of the models built from lake partitions.

    Each such model (strategy replace_ingest_partitions) keeps, in the ledger
    table meta.ingest_ledger, a fingerprint per ingest_date of the inputs it
    was last built from: for a staging model, the names, sizes and modification
    times of its lake table's Parquet files of that date; for a model built on
    other incremental models, their ledger rows. A rebuild compares what its
    inputs are now with what it recorded:

    ingest_cutoff(): the earliest ingest_date whose fingerprint differs (a new,
    rewritten or deleted partition) as a SQL date literal, read when the model
    is compiled so DuckDB prunes the older hive partitions (a scalar subquery
    would not be pushed into read_parquet). The model reprocesses every
    partition from it on, so a backfilled or re-run old day is picked up
    without --full-refresh, and an unchanged lake gives an empty batch
    (date '9999-12-31'). Outside an incremental run (first build,
    --full-refresh) it is date '1900-01-01': everything.

    Computing it runs three small queries: a model that filters on it twice
    sets it once ({%- set cutoff = ingest_cutoff() %}).

    record_ingest_inputs() (a project-wide post-hook, dbt_project.yml; a no-op
    for models without this strategy): inside the model's transaction, replaces
    the model's ledger rows with its current input fingerprints, so a failed
    build records nothing and the next one redoes the same batch.

    The DAG never lands while dbt builds (max_active_runs=1, land before dbt),
    so the inputs read at compile time are those the post-hook records. -#}

{% macro _ingest_inputs_sql() -%}
    {#- (ingest_date, fingerprint) of the current model's inputs -#}
    {%- set parts = [] -%}
    {%- for uid in model.depends_on.nodes -%}
        {%- if uid.startswith('source.') and graph.sources[uid].source_name == 'lake' -%}
            {%- set glob = env_var('MERCATO_LAKE_DIR', '../data/lake') ~ '/' ~ graph.sources[uid].name
                           ~ '/ingest_date=*/[!.]*.parquet' -%}
            {%- do parts.append(
                "select cast(regexp_extract(filename, 'ingest_date=([0-9-]{10})', 1) as date) as ingest_date, "
                ~ "parse_filename(filename) || ' ' || size || ' ' || epoch_us(last_modified) as fingerprint "
                ~ "from read_blob('" ~ glob ~ "')") -%}
        {%- elif uid.startswith('model.')
                 and graph.nodes[uid].config.incremental_strategy == 'replace_ingest_partitions' -%}
            {%- do parts.append(
                "select ingest_date, model || ' ' || fingerprint as fingerprint from meta.ingest_ledger "
                ~ "where model = '" ~ graph.nodes[uid].name ~ "'") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if not parts -%}
        {{ exceptions.raise_compiler_error(model.name ~ ": no lake source or incremental parent to fingerprint") }}
    {%- endif -%}
    select ingest_date, md5(string_agg(fingerprint, '|' order by fingerprint)) as fingerprint
    from ({{ parts | join(' union all ') }})
    group by ingest_date
{%- endmacro %}

{% macro _ingest_ledger_exists() -%}
    {%- set found = run_query("select count(*) from duckdb_tables() where schema_name = 'meta'"
                              ~ " and table_name = 'ingest_ledger'") -%}
    {{- return(found.rows[0][0] > 0) -}}
{%- endmacro %}

{% macro ingest_cutoff() -%}
    {%- if execute and is_incremental() -%}
        {%- set recorded -%}
            {%- if _ingest_ledger_exists() -%}
                select ingest_date, fingerprint from meta.ingest_ledger where model = '{{ model.name }}'
            {%- else -%}
                select null::date as ingest_date, null::varchar as fingerprint where false
            {%- endif -%}
        {%- endset -%}
        {%- set row = run_query(
            "select coalesce(min(coalesce(now.ingest_date, was.ingest_date)), date '9999-12-31') "
            ~ "from (" ~ _ingest_inputs_sql() ~ ") as now "
            ~ "full join (" ~ recorded ~ ") as was on now.ingest_date = was.ingest_date "
            ~ "where now.fingerprint is distinct from was.fingerprint").rows[0] -%}
        date '{{ row[0] }}'
    {%- else -%}
        date '1900-01-01'
    {%- endif -%}
{%- endmacro %}

{% macro record_ingest_inputs() -%}
    {#- dbt skips a hook that renders empty -#}
    {%- if not execute or model.config.materialized != 'incremental'
           or model.config.incremental_strategy != 'replace_ingest_partitions' -%}
        {{- return('') -}}
    {%- endif -%}
    create schema if not exists meta;
    create table if not exists meta.ingest_ledger (
        model varchar not null, ingest_date date not null, fingerprint varchar not null,
        recorded_at timestamptz not null
    );
    delete from meta.ingest_ledger where model = '{{ model.name }}';
    insert into meta.ingest_ledger
    select '{{ model.name }}', ingest_date, fingerprint, now() from ({{ _ingest_inputs_sql() }})
{%- endmacro %}
