# Found by tools/difffuzz.py and minimized by it (a random program of seed 357,
# generator of the time). CPython and gilpy then printed:
#   python: '3.000000E+00+0.000000E+00j'
#   gilpy:  '3.000000E+00-0.000000E+00j'
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
try:
    show((complex(3, -0.0)).__format__('z18E'))
except Exception as e:
    exc(e)
