# Lock and RLock: acquire/release/locked, blocking and timeout, with, errors.
import threading

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError', e)
with lock:
    print('inside', lock.locked())
print('after', lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print('ValueError', e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print('ValueError', e)
print(type(lock).__name__, threading.Lock is type(lock) or callable(threading.Lock))

# A lock may be released by another thread than its owner.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start(); t.join()
print('released by other thread', lock.locked())

# Blocking acquire waits for the holder.
order = []
lock.acquire()
def waiter():
    with lock:
        order.append('waiter got it')
w = threading.Thread(target=waiter)
w.start()
order.append('main releases')
lock.release()
w.join()
print(order)

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
r.release(); r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError', e)
with r:
    with r:
        print('nested with')
got = []
r.acquire()
def other():
    got.append(r.acquire(blocking=False))
    got.append(r.acquire(timeout=0.01))
    try:
        r.release()
    except RuntimeError as e:
        got.append(str(e))
t = threading.Thread(target=other)
t.start(); t.join()
r.release()
print(got)
t = threading.Thread(target=lambda: got.append(r.acquire(timeout=1) and r.release() is None))
t.start(); t.join()
print(got[-1])
