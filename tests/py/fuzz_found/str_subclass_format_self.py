# Found by tools/difffuzz.py and minimized by it (a random program of seed 8,
# generator of the time). CPython and gilpy then printed:
#   python: C13('(0, 10, nan)')
#   gilpy:  '(0, 10, nan)'
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
    return repr(x)
def show(*a):
    print(*[_r(x) for x in a])
class C13(str):
    @property
    def v(self):
        return str(self)
    def __repr__(self):
        return "C13(%r)" % (self.v,)
try:
    o15 = C13((0, 10, float('nan')))
except Exception as e:
    o15 = None
try:
    show(f'{o15:>5}')
except Exception as e:
    exc(e)
