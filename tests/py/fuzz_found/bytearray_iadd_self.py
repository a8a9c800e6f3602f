# Found by tools/difffuzz.py and minimized by it (a random program of seed 294,
# generator of the time). CPython and gilpy then printed:
#   python: ! BufferError Existing exports of data: object cannot be re-sized
#   gilpy:  bytearray(b'abcabc')
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
try:
    v5 = bytearray(b'abc')
except Exception as e:
    v5 = bytearray(b'\xc3(')
try:
    v5 += v5
    show(v5)
except Exception as e:
    exc(e)
