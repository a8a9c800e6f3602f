# A small threaded program for the GIL tests: CPU-bound threads, a sleeper,
# lock hand-offs, a join, and a daemon thread still blocked at exit.  Its
# output does not depend on scheduling.
import sys
import threading
import time


def count(n):
    while n > 0:
        n -= 1


def sleeper():
    for _ in range(3):
        time.sleep(0.002)


lock = threading.Lock()
total = [0]


def locked_adds():
    for _ in range(200):
        with lock:
            total[0] += 1


forever = threading.Event()
daemon = threading.Thread(target=forever.wait, name="daemon-waiter", daemon=True)
daemon.start()
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
workers = [threading.Thread(target=count, args=(n,), name=f"cpu-{i}") for i in range(2)]
workers += [threading.Thread(target=sleeper, name="sleeper")]
workers += [threading.Thread(target=locked_adds, name=f"adder-{i}") for i in range(2)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print("total", total[0])
print("threads left", threading.active_count())
