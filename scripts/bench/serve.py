"""A local web server for measurements that compresses like a real one (gzip for text and wasm)
and counts the bytes it sends per path: requests from Web Workers (Pagefind searches in one)
do not show in the page's own performance timeline, but every byte passes the server."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path

COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".wasm", ".xml", ".svg")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        head = self._send_head()
        if head is not None:
            size = len(head.getbuffer()) if isinstance(head, io.BytesIO) else os.fstat(head.fileno()).st_size
            self.server.sent.append((self.path.split("?", 1)[0], size))
        return head

    def _send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in COMPRESSED_TYPES or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(root: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve ``root`` on a free localhost port in a background thread; returns (URL, server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(root)))
    server.sent = []  # (path, bytes) of every response body
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server
