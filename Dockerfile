# Mercato's Airflow image: the locked dependencies (uv sync --frozen), the DAG, the package and
# the dbt project (manifest precompiled). Data lives on a shared volume at /opt/mercato/data.
FROM python:3.11-slim-bookworm

ENV UV_VERSION=0.13.9 \
    UV_PROJECT_ENVIRONMENT=/opt/mercato/.venv \
    UV_LINK_MODE=copy \
    PATH=/opt/mercato/.venv/bin:$PATH \
    AIRFLOW_HOME=/opt/airflow \
    MERCATO_DATA_DIR=/opt/mercato/data \
    PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1

RUN pip install --no-cache-dir uv==${UV_VERSION} \
 && useradd --create-home --uid 50000 airflow \
 && mkdir -p /opt/mercato /opt/airflow /opt/mercato/data \
 && chown -R airflow /opt/mercato /opt/airflow

WORKDIR /opt/mercato
COPY --chown=airflow pyproject.toml uv.lock ./
USER airflow
RUN uv sync --frozen --no-dev --no-install-project
COPY --chown=airflow . .
# parsed with the env vars, profile and target the DAG gives dbt (see the Makefile), so the
# DAG's dbt tasks start from this partial parse instead of parsing the whole project
RUN uv sync --frozen --no-dev \
 && cd dbt_project && env $(python -c 'from extractors.warehouse import dbt_env; print(" ".join(f"{k}={v}" for k, v in dbt_env().items()))') \
    dbt parse --quiet --project-dir /opt/mercato/dbt_project --profiles-dir . --profile mercato --target dev

ENV AIRFLOW__CORE__DAGS_FOLDER=/opt/mercato/dags \
    AIRFLOW__CORE__LOAD_EXAMPLES=False
