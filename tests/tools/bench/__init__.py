"""`make bench`: the pipeline against bare trafilatura, scaling, dbt and the DAG run (``main``)."""
