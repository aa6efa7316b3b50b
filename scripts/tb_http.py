"""What the scripts that drive a running server share: one person's
browser (a kept-alive connection, their cookie and their address), and
photo-like files to upload. Used by bench_scale.py, several_servers.py and
kill_during_writes.py."""

import http.client
import json
import random
import struct
import threading
import time
import urllib.parse
import zlib


class Client:
    """One person's browser: a kept-alive connection, their cookie and
    their address."""

    def __init__(self, base, address):
        url = urllib.parse.urlparse(base)
        self.host, self.port, self.origin = url.hostname, url.port, base
        self.address = address
        self.cookie = None
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        headers.setdefault("Origin", self.origin)
        headers["X-Forwarded-For"] = self.address
        if self.cookie:
            headers["Cookie"] = self.cookie
        for attempt in range(3):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=300)
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                for name, value in response.getheaders():
                    if name.lower() == "set-cookie" and "tb_session=" in value:
                        self.cookie = value.split(";", 1)[0]
                if response.getheader("connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return response.status, response, data
            except (http.client.HTTPException, ConnectionError, OSError):
                if self.conn:
                    self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
                time.sleep(0.2)

    busy = 0
    busy_lock = threading.Lock()

    def call(self, name, fields):
        body = urllib.parse.urlencode(fields)
        return self.patiently(lambda: self.request("POST", f"/api/{name}", body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}))

    @staticmethod
    def patiently(send):
        """Sends; told the server is busy (503), waits the Retry-After it
        names and sends again, as the page asks a person to do (the retries
        are counted)."""
        for _ in range(20):
            status, response, data = send()
            if status != 503:
                break
            with Client.busy_lock:
                Client.busy += 1
            time.sleep(float(response.getheader("retry-after") or "1"))
        return status, response, data

    def ok(self, name, fields):
        status, response, data = self.call(name, fields)
        if status >= 400:
            raise RuntimeError(f"{name}: {status} {data[:300]!r}")
        return response, data

    def get(self, path):
        return self.request("GET", path, headers={"Accept": "text/html"})

    def upload(self, entry, kind, filename, mime, content):
        return self.patiently(lambda: self.upload_once(entry, kind, filename, mime, content))

    def upload_once(self, entry, kind, filename, mime, content):
        boundary = "----tieubieu-bench"
        parts = [
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n".encode(),
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
            f"Content-Type: {mime}\r\n\r\n".encode() + content + b"\r\n",
            f"--{boundary}--\r\n".encode(),
        ]
        return self.request("POST", f"/entries/{entry}/files", b"".join(parts), {
            "Content-Type": f"multipart/form-data; boundary={boundary}", "Accept": "application/json"})


def location(response):
    return response.getheader("location") or ""


def png(width, height, seed):
    """A photo-like PNG: noise that does not compress, as a phone's photo
    does not."""
    rng = random.Random(seed)
    row = bytes(rng.getrandbits(8) for _ in range(width * 3))
    raw = b"".join(b"\x00" + row[i % 7:] + row[:i % 7] for i in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def person(base, n, name, email):
    c = Client(base, f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}")
    c.ok("sign_up", [("name", name), ("email", email), ("phone", ""), ("password", "mật khẩu dài an toàn"),
                     ("password_confirm", "mật khẩu dài an toàn")])
    return c




def first_round(admin, token, title, threshold):
    """As the first administrator: completes the setup with `token`, adds
    the Đồng Nai province and creates a provincial round in draft on the
    default sheet, open for entries from 2020 to 2099. Returns its id."""
    admin.ok("complete_setup", [
        ("token", token), ("name", "Quản Trị Viên"), ("email", "admin@sct.gov.vn"), ("phone", ""),
        ("password", "quản trị an toàn"), ("password_confirm", "quản trị an toàn")])
    geography = json.loads(admin.ok("list_geography", [])[1])
    province = next(level["id"] for level in geography["levels"] if level["rank"] == 2)
    admin.ok("save_territory", [("level", province), ("name_vi", "Đồng Nai"), ("name_en", "")])
    geography = json.loads(admin.ok("list_geography", [])[1])
    territory = next(t["id"] for t in geography["territories"] if t["name_vi"] == "Đồng Nai")
    response, _ = admin.ok("create_round", [
        ("level", province), ("territory", territory), ("parent_round", ""), ("copy_from", ""),
        ("title", title), ("year", "2026"),
        ("entries_open", "2020-01-01T08:00"), ("entries_close", "2099-06-30T17:00"),
        ("judging_close", "2099-08-31T17:00"), ("threshold", str(threshold)), ("quorum_percent", "50"),
        ("majority_percent", "50"), ("certificate_pattern", "{seq}/{year}/GCN-CNNT"), ("score_step", "0,5"),
        ("spread_flag", "20")])
    return location(response).rsplit("/", 1)[1]


def enter_product(c, round_id, n, text, photos, photo_uploaded=None):
    """As entrant number `n`, signed in as `c`: fills the business profile,
    starts an entry in the round, fills the dossier with `text`, uploads
    `photos` (PNG bytes) and a PDF, and submits. `photo_uploaded` is
    called with each photo upload's milliseconds. Returns the entry's id;
    raises on any refusal."""
    c.ok("save_business", [
        ("business_name", f"Cơ sở sản xuất số {n}"), ("legal_form", "household"),
        ("registration_number", f"47A8{n:06d}"), ("tax_code", ""), ("province", "Đồng Nai"),
        ("commune", "Phường Tân Vạn"), ("street", f"{n} Bùi Hữu Nghĩa"), ("representative", f"Chủ Cơ Sở {n}"),
        ("position", "Chủ hộ"), ("business_phone", "0912345678"), ("business_email", "")])
    response, _ = c.ok("start_entry", [("round", round_id)])
    entry = location(response).rsplit("/", 1)[1]
    c.ok("save_entry", [("entry", entry), ("version", "1"), ("product_name", f"Sản phẩm số {n}"),
                        ("set_items", ""), ("group", "1")] + [(f, text) for f in (
        "description", "materials", "process", "capacity", "markets", "workers", "environment", "culture")]
        + [("standards", ""), ("awards", "")])
    for i, photo in enumerate(photos):
        started = time.perf_counter()
        status, _, data = c.upload(entry, "photo", f"ảnh {i}.png", "image/png", photo)
        if photo_uploaded:
            photo_uploaded((time.perf_counter() - started) * 1000)
        if status >= 400:
            raise RuntimeError(f"photo: {status} {data[:200]!r}")
    status, _, data = c.upload(entry, "registration", "đăng ký.pdf", "application/pdf", PDF)
    if status >= 400:
        raise RuntimeError(f"pdf: {status} {data[:200]!r}")
    c.ok("submit_entry", [("entry", entry)])
    return entry
