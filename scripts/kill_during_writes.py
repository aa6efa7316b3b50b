#!/usr/bin/env python3
"""Kill -9 of the server during 50 concurrent score-sheet submissions
loses no acknowledged write.

Starts a server on a new database (SQLite in a new data directory, or a new
PostgreSQL database), runs a round to judging (10 entries, 5 jurors), then
has the 5 jurors submit their 50 sheets at once and kills the server with
SIGKILL once about half of them have been answered. It restarts the server
on the same database and checks that every sheet whose submission was
answered 200 is there, submitted, with exactly the points sent, and that a
sheet whose answer never came is either absent or complete (never half
written). Exits non-zero, naming what failed.

Run by scripts/test (after the debug build) on both databases; alone:

    python3 scripts/kill_during_writes.py target/debug/tieubieu target/site sqlite
    python3 scripts/kill_during_writes.py target/debug/tieubieu target/site postgres://postgres@127.0.0.1:5432/postgres
"""

import concurrent.futures
import http.client
import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import urllib.parse
import uuid

from tb_http import Client
from several_servers import Failures, enter_all, free_port, new_round, sheet_lines, sql, start, to_judging

ENTRIES = 10
JURORS = 5


def main(binary, site, database):
    data = tempfile.mkdtemp(prefix="tb-kill-")
    postgres = database.startswith("postgres")
    if postgres:
        name = f"tb_kill_{uuid.uuid4().hex[:10]}"
        url = urllib.parse.urlunparse(urllib.parse.urlparse(database)._replace(path=f"/{name}"))
        sql(database, f'CREATE DATABASE "{name}"')
    else:
        url = f"sqlite://{os.path.join(data, 'tieubieu.db')}?mode=rwc"

    def query(text):
        if postgres:
            return sql(url, text)
        with sqlite3.connect(os.path.join(data, "tieubieu.db"), timeout=30) as db:
            return [list(map(str, row)) for row in db.execute(text).fetchall()]

    failures = Failures()
    log = open(os.path.join(data, "server.log"), "a")
    port = free_port()
    server = None
    try:
        server, base = start(binary, site, url, data, port, log)
        setup = None
        with open(log.name) as f:
            for line in f:
                if "/setup/" in line:
                    setup = line.split("/setup/", 1)[1].split()[0].strip("\"'")
        _, round_id, secretary, jurors, _ = new_round([base], setup, jurors=JURORS, council=1)
        entries, _ = enter_all([base], round_id, ENTRIES)
        to_judging(secretary, round_id, entries,
                   lambda at: query(f"UPDATE rounds SET entries_close_at = {at} WHERE id = '{round_id}'"))
        lines = sheet_lines(jurors[0], entries[0])
        for juror in jurors:
            for entry in entries:
                juror.ok("declare", [("entry", entry), ("juror", ""), ("tie", "none"), ("note", "")])

        acknowledged, sent = {}, {}
        lock = threading.Lock()
        answered = threading.Event()

        # Each submission has a connection of its own, with its juror's
        # cookie, so all fifty are in flight at once.
        def submit(job):
            j, k = job
            client = Client(base, f"10.1.{j}.{k + 1}")
            client.cookie = jurors[j].cookie
            points = {key: most - (j + k) % 3 for key, most in lines}
            fields = [("entry", entries[k]), ("juror", ""), ("version", "0"), ("intent", "submit"), ("comment", "")]
            fields += [(f"points[k{key}]", str(p)) for key, p in points.items()]
            with lock:
                sent[job] = points
            try:
                status, _, _ = client.request("POST", "/api/save_sheet", urllib.parse.urlencode(fields), {
                    "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
            except (OSError, http.client.HTTPException):
                return  # the server was killed before it answered
            with lock:
                if status == 200:
                    acknowledged[job] = points
                if len(acknowledged) >= JURORS * ENTRIES // 2:
                    answered.set()

        jobs = [(j, k) for j in range(JURORS) for k in range(ENTRIES)]
        killer = threading.Thread(target=lambda: (answered.wait(60), os.kill(server.pid, signal.SIGKILL)))
        killer.start()
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            list(pool.map(submit, jobs))
        killer.join()
        server.wait()
        print(f"killed the server with {len(acknowledged)} of {len(jobs)} submissions acknowledged", flush=True)

        server, base = start(binary, site, url, data, port, log)
        rows = query("SELECT u.email, s.entry_id, s.state, s.total_centi, s.id FROM score_sheets s "
                     "JOIN users u ON u.id = s.juror_id")
        stored = {}
        for email, entry, state, total, sheet in rows:
            stored[(int(email[2:].split("@")[0]), entries.index(entry))] = (state, int(total), sheet)
        line_rows = query("SELECT sheet_id, line_key, points_centi FROM score_lines")
        points_of = {}
        for sheet, key, points in line_rows:
            points_of.setdefault(sheet, {})[key] = int(points) // 100
        print(f"after the restart: {len(stored)} sheets stored ({len(acknowledged)} acknowledged, "
              f"{len(stored) - len([j for j in acknowledged if j in stored])} more committed without an answer)",
              flush=True)
        lost = [job for job in acknowledged if job not in stored]
        failures.check(not lost, f"every acknowledged sheet is in the database after the restart (lost: {lost})")
        wrong = [job for job, points in acknowledged.items() if job in stored and (
            stored[job][0] != "submitted" or points_of.get(stored[job][2]) != points)]
        failures.check(not wrong, f"each holds exactly the points sent, submitted (wrong: {wrong})")
        torn = [job for job, (state, total, sheet) in stored.items()
                if points_of.get(sheet) != sent.get(job) or sum(sent.get(job, {}).values()) * 100 != total]
        failures.check(not torn, f"no sheet is half written (torn: {torn})")
        failures.check(len(acknowledged) < len(jobs), "the kill came before every submission was answered")
    finally:
        if server and server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
        if failures.items:
            with open(log.name, errors="replace") as f:
                print("--- last lines of the server's log ---")
                print("".join(f.readlines()[-30:]))
        shutil.rmtree(data, ignore_errors=True)
        if postgres:
            sql(database, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if failures.items:
        print(f"{len(failures.items)} checks failed: {failures.items}")
        sys.exit(1)
    print(f"no acknowledged write lost ({'PostgreSQL' if postgres else 'SQLite'})")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
