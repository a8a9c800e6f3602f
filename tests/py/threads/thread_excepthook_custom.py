# threading.excepthook can be replaced; it receives ExceptHookArgs.
import threading

seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value),
                 args.exc_traceback is not None, args.thread.name))
    print(type(args).__name__, len(args), args[0].__name__, args[3] is args.thread)

print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook

def fail(x):
    raise KeyError(x)

t = threading.Thread(target=fail, args=('k',), name='failing')
t.start(); t.join()
t = threading.Thread(target=lambda: 1 / 0)
t.start(); t.join()
print(seen)

def broken_hook(args):
    raise RuntimeError('hook failed')
threading.excepthook = broken_hook
t = threading.Thread(target=fail, args=('z',))
t.start(); t.join()
print('still running')
threading.excepthook = threading.__excepthook__

a = threading.ExceptHookArgs([ValueError, ValueError('v'), None, None])
print(a.exc_type.__name__, a.exc_value, a.exc_traceback, a.thread)
try:
    threading.ExceptHookArgs([1, 2])
except TypeError as e:
    print('TypeError', e)
