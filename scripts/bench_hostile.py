#!/usr/bin/env python3
"""Hostile requests against a running Tiêu biểu server, with the server's
resident memory sampled all along and /healthz timed meanwhile.

Usage: bench_hostile.py BASE_URL SERVER_PID SETUP_LINK

Seeds an open round with an entrant's draft entry (bench_seed.py), then,
one case after the other:
  1. a photo upload of a 12000 x 11000 single-colour PNG (a few hundred KB
     on the wire, 132 megapixels decoded);
  2. a chunked upload whose `kind` text field is 300 MB;
  3. 20 password resets with made-up tokens at once;
and prints, for each, the answer, the time taken, the server's peak
resident memory and the slowest /healthz answer while it ran. It prints
figures and asserts nothing.
"""

import http.client
import json
import struct
import sys
import threading
import time
import urllib.parse
import zlib

import bench_seed

BASE = sys.argv[1].rstrip("/")
PID = int(sys.argv[2])
HOST = urllib.parse.urlparse(BASE).netloc


def rss_mb():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Watch:
    """Samples the server's memory every 20 ms and /healthz every 100 ms."""

    def __init__(self):
        self.peak = rss_mb()
        self.slowest = 0.0
        self.running = True
        self.threads = [threading.Thread(target=self.memory), threading.Thread(target=self.health)]
        for t in self.threads:
            t.start()

    def memory(self):
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.02)

    def health(self):
        while self.running:
            started = time.monotonic()
            try:
                conn = http.client.HTTPConnection(HOST, timeout=10)
                conn.request("GET", "/healthz")
                conn.getresponse().read()
                conn.close()
            except OSError:
                pass
            self.slowest = max(self.slowest, time.monotonic() - started)
            time.sleep(0.1)

    def stop(self):
        self.running = False
        for t in self.threads:
            t.join()


def call(name, fields, cookie=None):
    body = urllib.parse.urlencode(fields)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "Origin": BASE,
    }
    if cookie:
        headers["Cookie"] = cookie
    conn = http.client.HTTPConnection(HOST, timeout=120)
    conn.request("POST", f"/api/{name}", body, headers)
    response = conn.getresponse()
    data = response.read()
    cookies = [v for k, v in response.getheaders() if k.lower() == "set-cookie"]
    location = response.getheader("location")
    conn.close()
    return response.status, data, cookies, location


def huge_png(width=12000, height=11000):
    """A single-colour greyscale PNG, compressed row by row."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xc8" * width
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def multipart_upload(entry, cookie, parts, chunked):
    boundary = "----tieubieu-bench"
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Accept": "application/json",
        "Origin": BASE,
        "Cookie": cookie,
    }
    conn = http.client.HTTPConnection(HOST, timeout=600)
    try:
        if chunked:
            conn.request("POST", f"/entries/{entry}/files", parts(boundary), headers, encode_chunked=True)
        else:
            body = b"".join(parts(boundary))
            conn.request("POST", f"/entries/{entry}/files", body, headers)
    except OSError:
        # The server answered and closed before the body was all sent (it
        # refused what it had read): its answer may still be there.
        pass
    try:
        response = conn.getresponse()
        status, data = response.status, response.read()
    except (OSError, http.client.HTTPException) as error:
        status, data = f"connection closed ({type(error).__name__})", b""
    conn.close()
    return status, data


def case(name, run):
    watch = Watch()
    started = time.monotonic()
    outcome = run()
    took = time.monotonic() - started
    time.sleep(0.5)
    watch.stop()
    print(f"{name:<44} {str(outcome):<28} {took:7.2f} s {watch.peak:9.1f} MB {watch.slowest * 1000:9.1f} ms")


def main():
    seeded = bench_seed.open_round_with_draft(BASE, sys.argv[3])
    cookie, entry = seeded["entrant"], seeded["entry"]

    print(f"\nserver at rest before: {rss_mb():.1f} MB resident\n")
    print(f"{'case':<44} {'answer':<28} {'time':>9} {'peak RSS':>12} {'/healthz max':>12}")
    png = huge_png()

    def photo():
        def parts(boundary):
            yield f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nphoto\r\n".encode()
            yield (
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                "Content-Type: image/png\r\n\r\n"
            ).encode()
            yield png
            yield f"\r\n--{boundary}--\r\n".encode()

        status, data = multipart_upload(entry, cookie, parts, chunked=False)
        refusal = ""
        try:
            refusal = json.loads(data)["problems"][0]["refusal"]
        except (ValueError, KeyError, IndexError, TypeError):
            pass
        return f"{status} {refusal}"

    case(f"12000x11000 PNG ({len(png) // 1024} KB)", photo)

    def text_field():
        def parts(boundary):
            yield f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n".encode()
            block = b"x" * (1 << 20)
            for _ in range(300):
                yield block
            yield f"\r\n--{boundary}--\r\n".encode()

        return multipart_upload(entry, cookie, parts, chunked=True)[0]

    case("300 MB chunked `kind` field", text_field)

    def resets():
        answers = []

        def one(n):
            token = ("x" * 40 + f"{n:03d}")[:43]
            status, _, _, _ = call(
                "reset_password",
                {"token": token, "password": "mật khẩu mới dài", "password_confirm": "mật khẩu mới dài"},
            )
            answers.append(status)

        threads = [threading.Thread(target=one, args=(n,)) for n in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        counts = {}
        for a in answers:
            counts[a] = counts.get(a, 0) + 1
        return " ".join(f"{k}x{v}" for k, v in sorted(counts.items()))

    case("20 bogus-token password resets at once", resets)
    time.sleep(2)
    print(f"\nserver at rest after: {rss_mb():.1f} MB resident")


if __name__ == "__main__":
    main()
