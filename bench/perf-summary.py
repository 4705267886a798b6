#!/usr/bin/env python3
"""Summarises a system-wide `perf record -g` taken by bench/run.sh (BENCH_PERF=DELAY:SECONDS).

usage: perf-summary.py PERF_DATA SERVER_PID [TOOL_PID] [POSTGRES_PID]
Prints: CPU samples per process; for the server: by thread name, self time by module, inclusive share of
the components on the stack (ASP.NET Core, Orleans, System.Text.Json, our code, ...) and top symbols."""
import collections
import re
import subprocess
import sys

data, server = sys.argv[1], sys.argv[2]
tool = sys.argv[3] if len(sys.argv) > 3 else ""
pg = sys.argv[4] if len(sys.argv) > 4 else ""

out = subprocess.run(["perf", "script", "-i", data, "-F", "comm,pid,tid,ip,sym,dso"],
                     capture_output=True, text=True, errors="replace").stdout

samples = []  # (comm, pid, [(sym, dso), ...])
cur = None
for line in out.splitlines():
    if not line.strip():
        continue
    if not line[0].isspace():
        head = line.rsplit(None, 1)
        parts = line.split()
        pidtid = next((p for p in parts if "/" in p and p.replace("/", "").isdigit()), None)
        pid = pidtid.split("/")[0] if pidtid else "?"
        comm = line.split(pidtid)[0].strip() if pidtid else line.strip()
        cur = (comm, pid, [])
        samples.append(cur)
    elif cur is not None:
        frame = line.strip().split(None, 1)
        rest = frame[1] if len(frame) > 1 else ""
        dso = rest[rest.rfind("(") + 1:-1] if rest.endswith(")") else ""
        sym = rest[:rest.rfind("(")].strip() if "(" in rest else rest
        cur[2].append((sym, dso))

total = len(samples)
print(f"samples: {total} (499 Hz per CPU)")


def name_of(pid):
    if pid == server:
        return "SERVER"
    if pid == tool:
        return "LOAD TOOL"
    try:
        ppid = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1]
        if pg and (pid == pg or ppid == pg):
            return "POSTGRES"
        return open(f"/proc/{pid}/cmdline").read().replace("\0", " ")[:70]
    except OSError:
        return "(exited)"


by_pid = collections.Counter(s[1] for s in samples)
groups = collections.Counter()
for pid, n in by_pid.items():
    groups[name_of(pid)] += n
print("\n-- share of all CPU samples by process")
for name, n in groups.most_common(12):
    print(f"{100 * n / total:6.1f}%  {name}")

srv = [s for s in samples if s[1] == server]
if not srv:
    sys.exit(0)
n = len(srv)
print(f"\n-- server ({n} samples): by thread name")
threads = collections.Counter(s[0] for s in srv)
for comm, c in threads.most_common(10):
    print(f"{100 * c / n:6.1f}%  {comm}")


def module(sym, dso):
    if "kernel" in dso:
        return "kernel"
    if "libcoreclr" in dso:
        return "CLR runtime (libcoreclr: GC, stubs, type system)"
    if "libclrjit" in dso:
        return "JIT compiler"
    if dso.startswith("/tmp/perf-") or "[JIT]" in dso or "memfd:doublemapper" in dso or ".dll" in dso:
        return "managed code"
    return "native libs (" + dso.rsplit("/", 1)[-1] + ")"


print("\n-- server: self time by module")
mods = collections.Counter(module(*s[2][0]) if s[2] else "?" for s in srv)
for m, c in mods.most_common(10):
    print(f"{100 * c / n:6.1f}%  {m}")

components = [
    ("ASP.NET Core / Kestrel", ("Microsoft.AspNetCore",)),
    ("Orleans (runtime + messaging)", ("Orleans.",)),
    ("Orleans serialization", ("Orleans.Serialization",)),
    ("System.Text.Json", ("System.Text.Json",)),
    ("our code (Total.*)", ("Total.",)),
    ("Npgsql", ("Npgsql",)),
    ("logging", ("Microsoft.Extensions.Logging",)),
    ("sockets", ("System.Net.Sockets",)),
    ("rate limiting", ("System.Threading.RateLimiting",)),
]
# A managed frame reads "<return type> [Assembly] Namespace.Type::Method(args)": it belongs to the type before "::".
# Matching anywhere in the text would count a frame as serialization because its return type names an Orleans
# serialization type (every grain call's TaskRequest.Invoke returns ValueTask<Orleans.Serialization...Response>).
OWNER = re.compile(r"\[[^\]\s]+\] ([^:\s]+)::")


def owner(sym):
    found = OWNER.findall(sym)
    return found[-1] if found else sym


print("\n-- server: inclusive share of samples with a frame of (overlapping; a frame belongs to its method's type)")
for label, needles in components:
    c = sum(1 for s in srv if any(owner(sym).startswith(needles) for sym, _ in s[2]))
    print(f"{100 * c / n:6.1f}%  {label}")

print("\n-- server: top self symbols")
syms = collections.Counter((s[2][0][0][:150] if s[2] else "?") for s in srv)
for sym, c in syms.most_common(25):
    print(f"{100 * c / n:6.1f}%  {sym}")
