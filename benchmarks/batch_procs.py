"""Resident memory of processes, read from /proc (Linux), sampled in a thread.

Sample a run from another process (`Sampler(..., driver=pid)`) where the run must stay
single-threaded: local workers are forked only from a process without other threads."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def private_mib(pid: int) -> tuple[float, float]:
    """(private, proportional) resident memory of a process: the pages only it holds,
    and its share of every page (a page shared by two processes counts half in each)."""
    values = {"Private_Clean:": 0, "Private_Dirty:": 0, "Pss:": 0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, rest = line.partition(" ")
            if name in values:
                values[name] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0, 0.0
    return (values["Private_Clean:"] + values["Private_Dirty:"]) / 1024, values["Pss:"] / 1024


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_jiffies() -> tuple[int, int]:
    """(busy, total) CPU time of the whole machine so far, in clock ticks."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return sum(fields) - idle, sum(fields)


def processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        found.append((int(entry), parent, cmdline.decode(errors="replace")))
    return found


def local_workers(driver: int | None = None) -> list[int]:
    """The child processes of the driver (default: this process)."""
    me = driver if driver is not None else os.getpid()
    return [pid for pid, parent, _ in processes() if parent == me]


def ray_actors() -> list[int]:
    return [pid for pid, _, cmd in processes() if cmd.startswith("ray::MapWorker")]


class Sampler:
    """Peak RSS of the driver (this process, or `driver`) and of the largest worker, and
    the largest worker's private and proportional memory, every `interval` seconds."""

    def __init__(self, workers: Callable[[], list[int]], interval: float = 0.5,
                 driver: int | None = None) -> None:
        self.workers = workers
        self.interval = interval
        self.driver = driver if driver is not None else os.getpid()
        self.driver_peak = 0.0
        self.worker_peak = 0.0
        self.worker_private_peak = 0.0
        self.worker_pss_peak = 0.0
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds at its last sample
        # (time, CPU seconds of ours, machine busy ticks, machine ticks) at each sample
        self.trace: list[tuple[float, float, int, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        self.driver_peak = max(self.driver_peak, rss_mib(self.driver))
        self.cpu[self.driver] = max(self.cpu.get(self.driver, 0.0), cpu_seconds(self.driver))
        for pid in self.workers():
            self.worker_peak = max(self.worker_peak, rss_mib(pid))
            private, proportional = private_mib(pid)
            self.worker_private_peak = max(self.worker_private_peak, private)
            self.worker_pss_peak = max(self.worker_pss_peak, proportional)
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu_seconds(pid))
        self.trace.append((time.monotonic(), self.cpu_total, *machine_jiffies()))

    def cores_between(self, start: float, end: float) -> tuple[float, float]:
        """Cores used on average between two times: by our processes, by the machine."""
        inside = [t for t in self.trace if start <= t[0] <= end]
        if len(inside) < 2:
            return 0.0, 0.0
        (t0, ours0, busy0, all0), (t1, ours1, busy1, all1) = inside[0], inside[-1]
        cores = os.cpu_count() or 1
        return (ours1 - ours0) / (t1 - t0), cores * (busy1 - busy0) / max(1, all1 - all0)

    @property
    def cpu_total(self) -> float:
        """CPU seconds of the driver and the workers (as last sampled)."""
        return sum(self.cpu.values())

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
