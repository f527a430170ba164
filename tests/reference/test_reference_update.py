"""`mercato reference update` against a real HTTP server on 127.0.0.1: a good download lands
atomically with its record; a failed one (404, truncated gzip, server down) keeps the old copy."""
import gzip
import json
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from extractors.warehouse.serve import StaticSite
from extractors.tmref import download, players, refresh, settings
from tests.reference.conftest import ROWS, write_players



def _tables(directory, players_rows=ROWS):
    write_players(directory, players_rows)
    with gzip.open(directory / "clubs.csv.gz", "wt", encoding="utf-8") as f:
        f.write("club_id,club_code,name,domestic_competition_id,last_season\n506,juventus,Juventus FC,IT1,2025\n")
    with gzip.open(directory / "competitions.csv.gz", "wt", encoding="utf-8") as f:
        f.write("competition_id,name,type,country_name\nIT1,serie-a,domestic_league,Italy\n")
    return directory


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    _tables(root / "v2", ROWS[:5])                      # the "new" upstream vintage: 5 players
    trunc = _tables(root / "truncated")
    data = (trunc / "players.csv.gz").read_bytes()
    (trunc / "players.csv.gz").write_bytes(data[: len(data) // 2])
    bad = _tables(root / "html")
    (bad / "clubs.csv.gz").write_bytes(gzip.compress(b"<html>maintenance</html>\n"))
    _tables(root / "partial")
    (root / "partial" / "competitions.csv.gz").unlink()
    with StaticSite(root) as s:
        yield s


@pytest.fixture
def target(tmp_path, monkeypatch):
    d = tmp_path / "data" / "reference"
    monkeypatch.setenv("MERCATO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MERCATO_REFERENCE_DIR", raising=False)
    players.reset()
    yield d
    players.reset()


def _previous_copy(target):
    _tables(target)
    (target / download.MANIFEST).write_text(json.dumps({"downloaded_at": "2026-01-01T00:00:00+00:00"}))
    return {p.name: p.read_bytes() for p in target.iterdir()}


def test_download_lands_tables_and_record(site, target):
    got = download.update(base_url=f"{site.url}/v2")
    assert got.directory == target
    assert sorted(p.name for p in target.iterdir() if not p.name.startswith(".")) == [
        "clubs.csv.gz", "competitions.csv.gz", "download.json", "players.csv.gz"]
    record = json.loads((target / "download.json").read_text())
    assert record["base_url"] == f"{site.url}/v2" and record["tables"]["players.csv.gz"]["rows"] == 5
    assert abs(datetime.fromisoformat(record["downloaded_at"]) - datetime.now(timezone.utc)) < timedelta(minutes=1)
    assert settings.reference_dir() == target
    assert len(players.reference().players) == 5
    assert not list(target.glob(".incoming-*"))


@pytest.mark.parametrize("case, needle", [
    ("missing", "HTTP 404"), ("truncated", "not a complete gzip"), ("html", "unexpected header"),
    ("partial", "competitions.csv.gz: HTTP 404")])
def test_failed_download_keeps_the_previous_copy(site, target, case, needle):
    before = _previous_copy(target)
    with pytest.raises(download.ReferenceDownloadError, match=needle):
        download.update(base_url=f"{site.url}/{case}")
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_server_down_keeps_the_previous_copy(target):
    before = _previous_copy(target)
    with socket.socket() as s:                  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(download.ReferenceDownloadError, match="ConnectionError"):
        download.update(base_url=f"http://127.0.0.1:{port}")
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_cli_reports_failure_with_non_zero_exit(site, target):
    before = _previous_copy(target)
    env = {"MERCATO_DATA_DIR": str(target.parent), "PATH": "/usr/bin:/bin", "NO_PROXY": "127.0.0.1"}
    cmd = [sys.executable, "-m", "extractors.cli", "reference", "update", "--url", f"{site.url}/truncated"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "reference update failed, the previous copy is kept" in proc.stderr
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    ok = subprocess.run(cmd[:-1] + [f"{site.url}/v2"], env=env, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["tables"]["players.csv.gz"]["rows"] == 5


def test_refresh_only_when_older_than_a_week(site, target, monkeypatch):
    monkeypatch.setenv("MERCATO_REFERENCE_URL", f"{site.url}/v2")
    first = refresh.refresh_if_stale()
    assert first["action"] == "downloaded"
    assert refresh.refresh_if_stale()["action"] == "kept"
    record = json.loads((target / "download.json").read_text())
    record["downloaded_at"] = (datetime.now(timezone.utc) - timedelta(days=8)).isoformat()
    (target / "download.json").write_text(json.dumps(record))
    monkeypatch.setenv("MERCATO_REFERENCE_URL", f"{site.url}/truncated")
    failed = refresh.refresh_if_stale()
    assert failed["action"] == "failed" and "last good copy" in failed["message"]
    assert failed["directory"] == str(target) and len(players.reference().players) == 5


def test_refresh_without_any_copy_says_so(site, target, monkeypatch):
    monkeypatch.setenv("MERCATO_REFERENCE_DIR", str(target))       # no shared snapshot fallback
    monkeypatch.setenv("MERCATO_REFERENCE_URL", f"{site.url}/missing")
    out = refresh.refresh_if_stale()
    assert out["action"] == "failed" and "no reference" in out["message"]
    assert settings.reference_dir() is None


def test_refresh_leaves_a_hand_placed_snapshot_alone(site, target, monkeypatch):
    write_players(target)
    monkeypatch.setenv("MERCATO_REFERENCE_URL", f"{site.url}/v2")
    assert refresh.refresh_if_stale()["action"] == "kept"
    assert len(players.reference().players) == len(ROWS)
