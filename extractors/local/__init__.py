"""Local launchers: Airflow standalone on SQLite (``standalone``: `make airflow`) and a Celery
cluster on the machine's PostgreSQL and Redis (``celery_cluster``: the distributed set-up's tests)."""
