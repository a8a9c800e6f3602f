# Event and Timer.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0.01), e.wait(0))
e.set()
print(e.is_set(), e.wait(), e.wait(0.01))
e.clear()
print(e.is_set())

results = []
def waiter(n):
    results.append((n, e.wait(5)))
threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
e.set()
for t in threads:
    t.join()
print(sorted(results))

fired = []
t = threading.Timer(0.01, fired.append, args=['fired'])
t.start(); t.join()
print(fired, t.finished.is_set())
t = threading.Timer(10, fired.append, args=['never'])
t.start()
t.cancel()
t.join()
print(fired)
t = threading.Timer(0, lambda **kw: fired.append(kw), kwargs={'k': 1})
print(t.interval, t.args, t.kwargs, t.daemon)
t.start(); t.join()
print(fired)
print(isinstance(t, threading.Thread))
