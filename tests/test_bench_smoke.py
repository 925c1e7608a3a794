"""The load benchmark's machinery at a tiny scale, so `make test` catches a broken benchmark:
the one command starts Samenspel and the baseline, clients join through the API, post
notes and react over real sockets, and every write reaches every intended recipient. No
timing is asserted: timing is what the full benchmark reports (docs/benchmarks.md)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_delivers_every_write_to_every_recipient_at_a_tiny_scale(tmp_path):
    results = tmp_path / "results.json"
    finished = subprocess.run(
        [sys.executable, "-m", "bench", "--tiny", "--only", "a,c", "--workers", "1",
         "--out", str(results)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    runs = json.loads(results.read_text())["runs"]
    assert set(runs) == {"a", "c"}
    for key, pair in runs.items():
        for server in ("samenspel", "baseline"):
            run = pair[server]
            assert run["writes"] > 0, (key, server)
            assert run["write_errors"] == 0, (key, server, run)
            assert run["sockets_closed"] == {}, (key, server, run)
            assert run["delivered_pct"] == 100, (key, server, run)
            assert run["latency_ms"]["p50"] is not None
    assert "| (a) | samenspel" in finished.stdout
