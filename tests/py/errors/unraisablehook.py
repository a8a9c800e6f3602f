# sys.unraisablehook: __del__ errors go to it with CPython's UnraisableHookArgs;
# a failing hook is itself reported; the default hook prints "Exception ignored in".
import io, re
import sys, gc
err = io.StringIO()
sys.stderr = err
print(sys.unraisablehook is sys.__unraisablehook__)
class D:
    def __del__(self):
        raise ValueError('in del')
seen = []
def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), type(u.exc_traceback).__name__, u.err_msg, type(u.object).__name__))
sys.unraisablehook = hook
d = D(); del d; gc.collect()
print(seen)
def bad(u):
    raise KeyError('hook failed')
sys.unraisablehook = bad
d = D(); del d; gc.collect()
sys.unraisablehook = sys.__unraisablehook__
d = D(); del d; gc.collect()
try:
    sys.unraisablehook(5)
except TypeError as e:
    print(e)
del sys.unraisablehook
d = D(); del d; gc.collect()
print('end')

sys.stderr = sys.__stderr__
out = re.sub(r' at 0x[0-9a-f]+', ' at ADDR', err.getvalue())
print(re.sub(r'File "[^"]*/', 'File "', out))
