"""How long the PDF report of a large workshop takes, and how much memory: a workshop of 60
participants (20 per perspective) with 600 notes in rounds 1 and 2 (beliefs and thoughts
linked to their behaviour and routine, a few hidden, a few merged), 12 activities of which
6 chosen, dots and the whole room's reactions. Each run is the whole download as the
server makes it: the workshop read from the database, the report built, the PDF drawn.
A fresh SQLite database in a temporary folder; nothing else is touched.

    python -m bench.report_pdf [--participants 60] [--notes 600] [--runs 5]

Prints the time of each run (each draws the PDF anew), the median, the time of one more
download of the same PDF (from the cache), and the process's peak memory (resident set
size, which includes Pango and cairo) and the peak of Python's own allocations."""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

VOCABULARY = (
    "we vragen buren dorpshuis samen gemeente vrijwilligers elke maand koffie bestuur "
    "plannen ouders kinderen school welzijn rooster wijk speelplek afspraken luisteren "
    "vertrouwen eerst zelf regels subsidie budget initiatief ruimte delen helpen open "
    "uitnodigen bellen wachten klagen betalen leiding eigenaar gewoon beginnen"
)
WORDS = VOCABULARY.split()


def sentence(chance: random.Random) -> str:
    words = chance.choices(WORDS, k=chance.randint(6, 28))
    return (" ".join(words) + ".").capitalize()


def make_workshop(participants: int, notes: int):  # type: ignore[no-untyped-def]
    """The workshop, stored straight into the tables (the services would announce every
    note to the live screens, which is not what is measured here)."""
    from django.utils import timezone

    from samenspel.method.services import default_template
    from samenspel.workshops import services
    from samenspel.workshops.models import (
        Activity,
        Contribution,
        Participant,
        Reaction,
        Vote,
        Workshop,
    )

    chance = random.Random(60)  # noqa: S311 (made-up data, the same every run)
    template = default_template()
    workshop = services.create_workshop(
        created_by=None, template=template, title="Iedereen doet mee in Kessel-Eik",
        case_description="Hoe maken we samen een dorpsagenda die ook echt van het dorp is? "
                         "Wie neemt welke rol, en hoe houden we elkaar vast?",
        date=timezone.localdate(), place="Kessel-Eik", facilitator_names="Anna en Joris",
    )
    groups = ("government", "organisations", "community")
    people = Participant.objects.bulk_create(
        Participant(workshop=workshop, perspective=groups[n % 3], key=f"bench-{n}",
                    display_name=f"Deelnemer {n}" if n % 7 == 0 else "")
        for n in range(participants)
    )
    rounds = {r.number: r for r in template.rounds.prefetch_related("prompts")}
    first_prompts = [rounds[1].prompts.get(kind="desired_behaviour"),
                     rounds[2].prompts.get(kind="routine")]
    linked_prompts = [rounds[1].prompts.get(kind="activating_belief"),
                      rounds[2].prompts.get(kind="hindering_thought")]
    start = timezone.now() - timedelta(hours=3)
    firsts = Contribution.objects.bulk_create(
        Contribution(workshop=workshop, participant=people[n % participants],
                     perspective=people[n % participants].perspective,
                     prompt=first_prompts[n % 2], text=sentence(chance),
                     hidden=n % 37 == 0, hidden_reason="Een naam" if n % 37 == 0 else "")
        for n in range(notes // 2)
    )
    Contribution.objects.bulk_create(
        Contribution(workshop=workshop, participant=people[n % participants],
                     perspective=firsts[n].perspective, prompt=linked_prompts[n % 2],
                     text=sentence(chance), links_to=firsts[n] if n % 3 else None)
        for n in range(notes - notes // 2)
    )
    for kept, twin in zip(firsts[::41], firsts[3::41], strict=False):
        Contribution.objects.filter(pk=twin.pk).update(merged_into=kept)
    Contribution.objects.filter(workshop=workshop).update(created_at=start)
    activities = []
    for group in groups:
        behaviours = [n for n in firsts if n.perspective == group and n.prompt_id ==
                      first_prompts[0].pk]
        for n in range(4):
            activity = Activity.objects.create(
                workshop=workshop, perspective=group, title=sentence(chance)[:80],
                description=sentence(chance), chosen=n < 2,
            )
            activity.serves.set(behaviours[n:n + 2])
            activities.append(activity)
    Vote.objects.bulk_create(
        Vote(activity=chance.choice([a for a in activities if a.perspective == p.perspective]),
             participant=p, dots=1)
        for p in people
    )
    Reaction.objects.bulk_create(
        Reaction(activity=a, participant=p, kind=kind)
        for a in activities if a.chosen for p in people
        for kind in ("support", "concern", "help") if chance.random() < 0.4
    )
    Workshop.objects.filter(pk=workshop.pk).update(state=Workshop.State.CLOSED)
    workshop.refresh_from_db()
    return workshop


def page_count(content: bytes) -> str:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return "?"
    info = subprocess.run([pdfinfo, "-"], input=content, capture_output=True,  # noqa: S603
                          check=True).stdout.decode()
    return next((line.split()[-1] for line in info.splitlines()
                 if line.startswith("Pages:")), "?")


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=60)
    parser.add_argument("--notes", type=int, default=600)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", help="also write the last PDF to this file")
    options = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="samenspel-bench-report-")
    os.environ["SAMENSPEL_VAR_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.settings_test")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    from samenspel.reports.exports import export_workshop

    call_command("migrate", interactive=False, verbosity=0)
    workshop = make_workshop(options.participants, options.notes)
    before = peak_rss_mb()
    load_before = os.getloadavg()[0]
    times, cpu = [], []
    content = b""
    for run in range(options.runs):
        if run == options.runs - 1:
            tracemalloc.start()
        cache.clear()  # each run draws the PDF anew
        started, started_cpu = time.perf_counter(), time.process_time()
        content = export_workshop(workshop, "pdf", "nl", staff=True).content
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    _current, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started = time.perf_counter()
    export_workshop(workshop, "pdf", "nl", staff=True)
    again = time.perf_counter() - started
    if options.out:
        Path(options.out).write_bytes(content)
    pages = page_count(content)
    print(f"PDF report: {options.participants} participants, {options.notes} notes, "
          f"{len(content) / 1024:.0f} KB, {pages} pages")
    print("runs (s): " + ", ".join(f"{t:.2f}" for t in times))
    # The last run ran under tracemalloc, which slows it: the median is of the others.
    timed, timed_cpu = times[:-1] or times, cpu[:-1] or cpu
    print(f"median: {statistics.median(timed):.2f} s, best: {min(timed):.2f} s "
          f"(CPU time: median {statistics.median(timed_cpu):.2f} s); the same PDF again, from "
          f"the cache: {again:.2f} s")
    print(f"peak memory: {peak_rss_mb():.0f} MB resident (before the first run: "
          f"{before:.0f} MB); Python allocations at most {python_peak / 2**20:.0f} MB "
          "during one run")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {load_before:.1f} before and "
          f"{os.getloadavg()[0]:.1f} after")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
