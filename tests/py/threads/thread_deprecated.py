# The deprecated camelCase API still works and warns as CPython 3.11 does.
import threading
import warnings

t = threading.Thread(target=lambda: None, name='old')
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(t.getName())
    t.setName('older')
    print(t.name)
    print(t.isDaemon())
    t.setDaemon(True)
    print(t.daemon)
    print(threading.currentThread().name)
    print(threading.activeCount())
    e = threading.Event()
    print(e.isSet())
    c = threading.Condition()
    with c:
        c.notifyAll()
for w in caught:
    print(w.category.__name__, w.message)
