#!/usr/bin/env python3
"""A round at real size, seeded through the server functions as people
would: the entries deadline storm (entrants signing up, filling the
dossier, uploading three photos and a PDF and submitting, many at once),
screening, fifteen jurors scoring every entry on a 20-line sheet, then the
pages and functions that read the whole round, one council vote, and the
council voting all at once. Prints what each step took, the statements
each page cost (from the server's statement log) and the server's memory;
asserts nothing.

Run by scripts/bench_scale, which starts a release server with
TIEUBIEU_TRUST_PROXY=1 (each simulated person comes from an address of
their own, as they would), the page cache off and statements logged.

Usage: bench_scale.py BASE SETUP_LINK DB_PATH LOG_PATH SERVER_PID [ENTRANTS]
"""

import concurrent.futures
import json
import os
import random
import sqlite3
import statistics
import sys
import threading
import time

from tb_http import Client, enter_product, first_round, person, png

JURORS = 15
COUNCIL = 5
LINES_PER_CRITERION = 5


class Memory(threading.Thread):
    """Samples the server's resident memory every 100 ms."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def now(self, field="VmRSS"):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) // 1024
        return 0

    def run(self):
        while self.running:
            self.peak = max(self.peak, self.now())
            time.sleep(0.1)


def statements(log_path):
    with open(log_path, errors="replace") as f:
        return sum(1 for line in f if "sqlx::query" in line)


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(f):
    started = time.perf_counter()
    result = f()
    return (time.perf_counter() - started) * 1000, result


def main(base, setup, db_path, log_path, pid, entrants):
    memory = Memory(pid)
    memory.start()
    admin = Client(base, "10.255.0.1")
    round_id = first_round(admin, setup.rsplit("/", 1)[1], "Bình chọn quy mô thật 2026", 70)
    detail = json.loads(admin.ok("round_detail", [("round", round_id)])[1])
    group = detail["groups"][0]
    # Five sub-criteria under each criterion of group 1: a 20-line sheet.
    for criterion in group["criteria"]:
        most = criterion["max"] // 100
        shares = [most // LINES_PER_CRITERION] * LINES_PER_CRITERION
        shares[0] += most - sum(shares)
        fields = [("round", round_id), ("criterion", criterion["id"]), ("group", group["id"])]
        for i, share in enumerate(shares):
            fields += [(f"rows[{i}][name_vi]", f"Tiêu chí con {criterion['number']}.{i + 1}"), (f"rows[{i}][name_en]", ""),
                       (f"rows[{i}][max]", str(share)), (f"rows[{i}][guidance]", "")]
        admin.ok("save_sub_criteria", fields)

    secretary = person(base, 1, "Trần Thư Ký", "thuky@sct.gov.vn")
    admin.ok("add_round_member", [("round", round_id), ("identifier", "thuky@sct.gov.vn"), ("role", "secretary")])
    jurors, council = [], []
    for j in range(JURORS):
        jurors.append(person(base, 100 + j, f"Giám Khảo {j + 1}", f"gk{j}@sct.gov.vn"))
        admin.ok("add_round_member", [("round", round_id), ("identifier", f"gk{j}@sct.gov.vn"), ("role", "juror"),
                                      ("groups[]", group["id"])])
    for m in range(COUNCIL):
        council.append(person(base, 200 + m, f"Ủy Viên {m + 1}", f"uv{m}@sct.gov.vn"))
        admin.ok("add_round_member", [("round", round_id), ("identifier", f"uv{m}@sct.gov.vn"),
                                      ("role", "council_member")])
    admin.ok("move_round", [("round", round_id), ("to", "open"), ("reason", "")])

    # The deadline storm.
    photos = [png(1600, 1200, seed) for seed in range(3)]
    upload_ms, failures = [], []
    lock = threading.Lock()
    text = "Sản phẩm làm thủ công từ nguyên liệu địa phương, đóng gói đạt chuẩn; 5.000 sản phẩm mỗi năm. " * 3

    def enter(n):
        try:
            c = person(base, 1000 + n, f"Chủ Cơ Sở {n}", f"coso{n}@example.vn")

            def uploaded(ms):
                with lock:
                    upload_ms.append(ms)

            return enter_product(c, round_id, n, text, photos, uploaded)
        except Exception as e:  # noqa: BLE001 — counted and shown, never hidden
            with lock:
                failures.append(str(e)[:200])
            return None

    storm_started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        entries = [e for e in pool.map(enter, range(entrants)) if e]
    storm_s = time.perf_counter() - storm_started
    print(f"storm: {len(entries)} entries in {storm_s:.0f} s; {len(failures)} failed", file=sys.stderr)
    for f in failures[:3]:
        print(f"  {f}", file=sys.stderr)
    storm_peak = memory.peak
    time.sleep(int(os.environ.get("BENCH_REST_SECONDS", "30")))
    after_storm = memory.now()

    with sqlite3.connect(db_path, timeout=30) as db:
        db.execute("UPDATE rounds SET entries_close_at = ? WHERE id = ?", (int(time.time() * 1000) - 60_000, round_id))
        complete = db.execute("SELECT COUNT(*) FROM entries WHERE round_id = ? AND state = 'submitted'",
                              (round_id,)).fetchone()[0]
    secretary.ok("move_round", [("round", round_id), ("to", "screening"), ("reason", "")])

    rows = []

    def measure(label, f, times=5):
        """Median time over `times` quiet runs, and the statements of one."""
        before = statements(log_path)
        ms, (status, _, data) = timed(f)
        time.sleep(0.3)
        count = statements(log_path) - before
        if status >= 400:
            print(f"{label}: {status} {data[:200]!r}", file=sys.stderr)
        samples = [ms] + [timed(f)[0] for _ in range(times - 1)]
        rows.append((label, statistics.median(samples), count))

    measure("screening list (screening_list)", lambda: secretary.call("screening_list", [("round", round_id)]))
    measure("screening page", lambda: secretary.get(f"/rounds/{round_id}/screening"))
    for entry in entries:
        secretary.ok("accept_entry", [("entry", entry)])
    secretary.ok("move_round", [("round", round_id), ("to", "judging"), ("reason", "")])

    # Every juror scores every entry on the 20-line sheet.
    jurors[0].ok("declare", [("entry", entries[0]), ("juror", ""), ("tie", "none"), ("note", "")])
    page = json.loads(jurors[0].ok("sheet_page", [("entry", entries[0]), ("juror", "")])[1])
    keys = [line["key"] for c in page["spec"]["criteria"] for line in c["lines"]]
    maxima = [line["max"] // 100 for c in page["spec"]["criteria"] for line in c["lines"]]
    measure("juror's sheet page", lambda: jurors[0].get(f"/entries/{entries[0]}/sheet"))
    sheet_ms = []

    def score_all(j):
        c = jurors[j]
        rng = random.Random(j)
        for entry in entries:
            c.ok("declare", [("entry", entry), ("juror", ""), ("tie", "none"), ("note", "")])
            fields = [("entry", entry), ("juror", ""), ("version", "0"), ("intent", "submit"), ("comment", "")]
            fields += [(f"points[k{k}]", str(max(0, m - rng.choice([0, 0, 1])))) for k, m in zip(keys, maxima)]
            ms, _ = timed(lambda: c.ok("save_sheet", fields))
            with lock:
                sheet_ms.append(ms)

    scoring_started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=JURORS) as pool:
        list(pool.map(score_all, range(JURORS)))
    scoring_s = time.perf_counter() - scoring_started
    measure("jury board (jury_board)", lambda: secretary.call("jury_board", [("round", round_id)]))
    secretary.ok("move_round", [("round", round_id), ("to", "deliberation"), ("reason", "")])

    measure("jury's report (jury_report)", lambda: secretary.call("jury_report", [("round", round_id)]))
    measure("/rounds/:id/report", lambda: secretary.get(f"/rounds/{round_id}/report"))
    measure("report.xlsx", lambda: secretary.get(f"/rounds/{round_id}/report.xlsx"))
    measure("council page (council_page)", lambda: council[0].call("council_page", [("round", round_id)]))
    measure("/rounds/:id/council", lambda: council[0].get(f"/rounds/{round_id}/council"))
    measure("one council vote (cast_council_vote)", lambda: council[0].call(
        "cast_council_vote", [("entry", entries[0]), ("recognise", "for"), ("nominate", "")]))

    # The council votes all at once: each member on the first 150 entries.
    vote_ms, vote_errors = [], []

    def vote_all(m):
        c = council[m]
        for entry in entries[:150]:
            ms, (status, _, data) = timed(lambda: c.call(
                "cast_council_vote", [("entry", entry), ("recognise", "for"), ("nominate", "against")]))
            with lock:
                vote_ms.append(ms)
                if status != 200:
                    vote_errors.append(f"{status} {data[:120]!r}")

    votes_started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=COUNCIL) as pool:
        list(pool.map(vote_all, range(COUNCIL)))
    votes_s = time.perf_counter() - votes_started
    memory.running = False

    print(f"\nA round of {len(entries)} entries, {JURORS} jurors, {len(keys)} lines a sheet, a council of {COUNCIL} "
          f"(SQLite, release build, page cache off; load generator on the same machine)\n")
    print(f"{'what':44} {'median ms':>10} {'statements':>11}")
    for label, ms, count in rows:
        print(f"{label:44} {ms:10.1f} {count:11d}")
    print(f"\ndeadline storm: {entrants} entrants x (sign-up, profile, dossier, 3 photos of 1600x1200, 1 PDF, submit), "
          f"50 clients: {storm_s:.0f} s, {len(failures)} failed, {complete} entries complete in the database")
    print(f"  answered 503 busy (Retry-After, then retried): {Client.busy} times")
    print(f"  photo upload (with any waits): p50 {percentile(upload_ms, 50):.0f} ms, p99 {percentile(upload_ms, 99):.0f} ms")
    print(f"  server resident memory: peak {storm_peak} MB, {after_storm} MB thirty seconds later")
    for f in failures[:5]:
        print(f"  failure: {f}")
    print(f"scoring: {len(sheet_ms)} sheets by {JURORS} jurors at once in {scoring_s:.0f} s, "
          f"save p50 {percentile(sheet_ms, 50):.0f} ms, p99 {percentile(sheet_ms, 99):.0f} ms")
    print(f"council voting at once: {len(vote_ms)} votes by {COUNCIL} members in {votes_s:.1f} s, "
          f"{len(vote_errors)} errors, p50 {percentile(vote_ms, 50):.0f} ms, p99 {percentile(vote_ms, 99):.0f} ms")
    for e in vote_errors[:5]:
        print(f"  error: {e}")
    print(f"server resident memory at the end: {memory.now()} MB (peak over the run {memory.peak} MB)")
    time.sleep(60)
    print(f"server resident memory at rest, a minute later: {memory.now()} MB "
          f"({memory.now('RssAnon')} MB allocated, {memory.now('RssFile')} MB of the program's own file mapped)")
    with open(log_path, errors="replace") as f:
        stalls = sum(1 for line in f if "page rendering stalled" in line)
    print(f"page renderings taken for stalled (and rendered again): {stalls}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], args[1], args[2], args[3], int(args[4]), int(args[5]) if len(args) > 5 else 250)
