#!/usr/bin/env python3
"""Seeds a fresh Tiêu biểu server for the benchmark: a provincial round in
judging with sub-criteria agreed for group 1 (as juries do), one complete
entry, and a juror who has declared no tie, through the same server
functions the pages call. Prints the juror's cookie and the sheet's path.

Usage: bench_seed.py BASE_URL SETUP_LINK SQLITE_FILE

`scripts/bench_hostile.py` uses its first steps (an administrator, an open
round, an entrant with a draft entry) through `open_round_with_draft`.
"""

import json
import struct
import sqlite3
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib

BASE = ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def post(path, fields, cookie=None, body=None, content_type=None):
    data = body if body is not None else urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(BASE + path, data=data, method="POST")
    request.add_header("Accept", "application/json")
    request.add_header("Content-Type", content_type or "application/x-www-form-urlencoded")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        response = OPENER.open(request)
    except urllib.error.HTTPError as error:
        if error.code >= 400:
            sys.exit(f"{path}: {error.code} {error.read().decode()}")
        response = error
    return response


def session(response):
    for header in response.headers.get_all("Set-Cookie") or []:
        if header.startswith("tb_session="):
            return header.split(";")[0]
    sys.exit("no session cookie")


def location(response):
    return response.headers["Location"]


def sign_up(name, email):
    password = "mật khẩu đủ dài"
    return session(post("/api/sign_up", [("name", name), ("email", email), ("phone", ""),
                                         ("password", password), ("password_confirm", password)]))


def png(width, height, colour):
    """A plain PNG, for the photos."""
    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def upload(cookie, entry, kind, name, mime, content):
    boundary = "bench" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: {mime}\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    post(f"/entries/{entry}/files", None, cookie, body, f"multipart/form-data; boundary={boundary}")


