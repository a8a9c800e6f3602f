# test: timeout=120, skip-gc-stress
# Stress: 1 000 short-lived threads, started in waves and all joined.
import threading

results = []
lock = threading.Lock()
def job(i):
    with lock:
        results.append(i)

for wave in range(10):
    threads = [threading.Thread(target=job, args=(wave * 100 + i,)) for i in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(len(results), sorted(results) == list(range(1000)))
print(threading.active_count(), [t.name for t in threading.enumerate()])
t = threading.Thread(target=job, args=(0,))
print(t.name)
