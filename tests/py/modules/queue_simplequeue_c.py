# _queue.SimpleQueue (C): errors, reprs, subclassing, and threads that wait
# for items without the GIL, each item taken once.
import _queue, threading, time, pickle, weakref
q = _queue.SimpleQueue()
print(_queue.Empty.__module__, _queue.Empty.__mro__, _queue.Empty.__doc__)
for kw in [dict(timeout=-1), dict(block=False), dict(timeout=0.01), dict(block=False, timeout=-5)]:
    try: q.get(**kw)
    except Exception as e: print(kw, repr(e))
print(q.qsize(), q.empty(), repr(q)[:24], _queue.SimpleQueue[int])
q.put(1); q.put_nowait(2); q.put(3, block=False, timeout=7); print(q.get(), q.get_nowait(), q.get(False), q.empty())
print(_queue.SimpleQueue.get.__text_signature__, _queue.SimpleQueue.put.__text_signature__)
try: _queue.SimpleQueue(1)
except TypeError as e: print(e)
try: pickle.dumps(q)
except Exception as e: print(repr(e))
w = weakref.ref(q); print(w() is q)
class Sub(_queue.SimpleQueue): pass
s = Sub(); s.put('x'); print(type(s).__name__, s.get())
# threads: consumers wait without the GIL, get every item once
q = _queue.SimpleQueue()
got = []
def consumer():
    while True:
        x = q.get()
        if x is None: break
        got.append(x)
ts = [threading.Thread(target=consumer) for _ in range(3)]
for t in ts: t.start()
for i in range(3000): q.put(i)
for t in ts: q.put(None)
for t in ts: t.join()
print(len(got), sorted(got) == list(range(3000)))
t0 = time.monotonic()
try: q.get(timeout=0.2)
except _queue.Empty: print('timed out', 0.15 < time.monotonic() - t0 < 2)
def later(): time.sleep(0.1); q.put('late')
threading.Thread(target=later).start()
print(q.get(timeout=5))
for i in range(1000): q.put(i)
print(sum(q.get() for i in range(500)), q.qsize(), sum(q.get() for i in range(500)), q.empty())
