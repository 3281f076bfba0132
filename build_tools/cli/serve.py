"""Serve the built site with Python's own HTTP server: no server to set up, no network."""
from __future__ import annotations

import functools
import http.server


def serve(site_dir, host: str = "127.0.0.1", port: int = 8000) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    with http.server.ThreadingHTTPServer((host, port), handler) as httpd:
        print(f"serving {site_dir} at http://{host}:{port}/  (Ctrl+C to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("stopped")
