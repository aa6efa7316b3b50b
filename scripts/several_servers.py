#!/usr/bin/env python3
"""Two server processes on one PostgreSQL database behave as one.

Starts two servers on a new database (and one shared data directory, as the
README asks), then runs a whole round through both at once, each person's
requests going to one server and the next alternately: sign-ups and
sign-ins, profiles and dossiers, uploads, screening, score sheets, council
votes, the decision and the publication. It then checks in the database
that nothing was lost or doubled, that a file uploaded through one server is
served by the other, that signing out through one ends the session on the
other, and that the public results page of the second server shows the
publication made through the first within the page-cache period.

Exits non-zero, naming what failed, on any difference. Run by scripts/test
(after the debug build); alone:

    python3 scripts/several_servers.py target/debug/tieubieu target/site postgres://postgres@127.0.0.1:5432/postgres
"""

import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

from tb_http import Client, enter_product, first_round, png

ENTRANTS = 6
JURORS = 3
COUNCIL = 3
CACHE_SECONDS = 3
PASSWORD = "mật khẩu dài an toàn"


class Roaming(Client):
    """One person whose requests go to each server in turn, with one
    cookie, as behind a load balancer without sticky sessions. Safe to use
    from several threads at once (each thread has its own connections)."""

    def __init__(self, bases, address):
        super().__init__(bases[0], address)
        self.bases = bases
        self.turn = 0
        self.lock = threading.Lock()
        self.local = threading.local()

    @property
    def sides(self):
        if not hasattr(self.local, "sides"):
            self.local.sides = [Client(base, self.address) for base in self.bases]
        return self.local.sides

    def request(self, method, path, body=None, headers=None):
        with self.lock:
            index = self.turn % len(self.bases)
            self.turn += 1
            cookie = self.cookie
        side = self.sides[index]
        side.cookie = cookie
        result = side.request(method, path, body, headers)
        with self.lock:
            if side.cookie != cookie:
                self.cookie = side.cookie
        return result


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sql(url, query):
    """Runs one query with psql and returns its rows (tab-separated)."""
    out = subprocess.run(["psql", "-X", "-qAt", "-F", "\t", url, "-c", query], check=True, capture_output=True,
                         text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def one(url, query):
    return sql(url, query)[0][0]


class Failures:
    def __init__(self):
        self.items = []

    def check(self, ok, what):
        status = "ok" if ok else "FAILED"
        print(f"  {status}: {what}", flush=True)
        if not ok:
            self.items.append(what)


def start(binary, site, url, data, port, log):
    env = dict(os.environ, DATABASE_URL=url, LEPTOS_SITE_ADDR=f"127.0.0.1:{port}", LEPTOS_SITE_ROOT=site,
               LEPTOS_OUTPUT_NAME="tieubieu", TIEUBIEU_DATA_DIR=data, TIEUBIEU_TRUST_PROXY="1",
               TIEUBIEU_PAGE_CACHE_SECONDS=str(CACHE_SECONDS), RUST_LOG="warn,tieubieu=info,app=info")
    process = subprocess.Popen([binary], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    probe = Client(base, "10.250.0.1")
    for _ in range(300):
        try:
            if probe.request("GET", "/healthz")[0] == 200:
                return process, base
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise SystemExit(f"the server on port {port} did not start; see {log.name}")


def main(binary, site, admin_url):
    name = f"tb_several_{uuid.uuid4().hex[:10]}"
    parsed = urllib.parse.urlparse(admin_url)
    url = urllib.parse.urlunparse(parsed._replace(path=f"/{name}"))
    sql(admin_url, f'CREATE DATABASE "{name}"')
    data = tempfile.mkdtemp(prefix="tb-several-")
    processes = []
    failures = Failures()
    try:
        logs = [open(os.path.join(data, f"server-{i}.log"), "w") for i in range(2)]
        first, base_a = start(binary, site, url, data, free_port(), logs[0])
        processes.append(first)
        # The setup link is printed by the server that creates it (the
        # first); the second finds the database ready.
        setup = None
        for _ in range(100):
            with open(logs[0].name) as f:
                for line in f:
                    if "/setup/" in line:
                        setup = line.split("/setup/", 1)[1].split()[0].strip("\"'")
            if setup:
                break
            time.sleep(0.1)
        second, base_b = start(binary, site, url, data, free_port(), logs[1])
        processes.append(second)
        bases = [base_a, base_b]
        print(f"two servers on one database: {base_a} and {base_b}", flush=True)
        run_round(bases, setup, url, failures)
    finally:
        for p in processes:
            p.terminate()
        for p in processes:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        if failures.items:
            for i in range(2):
                log = os.path.join(data, f"server-{i}.log")
                if os.path.exists(log):
                    print(f"--- last lines of server {i}'s log ---")
                    with open(log, errors="replace") as f:
                        print("".join(f.readlines()[-30:]))
        shutil.rmtree(data, ignore_errors=True)
        sql(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if failures.items:
        print(f"{len(failures.items)} checks failed: {failures.items}")
        sys.exit(1)
    print("two servers behaved as one")


def person(bases, n, name, email):
    c = Roaming(bases, f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}")
    c.ok("sign_up", [("name", name), ("email", email), ("phone", ""), ("password", PASSWORD),
                     ("password_confirm", PASSWORD)])
    return c


def current_user(client):
    status, _, data = client.call("current_user", [])
    return json.loads(data) if status == 200 else None


def new_round(bases, setup, jurors=JURORS, council=COUNCIL):
    """Completes the first-start setup, creates an open provincial round
    on the default sheet, and signs up its secretary, jurors and council
    members at once. Returns (admin, round id, secretary, jurors, council)."""
    admin = Roaming(bases, "10.255.0.1")
    round_id = first_round(admin, setup, "Bình chọn trên hai máy chủ", 50)
    groups = [g["id"] for g in json.loads(admin.ok("round_detail", [("round", round_id)])[1])["groups"]]

    def staff(args):
        n, label, email, role = args
        c = person(bases, n, label, email)
        fields = [("round", round_id), ("identifier", email), ("role", role)]
        if role == "juror":
            fields += [("groups[]", g) for g in groups]
        admin.ok("add_round_member", fields)
        return c

    people = [(1, "Trần Thư Ký", "thuky@sct.gov.vn", "secretary")]
    people += [(100 + j, f"Giám Khảo {j + 1}", f"gk{j}@sct.gov.vn", "juror") for j in range(jurors)]
    people += [(200 + m, f"Ủy Viên {m + 1}", f"uv{m}@sct.gov.vn", "council_member") for m in range(council)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        made = list(pool.map(staff, people))
    admin.ok("move_round", [("round", round_id), ("to", "open"), ("reason", "")])
    return admin, round_id, made[0], made[1:1 + jurors], made[1 + jurors:]


def enter_all(bases, round_id, entrants):
    """Entrants at once: profile, dossier, three photos and a PDF, submit.
    Returns the entries and, by entry, its entrant."""
    photos = [png(400, 300, seed) for seed in range(3)]
    text = "Sản phẩm làm thủ công từ nguyên liệu địa phương, đóng gói đạt chuẩn."
    uploaded = {}
    lock = threading.Lock()

    def enter(n):
        c = person(bases, 1000 + n, f"Chủ Cơ Sở {n}", f"coso{n}@example.vn")
        entry = enter_product(c, round_id, n, text, photos)
        with lock:
            uploaded[entry] = c
        return entry

    with concurrent.futures.ThreadPoolExecutor(max_workers=entrants) as pool:
        entries = list(pool.map(enter, range(entrants)))
    return entries, uploaded


def to_judging(secretary, round_id, entries, close_entries):
    """Closes entries (`close_entries` moves the deadline into the past in
    the database), accepts every entry at once and starts judging."""
    close_entries(int(time.time() * 1000) - 60_000)
    secretary.ok("move_round", [("round", round_id), ("to", "screening"), ("reason", "")])
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(entries)) as pool:
        list(pool.map(lambda e: secretary.ok("accept_entry", [("entry", e)]), entries))
    secretary.ok("move_round", [("round", round_id), ("to", "judging"), ("reason", "")])


def sheet_lines(juror, entry):
    """The keys and maxima (whole points) of the lines of an entry's sheet
    (the juror declares no tie first, as the sheet asks)."""
    juror.ok("declare", [("entry", entry), ("juror", ""), ("tie", "none"), ("note", "")])
    page = json.loads(juror.ok("sheet_page", [("entry", entry), ("juror", "")])[1])
    return [(line["key"], line["max"] // 100) for c in page["spec"]["criteria"] for line in c["lines"]]


def run_round(bases, setup, url, failures):
    admin, round_id, secretary, jurors, council = new_round(bases, setup)
    del admin
    entries, uploaded = enter_all(bases, round_id, ENTRANTS)
    lock = threading.Lock()
    failures.check(len(set(entries)) == ENTRANTS, f"{ENTRANTS} entries started and submitted")

    # Sessions live in the database: one person, signed in through one
    # server, signs out through the other.
    visitor = person(bases, 300, "Khách Tham Quan", "khach@example.vn")
    a, b = visitor.sides
    a.cookie = b.cookie = visitor.cookie
    failures.check((current_user(a) or {}).get("email") == "khach@example.vn"
                   and (current_user(b) or {}).get("email") == "khach@example.vn",
                   "a session made through one server is known to both")
    session = visitor.cookie
    b.ok("sign_out", [])
    a.cookie = session
    failures.check(not current_user(a), "signing out through one server ends the session on the other")
    signed = Client(bases[1], "10.0.1.44")
    signed.ok("sign_in", [("identifier", "khach@example.vn"), ("password", PASSWORD), ("next", "")])
    a.cookie = signed.cookie
    failures.check((current_user(a) or {}).get("email") == "khach@example.vn",
                   "a sign-in through one server is good on the other")

    # Every file stored once, and served by the server that did not take it.
    files = sql(url, "SELECT f.id, f.entry_id, f.kind FROM entry_files f ORDER BY f.id")
    failures.check(len(files) == ENTRANTS * 4, f"{ENTRANTS * 4} files recorded (found {len(files)})")
    served = 0
    for file_id, entry, _ in files:
        owner = uploaded[entry]
        for side in owner.sides:
            side.cookie = owner.cookie
            status, _, body = side.request("GET", f"/files/{file_id}")
            served += status == 200 and len(body) > 0
    failures.check(served == 2 * len(files), f"every file served by both servers ({served} of {2 * len(files)})")

    to_judging(secretary, round_id, entries,
               lambda at: sql(url, f"UPDATE rounds SET entries_close_at = {at} WHERE id = '{round_id}'"))

    # The jurors score every entry at once.
    lines = sheet_lines(jurors[0], entries[0])
    expected_totals = {}

    def score(j):
        c = jurors[j]
        for k, entry in enumerate(entries):
            c.ok("declare", [("entry", entry), ("juror", ""), ("tie", "none"), ("note", "")])
            points = [(key, most - (j + k) % 2) for key, most in lines]
            fields = [("entry", entry), ("juror", ""), ("version", "0"), ("intent", "submit"), ("comment", "")]
            fields += [(f"points[k{key}]", str(p)) for key, p in points]
            c.ok("save_sheet", fields)
            with lock:
                expected_totals[(j, entry)] = sum(p for _, p in points) * 100

    with concurrent.futures.ThreadPoolExecutor(max_workers=JURORS) as pool:
        list(pool.map(score, range(JURORS)))
    stored = sql(url, "SELECT u.email, s.entry_id, s.total_centi, s.state FROM score_sheets s "
                      "JOIN users u ON u.id = s.juror_id")
    by_key = {(int(email[2:].split("@")[0]), entry): (int(total), state) for email, entry, total, state in stored}
    failures.check(len(stored) == JURORS * ENTRANTS, f"{JURORS * ENTRANTS} sheets, none doubled (found {len(stored)})")
    failures.check(all(by_key.get(k) == (v, "submitted") for k, v in expected_totals.items()),
                   "every sheet holds exactly what its juror submitted")
    lines_stored = int(one(url, "SELECT COUNT(*) FROM score_lines"))
    failures.check(lines_stored == JURORS * ENTRANTS * len(lines), f"every line kept once ({lines_stored})")
    secretary.ok("move_round", [("round", round_id), ("to", "deliberation"), ("reason", "")])

    # The council votes at once, each member through both servers.
    def vote(m):
        for entry in entries:
            council[m].ok("cast_council_vote", [("entry", entry), ("recognise", "for"), ("nominate", "")])

    with concurrent.futures.ThreadPoolExecutor(max_workers=COUNCIL) as pool:
        list(pool.map(vote, range(COUNCIL)))
    votes = int(one(url, "SELECT COUNT(*) FROM council_votes"))
    failures.check(votes == COUNCIL * ENTRANTS, f"{COUNCIL * ENTRANTS} votes, none lost or doubled (found {votes})")

    # The decision, sent to both servers at once: one is recorded.
    today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600))
    fields = [("round", round_id), ("decision_number", "12/QĐ-UBND"), ("decided_on", today),
              ("signer", "Nguyễn Văn A"), ("issuer", "UBND tỉnh Đồng Nai")]
    deciders = []
    for base in bases:
        c = Client(base, "10.0.0.1")
        c.cookie = secretary.cookie
        deciders.append(c)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        statuses = [s for s, _, _ in pool.map(lambda c: c.call("record_decision", fields), deciders)]
    decisions = int(one(url, "SELECT COUNT(*) FROM decisions"))
    certificates = sql(url, "SELECT number FROM certificates ORDER BY number")
    failures.check(decisions == 1, f"one decision recorded from two at once (answers {statuses})")
    failures.check(len(certificates) == ENTRANTS and len({c[0] for c in certificates}) == ENTRANTS,
                   f"{ENTRANTS} certificates, each number once ({[c[0] for c in certificates]})")
    recorded = int(one(url, "SELECT COUNT(*) FROM audit_log WHERE action = 'council.decision_recorded'"))
    failures.check(recorded == 1, f"one decision in the audit log ({recorded})")

    # The home page of the second server, cached before, lists the round
    # published through the first within the cache period.
    public_b = Client(bases[1], "10.0.9.9")
    title = "Bình chọn trên hai máy chủ"
    before = [public_b.get("/") for _ in range(2)]
    cached = before[1][1].getheader("x-cache") == "hit"
    publisher = Client(bases[0], "10.0.0.1")
    publisher.cookie = secretary.cookie
    publisher.ok("move_round", [("round", round_id), ("to", "published"), ("reason", "")])
    published_at = time.monotonic()
    seen = None
    while time.monotonic() - published_at < CACHE_SECONDS + 5:
        status, _, body = public_b.get("/")
        if status == 200 and title in body.decode(errors="replace"):
            seen = time.monotonic() - published_at
            break
        time.sleep(0.2)
    failures.check(cached and title not in before[1][2].decode(errors="replace"),
                   "the second server's home page was cached without the round before publication")
    failures.check(seen is not None and seen <= CACHE_SECONDS + 1,
                   f"the second server lists the round published through the first within its {CACHE_SECONDS} s "
                   f"cache period ({'after %.1f s' % seen if seen is not None else 'never'})")
    status, _, body = Client(bases[1], "10.0.9.10").get(f"/results/{round_id}")
    failures.check(status == 200 and "Sản phẩm số 0" in body.decode(errors="replace"),
                   "the second server shows the published results")

if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
