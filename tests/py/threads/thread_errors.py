# Thread misuse raises the errors CPython raises.
import threading

def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')

t = threading.Thread(target=lambda: None)
attempt('join before start', t.join)
attempt('is_alive before start', lambda: print(t.is_alive()))
t.start()
attempt('start twice', t.start)
t.join()
attempt('start after join', t.start)
attempt('set daemon after start', lambda: setattr(t, 'daemon', True))
attempt('join again', t.join)
attempt('join with timeout', lambda: t.join(timeout=0.1))
attempt('join negative timeout', lambda: t.join(-1))
attempt('join current', threading.current_thread().join)

inner = []
def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        inner.append(str(e))
s = threading.Thread(target=join_self)
s.start(); s.join()
print(inner)

class Bad(threading.Thread):
    def __init__(self):
        pass
b = Bad()
attempt('start without __init__', b.start)
attempt('join without __init__', b.join)
attempt('daemon without __init__', lambda: setattr(b, 'daemon', True))
attempt('group', lambda: threading.Thread(group=1))
attempt('bad args', lambda: threading.Thread(target=print, args=5).start())
