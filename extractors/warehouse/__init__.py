"""The warehouse stage: the dbt-duckdb build, the analysts' published copy, SQL on it.

    from extractors import warehouse
    warehouse.build()                 # dbt build (seeds, models, tests) into paths().build_db
    warehouse.publish()               # atomic copy to paths().published_db (+ Parquet marts)
    cols, rows = warehouse.query("select * from rpt_hottest_rumours")
    print(warehouse.format_table(cols, rows))
    warehouse.generate_docs()         # paths().docs/index.html and static_index.html

Modules: ``dbt`` (run dbt in-process, build), ``docs`` (the docs site), ``publish`` (the read-only copy and
Parquet marts), ``query`` (analysts' SQL), ``summary`` (the run summary), ``serve`` (a
static site on 127.0.0.1). This module only names the stage's API.
"""
from extractors.warehouse.dbt import (PROJECT_DIR, WarehouseError, build, dbt_dir, dbt_env, manifest_path, parse,
                                      run_dbt, target_dir)
from extractors.warehouse.docs import generate_docs
from extractors.warehouse.publish import (DEFAULT_PUBLISH_STORAGE_VERSION, MART_PREFIXES,
                                          PUBLISH_STORAGE_VERSION_ENV, publish, publish_storage_version)
from extractors.warehouse.query import QueryError, format_table, query

__all__ = [
    "PROJECT_DIR", "WarehouseError", "build", "dbt_dir", "dbt_env", "generate_docs", "manifest_path", "parse",
    "run_dbt", "target_dir", "DEFAULT_PUBLISH_STORAGE_VERSION", "MART_PREFIXES", "PUBLISH_STORAGE_VERSION_ENV",
    "publish", "publish_storage_version", "QueryError", "format_table", "query",
]
