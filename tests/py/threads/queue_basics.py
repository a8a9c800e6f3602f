# queue: FIFO/LIFO/priority order, maxsize, nowait variants, Empty/Full,
# timeouts, qsize/empty/full, task_done/join errors.
import queue

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for x in [3, 1, 4, 1, 5, 9, 2, 6]:
        q.put(x)
    print(cls.__name__, q.qsize(), q.empty(), q.full(),
          [q.get() for _ in range(q.qsize())], q.empty())

pq = queue.PriorityQueue()
for item in [(2, 'b'), (1, 'z'), (2, 'a'), (0, 'first')]:
    pq.put_nowait(item)
print([pq.get_nowait() for _ in range(4)])

q = queue.Queue(maxsize=2)
q.put(1); q.put_nowait(2)
print(q.full(), q.qsize(), q.maxsize)
for fn in (lambda: q.put(3, block=False), lambda: q.put_nowait(3),
           lambda: q.put(3, timeout=0.01)):
    try:
        fn()
    except queue.Full as e:
        print('Full', repr(e))
print(q.get(), q.get())
for fn in (lambda: q.get(block=False), q.get_nowait, lambda: q.get(timeout=0.01),
           lambda: q.get(True, 0)):
    try:
        fn()
    except queue.Empty as e:
        print('Empty', repr(e))
for fn in (lambda: q.get(timeout=-1), lambda: q.put(1, timeout=-1)):
    try:
        fn()
    except ValueError as e:
        print('ValueError', e)
print(q.unfinished_tasks)
q.task_done(); q.task_done()
try:
    q.task_done()
except ValueError as e:
    print('ValueError', e)
q.join()
print('joined')
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Queue(-1).full(), queue.Queue(0).full())

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
sq.put(1); sq.put_nowait(2); sq.put(3, block=False, timeout=5)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.get(timeout=1))
for fn in (sq.get_nowait, lambda: sq.get(False), lambda: sq.get(timeout=0.01)):
    try:
        fn()
    except queue.Empty:
        print('Empty')
try:
    sq.get(timeout=-1)
except ValueError as e:
    print('ValueError', e)
q.get_nowait()
