# test: skip-sanitize
# (Under AddressSanitizer locals live in other frames than the collector
# expects, and stale words there keep the dropped objects alive; docs/GC.md.)
# Waits that only a dead object's finalizer or weak reference callback ends:
# CPython ends them when the last reference goes; gilpy, when every thread
# waits and nothing allocates, by an idle collection (stdlib/mod_thread.c).
import threading
import weakref
from concurrent import futures

# A ThreadPoolExecutor dropped while its map runs: its weakref callback
# wakes the idle workers, which the main thread joins.
executor = futures.ThreadPoolExecutor(max_workers=5)
res = executor.map(abs, range(-5, 5))
threads = executor._threads
del executor
for t in threads:
    t.join()
print("pool workers ended:", all(not t.is_alive() for t in threads))
print("results:", list(res))

# The same shape by hand: a worker waits on a queue until a callback tells
# it to stop, the main thread joins the worker (Thread.join, a lock wait).
import queue
q = queue.SimpleQueue()

class Owner:
    pass

def worker(ref):
    while True:
        item = q.get()
        if item is None:
            print("worker saw its owner die:", ref() is None)
            return

owner = Owner()
ref = weakref.ref(owner, lambda r: q.put(None))
t = threading.Thread(target=worker, args=(ref,))
t.start()
del owner
t.join()

# A __del__ that sets an Event the main thread waits on (Event.wait is a
# Condition over a lock: another lock wait), with a second thread idle on a
# lock meanwhile.
ev = threading.Event()
idle = threading.Lock()
idle.acquire()
sleeper = threading.Thread(target=lambda: idle.acquire())
sleeper.start()

class Signals:
    def __del__(self):
        ev.set()

s = Signals()
del s
print("event set by __del__:", ev.wait(10))
idle.release()
sleeper.join()

# A wait that nothing ends still times out as asked.
print("unrelated timed wait:", threading.Event().wait(0.2))
