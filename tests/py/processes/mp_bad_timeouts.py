# Timeouts that no clock can hold, given to multiprocessing's waits: an
# exception or an immediate answer as in CPython, never a wait without end.
import _start_method
import multiprocessing as mp


def t(label, f):
    try:
        print(label, "ok", f())
    except Exception as e:
        print(label, type(e).__name__, e)


a, b = mp.Pipe()
for x in [float('nan'), float('inf'), -1, -float('inf'), 2**70, 1e30, 0.01]:
    t("poll %r" % x, lambda: a.poll(x))
lock = mp.Lock()
lock.acquire()
for x in [float('nan'), float('inf'), 1e30, -1, -float('inf'), 0.01]:
    t("acquire %r" % x, lambda: lock.acquire(timeout=x))
sem = mp.Semaphore(0)
t("semaphore nan", lambda: sem.acquire(timeout=float('nan')))
t("semaphore 0", lambda: sem.acquire(timeout=0))
sem.release()
t("available semaphore nan", lambda: sem.acquire(timeout=float('nan')))
