# perf-wakeups.py: who waits how long after a wake-up, from `perf script` of
#   perf record -e sched:sched_switch -e sched:sched_waking -e sched:sched_migrate_task -e raw_syscalls:sys_enter -e raw_syscalls:sys_exit -- ./prog
# (run quiet; GOMAXPROCS/N as the conformance variant). Groups wake-ups of the program`s threads (argv: perf script output)
# by: held (the CPU`s current thread ran on > 1 ms after the wake) or not, sysmon (the most-woken thread) or an M,
# the syscall the current thread was in, and whether the waker was that thread (an interrupt: a timer) or another.
import re, sys, collections
pat = re.compile(r'^\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s+(.*)$')
evs = []
for line in open(sys.argv[1]):
    m = pat.match(line)
    if not m: continue
    comm, pid, cpu, t, ev, rest = m.groups(); evs.append((float(t)*1e6, int(cpu), ev, rest, comm, int(pid)))
insys = {}  # pid -> syscall nr currently in (or None)
runs = collections.defaultdict(list); cur = {}
for t, cpu, ev, rest, comm, pid in evs:
    if ev == 'sched:sched_switch':
        nm = re.search(r'prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)', rest)
        if cpu in cur: runs[cpu].append((cur[cpu][0], t, cur[cpu][1], cur[cpu][2], nm.group(2)))
        cur[cpu] = (t, int(nm.group(4)), nm.group(3))
def running_at(cpu, t):
    for s, e, p, c, st in runs[cpu]:
        if s <= t < e: return (s, e, p, c, st)
    return None
waking = []
for t, cpu, ev, rest, comm, pid in evs:
    if ev == 'raw_syscalls:sys_enter':
        insys[pid] = int(re.search(r'NR (\d+)', rest).group(1))
    elif ev == 'raw_syscalls:sys_exit':
        insys[pid] = None
    elif ev == 'sched:sched_waking' and 'comm=urplain' in rest:
        p = int(re.search(r'pid=(\d+)', rest).group(1)); tgt = int(re.search(r'target_cpu=(\d+)', rest).group(1))
        waking.append((t, p, tgt, cpu, pid, dict(insys)))
wk = collections.Counter(w[1] for w in waking); sysmon = wk.most_common(1)[0][0]
names = {0:'read',202:'futex',35:'nanosleep',230:'clock_nanosleep',1:'write',3:'close',257:'openat',None:'user'}
out = collections.defaultdict(list)
for t, p, tgt, wcpu, wpid, ins in waking:
    r = running_at(tgt, t)
    d = next((s - t for c in runs for s, e, pp, cc, st in runs[c] if pp == p and s >= t), None)
    if r is None or r[3].startswith('swapper'): kind = 'idle'
    else:
        remaining = r[1] - t
        cs = ins.get(r[2], None); cs = names.get(cs, str(cs))
        kind = ('HELD ' if remaining > 1000 else 'ok   ') + ('sysmon ' if p == sysmon else 'M      ') + 'cur in ' + cs + (' waker=cur' if wpid == r[2] else ' waker=other')
    out[kind].append(d if d is not None else -1)
def q(xs, f):
    xs = sorted(xs); return round(xs[int(f*(len(xs)-1))]) if xs else -1
for k in sorted(out): d = out[k]; print(f'{k:50s} n={len(d):4d} delay p10/p50/p90 {q(d,.1)} {q(d,.5)} {q(d,.9)}')
