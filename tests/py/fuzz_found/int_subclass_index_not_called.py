# Found by tools/difffuzz.py and minimized by it (a random program of seed 208,
# generator of the time). CPython and gilpy then printed:
#   python: ! ValueError negative count
#   gilpy:  b'\x00\x00\x00'
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
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
class C8(int):
    def v(self):
        return "C8(%r)" % (self.v,)
    def __index__(self):
        return 3
try:
    o10 = C8(-1)
except Exception as e:
    o10 = None
try:
    show(bytes(o10))
except Exception as e:
    exc(e)
