# Per-cycle decomposition of pipe_block_threads from `perf script` of
#   perf record -a -e sched:sched_switch -e sched:sched_wakeup -e sched:sched_wakeup_new -e task:task_newtask \
#     -e syscalls:sys_enter_nanosleep -e syscalls:sys_exit_nanosleep -e syscalls:sys_enter_clone -e syscalls:sys_exit_clone \
#     -e syscalls:sys_enter_read -- env N=100 GOMAXPROCS=1 ./pbt     (binary named pbt*; -a so new threads need no counter inheritance)
# Prints medians: sleep = sysmon nanosleep length; work = sysmon wake-up -> clone() entry (retake, handoffp, startm, newm, allocm);
# clone = the clone syscall; start = clone return -> the new thread entering read(2); cyc = gap between consecutive pipe reads.
# Usage: perf script -i X.data > X.txt; python3 pipe-cycle-perf.py X.txt ...
import sys, re, collections, statistics as st
pat=re.compile(r'^\s*(.+?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s*(.*)$')
def load(f):
    ev=[]
    for line in open(f):
        m=pat.match(line)
        if not m: continue
        comm,tid,cpu,ts,name,rest=m.groups()
        if not comm.startswith('pbt'): continue
        ev.append((float(ts)*1e6,int(tid),int(cpu),name,rest))
    return ev
def ana(ev):
    cnt=collections.Counter(t for (_,t,_,n,_) in ev if n=='syscalls:sys_enter_nanosleep')
    sysmon=cnt.most_common(1)[0][0]
    reads={}
    for (ts,tid,c,n,r) in ev:
        if n=='syscalls:sys_enter_read' and 'count: 0x00000001' in r and tid not in reads: reads[tid]=ts
    R=dict(sleep=[],work=[],clone=[],start=[],cyc=[],prework=[])
    lastwake=None; s_en=None; clone_en=None; clone_ex=None; child=None; lastread=None
    sleeps=[]
    for (ts,tid,c,n,r) in ev:
        if tid==sysmon:
            if n=='syscalls:sys_enter_nanosleep': s_en=ts
            elif n=='syscalls:sys_exit_nanosleep':
                if s_en: R['sleep'].append(ts-s_en)
                lastwake=ts
            elif n=='syscalls:sys_enter_clone': clone_en=ts; 
            elif n=='syscalls:sys_exit_clone' and clone_en:
                clone_ex=ts; child=int(r.split(':')[-1].strip(),16) if r.strip().startswith('0x') else None
                try: child=int(r.strip(),16)
                except: pass
                if lastwake: R['work'].append(clone_en-lastwake)
                R['clone'].append(clone_ex-clone_en)
                if child in reads: R['start'].append(reads[child]-clone_ex)
    rs=sorted(reads.values())
    R['cyc']=[b-a for a,b in zip(rs,rs[1:])]
    return R
for f in sys.argv[1:]:
    R=ana(load(f))
    print(f, ' '.join('%s=%.1f(n%d)'%(k,st.median(v),len(v)) for k,v in R.items() if v))
