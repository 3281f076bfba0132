"""`serve`: clear messages instead of tracebacks, the site's own 404 page, no directory
listings (issue #12)."""
import socket
import threading
import urllib.error
import urllib.request

import pytest
from conftest import run_cli

from build_tools.cli import main
from build_tools.cli.serve import make_server


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    (site / "documents" / "a").mkdir(parents=True)
    (site / "index.html").write_text("<h1>หน้าแรก</h1>", encoding="utf-8")
    (site / "404.html").write_text("<h1>ไม่พบหน้านี้</h1>", encoding="utf-8")
    (site / "documents" / "a" / "index.html").write_text("a", encoding="utf-8")
    (site / "documents" / "x.txt").write_text("x", encoding="utf-8")
    return site


@pytest.fixture
def served(site):
    httpd = make_server(site, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _get(url):
    try:
        with urllib.request.urlopen(url) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def test_pages_are_served(served):
    assert _get(served + "/") == (200, "<h1>หน้าแรก</h1>")
    assert _get(served + "/documents/a/") == (200, "a")


@pytest.mark.parametrize("path", ["/nowhere/", "/index.html%00.txt", "/documents/", "/documents/a/%00"])
def test_missing_files_nul_bytes_and_folders_get_the_sites_404_page(served, path):
    assert _get(served + path) == (404, "<h1>ไม่พบหน้านี้</h1>")


def test_a_port_in_use_is_a_message(tmp_path, site, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert main(["serve", "--out", str(tmp_path), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"port {port} on 127.0.0.1 is already in use" in err and "--port" in err


def test_an_unknown_host_is_a_message(tmp_path, site, capsys):
    assert main(["serve", "--out", str(tmp_path), "--host", "no-such-host.invalid"]) == 2
    assert "cannot serve on host 'no-such-host.invalid': no such address" in capsys.readouterr().err


def test_a_port_out_of_range_is_a_usage_error(tmp_path, site):
    proc = run_cli("serve", "--out", tmp_path, "--port", "99999", check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "a port is a number from 1 to 65535, got 99999" in proc.stderr
