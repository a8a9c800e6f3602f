# pickle's error messages and exception types, as CPython's C pickler raises them
import pickle, threading, io

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', r if not isinstance(r, bytes) else len(r))
    except Exception as e:
        msg = str(e)
        if ' at 0x' in msg:
            msg = msg[:msg.index(' at 0x')] + msg[msg.index('>', msg.index(' at 0x')):]
        print(type(e).__module__, type(e).__name__, msg)

show(pickle.dumps, lambda: 0)
def outer():
    def inner(): pass
    return inner
show(pickle.dumps, outer())
show(pickle.dumps, threading.Lock())
show(pickle.dumps, io.BytesIO().getbuffer())
show(pickle.dumps, 1, 6)
show(pickle.dumps, 1, 'x')
show(pickle.dumps, 1, 4, buffer_callback=print)
class BadReduce:
    def __reduce__(self): return 42
class ShortReduce:
    def __reduce__(self): return (BadReduce,)
class NotCallable:
    def __reduce__(self): return (1, ())
class ArgsNotTuple:
    def __reduce__(self): return (list, [1])
class Missing:
    pass
Missing.__qualname__ = 'Nowhere'
class NewobjWrong:
    def __reduce__(self): return (copyreg.__newobj__, (int,))
import copyreg
for c in (BadReduce, ShortReduce, NotCallable, ArgsNotTuple, NewobjWrong):
    for p in (0, 2, 4):
        show(pickle.dumps, c(), p)
show(pickle.dumps, Missing)
show(pickle.dumps, Missing())
class Deep: pass
x = []
for i in range(100000):
    x = [x]
show(pickle.dumps, x)
class Pers(pickle.Pickler):
    def persistent_id(self, obj):
        return 'p' + str(obj) if isinstance(obj, int) and obj > 10 else None
f = io.BytesIO()
Pers(f, 0).dump([1, 20])
print(f.getvalue())
show(pickle.loads, f.getvalue())
class UP(pickle.Unpickler):
    def persistent_load(self, pid): return ('got', pid)
print(UP(io.BytesIO(f.getvalue())).load())
class FC(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError('forbidden %s.%s' % (module, name))
show(FC(io.BytesIO(pickle.dumps(len))).load)
show(pickle.Pickler, 42)
show(pickle.Unpickler, 42)
print(pickle.PicklingError.__module__, pickle.UnpicklingError.__mro__[1].__name__)
