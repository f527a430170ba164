"""The DAG's reference step: refresh the transfermarkt reference when it is older than a week.

Never fails the run: a failed download keeps the last good copy (or none) and says so. A copy
placed by hand (a players table without download.json, e.g. a read-only snapshot) is left alone.
"""
from __future__ import annotations

import logging

from . import download, settings

log = logging.getLogger(__name__)
MAX_AGE_DAYS = 7.0


def refresh_if_stale(max_age_days: float = MAX_AGE_DAYS) -> dict:
    """Download when our copy is missing or older than `max_age_days`; a summary for the log."""
    target = settings.target_dir()
    age = download.age_days(target)
    if age is None and (target / settings.PLAYERS).is_file():
        msg = f"transfermarkt reference in {target} was not downloaded by mercato (no {download.MANIFEST}): kept"
        log.info(msg)
        return {"action": "kept", "directory": str(target), "age_days": None, "message": msg}
    if age is not None and age < max_age_days:
        msg = f"transfermarkt reference is {age:.1f} days old (< {max_age_days:g}): kept"
        log.info(msg)
        return {"action": "kept", "directory": str(target), "age_days": round(age, 2), "message": msg}
    try:
        got = download.update(target)
    except download.ReferenceDownloadError as e:
        current = settings.reference_dir()
        using = f"the last good copy in {current}" if current else "no reference (players stay unlinked)"
        msg = f"transfermarkt reference download failed ({e}); the run goes on with {using}"
        log.warning(msg)
        return {"action": "failed", "directory": str(current) if current else None, "error": str(e),
                "message": msg}
    msg = f"transfermarkt reference downloaded to {got.directory} at {got.downloaded_at}"
    log.info(msg)
    return {"action": "downloaded", "directory": str(got.directory), "downloaded_at": got.downloaded_at,
            "message": msg}
