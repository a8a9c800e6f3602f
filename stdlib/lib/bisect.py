"""Bisection algorithms over sorted sequences (CPython's bisect API).

Written to behave like CPython's C module _bisect: the same comparisons
(`x < a[mid]` / `a[mid] < x`), lo/hi converted like its Py_ssize_t
parameters (hi=None and hi=-1 both mean len(a)), len(a) taken only when hi
is not given, and its Argument Clinic messages for bad calls.
"""

__all__ = ['bisect_left', 'bisect_right', 'bisect', 'insort_left', 'insort_right', 'insort']

_NAMES = ('a', 'x', 'lo', 'hi')


def _parse(fname, args, kw):
    # (a, x, lo=0, hi=None, *, key=None), with CPython's clinic messages.
    if len(args) > 4:
        raise TypeError(f'{fname}() takes at most 4 positional arguments ({len(args)} given)')
    vals = dict(zip(_NAMES, args))
    key = None
    for name, value in kw.items():
        if name == 'key':
            key = value
            continue
        if name not in _NAMES:
            raise TypeError(f"'{name}' is an invalid keyword argument for {fname}()")
        if name in vals:
            pos = _NAMES.index(name) + 1
            raise TypeError(f"argument for {fname}() given by name ('{name}') and position ({pos})")
        vals[name] = value
    for pos, name in enumerate(_NAMES[:2], 1):
        if name not in vals:
            raise TypeError(f"{fname}() missing required argument '{name}' (pos {pos})")
    lo = _ssize(vals.get('lo', 0))
    hi = vals.get('hi', None)
    if hi is not None:
        if not hasattr(type(hi), '__index__'):
            raise TypeError(f"argument should be integer or None, not '{type(hi).__name__}'")
        hi = _ssize(hi, "cannot fit 'int' into an index-sized integer")
    return vals['a'], vals['x'], lo, hi, key


def _ssize(v, big='Python int too large to convert to C ssize_t'):
    # A Py_ssize_t argument: __index__, OverflowError past 64 bits.
    if not hasattr(type(v), '__index__'):
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    v = type(v).__index__(v)
    if not -2**63 <= v < 2**63:
        raise OverflowError(big)
    return v


def _bounds(a, lo, hi):
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None or hi == -1:
        if isinstance(a, dict):
            raise TypeError(f'{type(a).__name__} is not a sequence')
        hi = len(a)
    return lo, hi


def _right(a, x, lo, hi, key):
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < (a[mid] if key is None else key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _left(a, x, lo, hi, key):
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if (a[mid] if key is None else key(a[mid])) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_right(*args, **kw):
    """Return the index where to insert item x in list a, assuming a is sorted."""
    return _right(*_parse('bisect_right', args, kw))


def bisect_left(*args, **kw):
    """Return the index where to insert item x in list a, assuming a is sorted."""
    return _left(*_parse('bisect_left', args, kw))


def insort_right(*args, **kw):
    """Insert item x in list a, and keep it sorted assuming a is sorted."""
    a, x, lo, hi, key = _parse('insort_right', args, kw)
    i = _right(a, x if key is None else key(x), lo, hi, key)
    a.insert(i, x)


def insort_left(*args, **kw):
    """Insert item x in list a, and keep it sorted assuming a is sorted."""
    a, x, lo, hi, key = _parse('insort_left', args, kw)
    i = _left(a, x if key is None else key(x), lo, hi, key)
    a.insert(i, x)


bisect = bisect_right
insort = insort_right
