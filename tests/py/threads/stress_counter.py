# test: timeout=120, skip-gc-stress
# Stress: 100 threads x 10 000 locked increments give the exact total.
import threading

counter = 0
lock = threading.Lock()

def work():
    global counter
    for _ in range(10000):
        with lock:
            counter += 1

threads = [threading.Thread(target=work) for _ in range(100)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
