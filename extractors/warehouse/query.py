"""Read the published warehouse: analysts' SQL (read-only) and a plain-text table."""
from __future__ import annotations

from typing import Any, Sequence

from extractors import config
from extractors.warehouse.dbt import WarehouseError, _paths


class QueryError(WarehouseError):
    """An analyst's SQL failed on the published warehouse (DuckDB's message)."""


def query(sql: str, paths: config.Paths | None = None) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` on the published warehouse (opened read-only); returns
    (column names, rows). Raises :class:`QueryError` with DuckDB's message
    when the SQL fails."""
    import duckdb

    db = _paths(paths).published_db
    if not db.exists():
        raise WarehouseError(f"no published warehouse at {db}: run build() and publish() first")
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        columns = [d[0] for d in (cur.description or [])]
        rows = cur.fetchall() if cur.description else []
    except duckdb.Error as err:   # the analyst's SQL, not a pipeline failure
        raise QueryError(str(err).strip()) from None
    finally:
        con.close()
    return columns, rows


def _cell(value: Any, width: int) -> str:
    if value is None:
        text = "NULL"
    elif isinstance(value, float):
        text = f"{value:,.2f}" if abs(value) >= 1000 else f"{value:g}"
    elif isinstance(value, (list, tuple)):
        text = ", ".join("NULL" if v is None else str(v) for v in value)
    else:
        text = str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> str:
    """A plain-text table: header, rule, one line per row; numbers right-aligned,
    NULL for missing values, long cells cut at ``max_width`` characters."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [len(c) for c in columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    numeric = [
        bool(rows) and all(isinstance(r[i], (int, float)) or r[i] is None for r in rows)
        and any(r[i] is not None for r in rows)
        for i in range(len(columns))
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(list(columns)), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
