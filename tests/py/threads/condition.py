# Condition: wait/notify/notify_all/wait_for, timeouts, errors, any lock kind.
import threading

c = threading.Condition()
for name, fn in [('wait', c.wait), ('notify', c.notify), ('notify_all', c.notify_all)]:
    try:
        fn()
    except RuntimeError as e:
        print(name, 'RuntimeError', e)
with c:
    print(c.wait(0.01), c.wait(0), c.wait_for(lambda: 7, 0.01), c.wait_for(lambda: 0, 0.01))
    c.notify()
    c.notify_all()

items = []
ready = []
def consumer(n):
    with c:
        ready.append(n)
        c.notify_all()
        c.wait_for(lambda: items)
        items.pop()
        done.append(n)

done = []
threads = [threading.Thread(target=consumer, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
with c:
    c.wait_for(lambda: len(ready) == 5)
    items.extend([1, 2])
    c.notify(2)
while True:
    with c:
        if len(done) == 2:
            break
    threading.Event().wait(0.001)
print(len(done))
with c:
    items.extend([3, 4, 5])
    c.notify_all()
for t in threads:
    t.join()
print(sorted(done), items)

# With a plain Lock, and with an RLock held recursively.
for lock in (threading.Lock(), threading.RLock()):
    cond = threading.Condition(lock)
    state = []
    def setter():
        with cond:
            state.append(1)
            cond.notify()
    with cond:
        if isinstance(lock, type(threading.RLock())):
            lock.acquire()
        t = threading.Thread(target=setter)
        t.start()
        print(cond.wait_for(lambda: state, timeout=5))
        if isinstance(lock, type(threading.RLock())):
            lock.release()
    t.join()
    print(type(lock).__name__ in ('lock', 'RLock'), state)

cv = threading.Condition(threading.Lock())
print(cv.acquire(), cv.acquire(False))
cv.release()
with cv:
    print('with ok')
