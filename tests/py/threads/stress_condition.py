# test: timeout=120, skip-gc-stress
# Stress: a Condition-based bounded buffer moves 100 000 items from 2
# producers to 2 consumers with no lost wake-up.
import threading

N = 100000
CAP = 64
buf = []
cond = threading.Condition()
consumed = [0, 0]
total = [0, 0]

def producer(start, count):
    for i in range(start, start + count):
        with cond:
            while len(buf) >= CAP:
                cond.wait()
            buf.append(i)
            cond.notify_all()

def consumer(k, count):
    for _ in range(count):
        with cond:
            while not buf:
                cond.wait()
            total[k] += buf.pop(0)
            consumed[k] += 1
            cond.notify_all()

half = N // 2
threads = [threading.Thread(target=producer, args=(0, half)),
           threading.Thread(target=producer, args=(half, half)),
           threading.Thread(target=consumer, args=(0, half)),
           threading.Thread(target=consumer, args=(1, half))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(consumed), sum(total) == N * (N - 1) // 2, buf)
