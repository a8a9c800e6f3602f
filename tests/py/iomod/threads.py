# Threads sharing one buffered file (writes land whole, flushes meet appends) and
# a pipe read by one thread while another writes and closes it: the GIL is
# released around each syscall, never with a buffer half-handled.
import threading, os, io, sys
P = '/tmp/gilpy_iomod_thr_%d' % os.getpid()
f = open(P, 'w')
def worker(n):
    for i in range(2000):
        f.write('thread %d line %d\n' % (n, i))
        if i % 500 == 0:
            f.flush()
ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
f.close()
lines = open(P).read().splitlines()
print(len(lines), sorted(set(l.split()[1] for l in lines)))
r, w = os.pipe()
rf = open(r, 'rb', buffering=0)
wf = open(w, 'wb')
out = []
def rd():
    while True:
        b = rf.read(100)
        if not b: break
        out.append(b)
t = threading.Thread(target=rd); t.start()
def closer():
    for i in range(100):
        wf.write(b'x' * 1000)
    wf.close()
c = threading.Thread(target=closer); c.start(); c.join(); t.join()
print(sum(map(len, out)))
os.remove(P)
