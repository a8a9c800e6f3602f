# Found by tools/difffuzz.py and minimized by it (a random program of seed 353,
# generator of the time). CPython and gilpy then printed:
#   python: '0' ['.', '1']
#   gilpy:  ! AttributeError C21.__len__
def _r(x):
    t = type(x)
    if t.__module__ == '__main__':
        return repr(x)
    if hasattr(t, '__next__') and t.__name__ not in ('str', 'bytes'):
        out = []
        for v in x:
            out.append(v)
            if len(out) >= 30:
                break
        return t.__name__ + ':' + _r(out)
    if callable(x) and not isinstance(x, type):
        return '<callable %s>' % getattr(x, '__name__', '?')
    if t in (list, tuple):
        return repr(t(_Shown(_r(v)) for v in x))
    if t in (set, frozenset) and any(_idh(v) for v in x):
        return t.__name__ + '~' + repr(sorted(_r(v) for v in x))
    return repr(x)
class _Shown:
    def __init__(self, s): self.s = s
    def __repr__(self): return self.s
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
class C21(str):
    def v(self):
        return C21(o + self.v)
    def __len__(self):
        raise AttributeError("C21.__len__")
try:
    o24 = C21(0.1)
except Exception as e:
    o24 = None
try:
    a, *b = o24
    show(a, b)
except Exception as e:
    exc(e)
