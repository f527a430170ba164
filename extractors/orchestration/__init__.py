"""Running the stages: ``pipeline`` (one function per stage, as the DAG's tasks call them),
``runner`` (the whole pipeline in one process: `mercato run`), ``steps`` (what the Airflow DAG
is made of: Params, Assets, the dbt task group)."""
