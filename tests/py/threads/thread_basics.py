# Thread: names, args/kwargs, run override, ident/native_id, is_alive, daemon,
# repr (without the ident), current_thread/main_thread/enumerate/active_count.
import threading

def show(t):
    r = repr(t)
    if t.ident is not None:
        r = r.replace(str(t.ident), 'IDENT')
    print(r)

results = []
def worker(a, b, *, c=0):
    me = threading.current_thread()
    results.append((me.name, a + b + c, me.ident == threading.get_ident(),
                    me is not threading.main_thread()))

t1 = threading.Thread(target=worker, args=(1, 2), kwargs={'c': 3})
t2 = threading.Thread(target=worker, args=(10, 20), name='custom')
t3 = threading.Thread(target=worker, args=(5, 5), name='')
show(t1); show(t2); show(t3)
print(t1.ident, t1.native_id, t1.is_alive(), t1.daemon)
for t in (t1, t2, t3):
    t.start()
    t.join()
    print(t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
    show(t)
print(results)

class Sub(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
    def run(self):
        self.total = sum(range(self.n))

s = Sub(100)
print(s.name)
s.start(); s.join()
print(s.total)
show(s)

class NoTarget(threading.Thread):
    pass
nt = NoTarget(name=42)
print(repr(nt.name))
nt.start(); nt.join()

d = threading.Thread(target=print, args=('daemon ran',), daemon=True)
show(d)
d.start(); d.join()
inherit = []
def spawn():
    inner = threading.Thread(target=lambda: None)
    inherit.append(inner.daemon)
    inner2 = threading.Thread(target=lambda: None, daemon=False)
    inherit.append(inner2.daemon)
p = threading.Thread(target=spawn, daemon=True)
p.start(); p.join()
print(inherit)

def named_fn(): pass
class Callable:
    def __call__(self): pass
a = threading.Thread(target=named_fn)
b = threading.Thread(target=Callable())
c = threading.Thread(target=lambda: None)
print(a.name, '|', b.name, '|', c.name)
timer = threading.Timer(0.01, lambda: None)
print(timer.name)

m = threading.main_thread()
print(m.name, m.daemon, m.is_alive(), threading.current_thread() is m)
show_main = repr(m).replace(str(m.ident), 'IDENT')
print(show_main)
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(m.ident == threading.get_ident(), isinstance(threading.get_native_id(), int))

ev = threading.Event()
blocker = threading.Thread(target=ev.wait, name='blocker')
blocker.start()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
blocker.join(0.01)
print(blocker.is_alive())
show(blocker)
ev.set()
blocker.join()
print(blocker.is_alive())
show(blocker)
print(threading.active_count())

t = threading.Thread()
t.name = 'renamed'
t.daemon = True
print(t.name, t.daemon)
print(threading.TIMEOUT_MAX > 1000, threading.ThreadError is RuntimeError)
print(isinstance(threading.Lock(), type(threading.Lock())))
