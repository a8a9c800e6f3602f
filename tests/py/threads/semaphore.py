# Semaphore and BoundedSemaphore.
import threading

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release()
print(s.acquire(blocking=False))
s.release(2)
print(s.acquire(), s.acquire(), s.acquire(False))
for bad in (lambda: threading.Semaphore(-1), lambda: s.acquire(False, 1),
            lambda: s.release(0)):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
with s if s.release() is None else None:
    print('with ok')

b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print('ValueError', e)
b2 = threading.BoundedSemaphore(3)
b2.acquire(); b2.acquire()
try:
    b2.release(3)
except ValueError as e:
    print('ValueError', e)
b2.release(2)
print(b2.acquire(False), b2.acquire(False), b2.acquire(False), b2.acquire(False))

# At most 3 workers inside at once.
sem = threading.Semaphore(3)
lock = threading.Lock()
inside = 0
peak = 0
def work():
    global inside, peak
    with sem:
        with lock:
            inside += 1
            peak = max(peak, inside)
        threading.Event().wait(0.005)
        with lock:
            inside -= 1
threads = [threading.Thread(target=work) for _ in range(12)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(peak <= 3, inside)

# A blocked acquire is released by another thread.
s0 = threading.Semaphore(0)
t = threading.Thread(target=s0.release)
t.start()
print(s0.acquire(timeout=5))
t.join()
