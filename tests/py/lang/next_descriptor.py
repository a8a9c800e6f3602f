# next() finds __next__ as the other special methods do: through a
# descriptor's __get__ (unittest.mock's MagicProxy), not called as it is.
class Proxy:
    def __init__(self, name): self.name = name
    def __get__(self, obj, typ=None):
        def f(*a): return (self.name, len(a))
        return f
class C:
    __next__ = Proxy('next')
    __iter__ = Proxy('iter')
    __len__ = Proxy('len')
    __getitem__ = Proxy('getitem')
    __call__ = Proxy('call')
    __repr__ = Proxy('repr')
    __contains__ = Proxy('contains')
    __enter__ = Proxy('enter')
    __exit__ = Proxy('exit')
c = C()
for name, f in [('next', lambda: next(c)), ('getitem', lambda: c[1]), ('call', lambda: c(1)), ('contains', lambda: 1 in c),
                ('len', lambda: len(c)), ('repr', lambda: repr(c))]:
    try: print(name, f())
    except Exception as e: print(name, type(e).__name__, e)
try:
    with c as v: print('with', v)
except Exception as e: print('with', type(e).__name__, e)
from unittest import mock
m = mock.mock_open(read_data='one\ntwo\nthree')
with m('f') as fh:
    print(next(fh), list(fh))
with m('f') as fh:
    print([line for line in fh])
print(next(iter([]), 'default'))