def open_round_with_draft(base, setup):
    """An administrator, a provincial round open for entries with
    sub-criteria for group 1, a secretary, a juror and an entrant whose
    business has a draft entry with its forms filled. Returns the cookies,
    the round and the entry."""
    global BASE
    BASE = base
    token = setup.rsplit("/", 1)[1]
    admin = session(post("/api/complete_setup", [
        ("token", token), ("name", "Quản Trị Viên"), ("email", "admin@sct.dongnai.gov.vn"), ("phone", ""),
        ("password", "quản trị an toàn"), ("password_confirm", "quản trị an toàn")]))
    geography = json.load(post("/api/list_geography", [], admin))
    province = next(l["id"] for l in geography["levels"] if l["rank"] == 2)
    post("/api/save_territory", [("level", province), ("name_vi", "Đồng Nai"), ("name_en", "")], admin)
    geography = json.load(post("/api/list_geography", [], admin))
    territory = next(t["id"] for t in geography["territories"] if t["name_vi"] == "Đồng Nai")
    round_id = location(post("/api/create_round", [
        ("level", province), ("territory", territory), ("parent_round", ""), ("copy_from", ""),
        ("title", "Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai 2026"), ("year", "2026"),
        ("entries_open", "2020-01-01T08:00"), ("entries_close", "2099-06-30T17:00"),
        ("judging_close", "2099-08-31T17:00"), ("threshold", "70"), ("quorum_percent", "50"),
        ("majority_percent", "50"), ("certificate_pattern", "{seq}/{year}/GCN-CNNT"), ("score_step", "0,5"),
        ("spread_flag", "20")], admin)).rsplit("/", 1)[1]
    detail = json.load(post("/api/round_detail", [("round", round_id)], admin))
    group = detail["groups"][0]
    subs = {
        1: [("Nhu cầu thị trường trong và ngoài nước", 10), ("Khả năng thay thế hàng nhập khẩu", 5),
            ("Khả năng sản xuất hàng loạt", 10), ("Ứng dụng công nghệ", 5), ("Quy mô sản xuất", 5),
            ("Sử dụng nguyên liệu địa phương", 5)],
        2: [("Doanh thu và hiệu quả kinh tế", 10), ("Công nghệ và quản lý chất lượng", 10),
            ("Tiêu chuẩn chất lượng", 5), ("Việc làm và thu nhập người lao động", 10), ("Tác động môi trường", 5)],
    }
    for criterion in group["criteria"]:
        rows = subs.get(criterion["number"])
        if not rows:
            continue
        fields = [("round", round_id), ("criterion", criterion["id"]), ("group", group["id"])]
        for i, (name, most) in enumerate(rows):
            fields += [(f"rows[{i}][name_vi]", name), (f"rows[{i}][name_en]", ""), (f"rows[{i}][max]", str(most)),
                       (f"rows[{i}][guidance]", "Đánh giá theo hồ sơ và sản phẩm trưng bày.")]
        post("/api/save_sub_criteria", fields, admin)

    sign_up("Trần Thư Ký", "thuky@sct.dongnai.gov.vn")
    post("/api/add_round_member", [("round", round_id), ("identifier", "thuky@sct.dongnai.gov.vn"),
                                   ("role", "secretary")], admin)
    juror = sign_up("Lê Giám Khảo", "giamkhao@sct.dongnai.gov.vn")
    entrant = sign_up("Nguyễn Văn Gốm", "gom@example.vn")
    post("/api/add_round_member", [("round", round_id), ("identifier", "giamkhao@sct.dongnai.gov.vn"),
                                   ("role", "juror"), ("groups[]", group["id"])], admin)
    post("/api/move_round", [("round", round_id), ("to", "open"), ("reason", "")], admin)

    post("/api/save_business", [
        ("business_name", "Hợp tác xã Gốm Tân Vạn"), ("legal_form", "cooperative"), ("registration_number", "3600123456"),
        ("tax_code", ""), ("province", "Đồng Nai"), ("commune", "Phường Tân Vạn"), ("street", "12 Bùi Hữu Nghĩa"),
        ("representative", "Nguyễn Văn Gốm"), ("position", "Giám đốc"), ("business_phone", "0912345678"),
        ("business_email", "")], entrant)
    entry = location(post("/api/start_entry", [("round", round_id)], entrant)).rsplit("/", 1)[1]
    text = "Bình gốm trang trí men rạn, vẽ tay; đất sét Tân Vạn, nung lò gas; 5.000 sản phẩm mỗi năm. " * 4
    post("/api/save_entry", [("entry", entry), ("version", "1"), ("product_name", "Bình gốm men rạn Biên Hòa"),
                             ("set_items", ""), ("group", "1")] + [(f, text) for f in (
        "description", "materials", "process", "capacity", "markets", "workers", "environment", "culture")] +
         [("standards", ""), ("awards", "")], entrant)
    return {"admin": admin, "juror": juror, "entrant": entrant, "round": round_id, "entry": entry, "group": group}


def main(base, setup, db_path):
    seeded = open_round_with_draft(base, setup)
    entrant, entry, round_id, admin, juror = (seeded[k] for k in ("entrant", "entry", "round", "admin", "juror"))
    for i, colour in enumerate([(138, 28, 28), (28, 90, 138), (46, 125, 50)]):
        upload(entrant, entry, "photo", f"ảnh {i}.png", "image/png", png(320, 240, colour))
    upload(entrant, entry, "registration", "đăng ký.pdf", "application/pdf",
           b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    post("/api/submit_entry", [("entry", entry)], entrant)

    # Time passes the entries deadline.
    with sqlite3.connect(db_path, timeout=10) as db:
        db.execute("UPDATE rounds SET entries_close_at = ? WHERE id = ?", (int(time.time() * 1000) - 60_000, round_id))
    post("/api/move_round", [("round", round_id), ("to", "screening"), ("reason", "")], admin)
    post("/api/accept_entry", [("entry", entry)], admin)
    post("/api/move_round", [("round", round_id), ("to", "judging"), ("reason", "")], admin)
    post("/api/declare", [("entry", entry), ("juror", ""), ("tie", "none"), ("note", "")], juror)
    print(juror, f"/entries/{entry}/sheet")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
