"""A small HTTP server on 127.0.0.1 for the download tests: serves the files of one folder with an
ETag (the SHA-256 of the content), answers If-None-Match with 304, anything missing with 404, and
appends one line per request to a log: `METHOD PATH STATUS if-none-match=VALUE`.

    python3 Tests/http/serve.py FOLDER LOG [SECONDS]

Prints the port on its first line of stdout; stops by itself after SECONDS (default 600).
"""
import hashlib
import http.server
import os
import sys
import threading

folder, log = sys.argv[1], sys.argv[2]
lifetime = float(sys.argv[3]) if len(sys.argv) > 3 else 600


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        path = os.path.join(folder, self.path.lstrip("/").split("?")[0])
        condition = self.headers.get("If-None-Match")
        if not os.path.isfile(path):
            status, body, etag = 404, b"not found\n", None
        else:
            body = open(path, "rb").read()
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            status = 304 if condition == etag else 200
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"GET {self.path} {status} if-none-match={condition or '-'}\n")
        self.send_response(status)
        if etag:
            self.send_header("ETag", etag)
        if status == 304:
            self.end_headers()
            return
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "application/zip" if status == 200 else "text/plain")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Timer(lifetime, server.shutdown).start()
server.serve_forever()
