# threading.local: per-thread attributes, subclass __init__ re-run per thread.
import threading

data = threading.local()
data.x = 'main'
seen = []
def worker(n):
    seen.append(hasattr(data, 'x'))
    data.x = n
    seen.append(data.x)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(seen, data.x)
del data.x
print(hasattr(data, 'x'))
try:
    data.__dict__ = {}
except AttributeError as e:
    print('AttributeError', e)
print(data.__dict__)

class MyLocal(threading.local):
    initialized = 0
    def __init__(self, color='red'):
        self.color = color
        self.count = 0
        MyLocal.initialized += 1
    def bump(self):
        self.count += 1
        return self.count

ml = MyLocal('blue')
ml.bump(); ml.bump()
out = []
def use():
    out.append((ml.color, ml.bump(), ml.bump()))
t = threading.Thread(target=use)
t.start(); t.join()
print(out, ml.count, ml.color, MyLocal.initialized)
try:
    threading.local(1)
except TypeError as e:
    print('TypeError', e)
print(isinstance(ml, threading.local))
