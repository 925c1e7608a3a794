"""The throttle: the first job for a key runs at once, the ones that follow within the
interval run once together, as the latest of them; other keys do not wait."""

import threading

from samenspel.live.throttle import Throttle


def run_and_wait(throttle, key, job, interval=0.05):
    done = threading.Event()

    def wrapped():
        job()
        done.set()

    throttle.submit(key, wrapped, interval)
    return done


def test_without_an_interval_the_job_runs_at_once_in_the_callers_thread():
    ran = []
    Throttle().submit("k", lambda: ran.append(threading.current_thread()), 0)
    assert ran == [threading.current_thread()]


def test_the_first_job_runs_at_once_and_a_burst_after_it_runs_once_as_the_latest():
    throttle = Throttle()
    ran = []
    assert run_and_wait(throttle, "notes", lambda: ran.append("first"), 0.2).wait(2)
    gate = threading.Event()
    for n in range(20):  # all within the interval that the first run started
        throttle.submit("notes", lambda n=n: (ran.append(n), gate.set()), 0.2)
    assert gate.wait(2)
    assert ran == ["first", 19]


def test_a_waiting_key_does_not_hold_up_another():
    throttle = Throttle()
    ran = []
    assert run_and_wait(throttle, "a", lambda: ran.append("a1"), 5).wait(2)
    throttle.submit("a", lambda: ran.append("a2"), 5)  # waits five seconds for its turn
    assert run_and_wait(throttle, "b", lambda: ran.append("b1"), 5).wait(2)
    assert ran == ["a1", "b1"]


def test_a_failing_job_does_not_stop_the_others(caplog):
    throttle = Throttle()

    def broken():
        raise RuntimeError("boom")

    throttle.submit("x", broken, 0.01)
    assert run_and_wait(throttle, "y", lambda: None, 0.01).wait(2)
    assert "a throttled job failed" in caplog.text
