"""The Airflow operator of one dbt model or seed (extractors.orchestration.dbt_nodes)."""
from __future__ import annotations

from airflow.sdk import BaseOperator

from extractors.orchestration import dbt_nodes


class DbtNodeOperator(BaseOperator):
    """Reports one node of the run's `dbt build` (the XCom of ``build_task_id``); on a retry or a
    clear (try 2 and later) builds the node again with its data tests instead."""

    ui_color = "#ffe4d6"

    def __init__(self, *, node: dbt_nodes.DbtNode, build_task_id: str, **kwargs):
        super().__init__(**kwargs)
        self.node = node
        self.build_task_id = build_task_id

    def execute(self, context) -> None:          # returns nothing: no XCom per node
        ti = context["ti"]
        if ti.try_number > 1:
            self.log.info("%s", dbt_nodes.rebuild(self.node))
        else:
            self.log.info("%s", dbt_nodes.report(self.node, ti.xcom_pull(task_ids=self.build_task_id) or {}))
