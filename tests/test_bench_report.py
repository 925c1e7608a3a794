"""The PDF benchmark at a tiny scale, so `make test` catches a broken benchmark; no timing is
asserted (that is what `make bench-report` reports, docs/benchmarks.md)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_pdf_benchmark_builds_a_report_at_a_tiny_scale(tmp_path):
    pdf = tmp_path / "report.pdf"
    finished = subprocess.run(
        [sys.executable, "-m", "bench.report_pdf", "--participants", "6", "--notes", "30",
         "--runs", "1", "--out", str(pdf)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    assert "PDF report: 6 participants, 30 notes" in finished.stdout
    assert "peak memory:" in finished.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
