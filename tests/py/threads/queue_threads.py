# queue across threads: producer/consumer with task_done/join, a bounded
# queue blocking the producer, sentinels to stop workers.
import queue
import threading

q = queue.Queue()
results = []
lock = threading.Lock()
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with lock:
            results.append(item * item)
        q.task_done()

workers = [threading.Thread(target=worker) for _ in range(4)]
for w in workers:
    w.start()
for i in range(100):
    q.put(i)
q.join()
print(len(results), sum(results))
for _ in workers:
    q.put(None)
for w in workers:
    w.join()
print(q.empty(), q.unfinished_tasks)

bounded = queue.Queue(maxsize=3)
got = []
def consumer():
    for _ in range(20):
        got.append(bounded.get())
c = threading.Thread(target=consumer)
c.start()
for i in range(20):
    bounded.put(i)
    assert bounded.qsize() <= 3
c.join()
print(got == list(range(20)))

lq = queue.LifoQueue()
sq = queue.SimpleQueue()
def feeder():
    for i in range(5):
        sq.put(i)
t = threading.Thread(target=feeder)
t.start()
print([sq.get(timeout=5) for _ in range(5)])
t.join()

# get() with a timeout wakes up when an item arrives.
tq = queue.Queue()
timer = threading.Timer(0.02, tq.put, args=['late'])
timer.start()
print(tq.get(timeout=5))
timer.join()
