"""Serve the built site with Python's own HTTP server: no server to set up, no network.

Only files of the site are served: no directory listings, the site's own 404.html for
anything missing (or any path that cannot be a file, e.g. one with a NUL byte), and a
plain message instead of a traceback when the address cannot be used."""
from __future__ import annotations

import errno
import http.server
import os
import socket
import sys
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    site: Path = Path(".")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.site), **kwargs)

    def list_directory(self, path):
        self.send_error(404)
        return None

    def translate_path(self, path):
        resolved = super().translate_path(path)
        return "" if "\0" in resolved else resolved  # "" is no file: a 404

    def send_head(self):
        try:
            return super().send_head()
        except (OSError, ValueError):
            self.send_error(404)
            return None

    def send_error(self, code, message=None, explain=None):
        page = self.site / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


def make_server(site_dir, host: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (SiteHandler,), {"site": Path(site_dir)})
    return http.server.ThreadingHTTPServer((host, port), handler)


def serve(site_dir, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Serve until Ctrl+C; returns the exit code (2 when the address cannot be used)."""
    try:
        httpd = make_server(site_dir, host, port)
    except socket.gaierror:
        print(f"cannot serve on host {host!r}: no such address (try 127.0.0.1, or 0.0.0.0 for every "
              "address of this machine)", file=sys.stderr)
        return 2
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"port {port} on {host} is already in use (another `serve`?): stop it, or choose "
                  f"another port with --port", file=sys.stderr)
        else:
            print(f"cannot serve on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    with httpd:
        print(f"serving {site_dir} at http://{host}:{port}/  (Ctrl+C to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("stopped")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(serve(os.getcwd()))
