# %d/%i/%u take int(v) of any number, %o/%x/%X its __index__; a TypeError from the
# conversion becomes CPython's '%c format: ... is required' message (str and bytes).
class I:
    def __int__(self): return 4
class X:
    def __index__(self): return 5
class BadIdx:
    def __index__(self): return 1.5
class F:
    def __float__(self): return 2.5
class T:
    def __trunc__(self): return 7
for fmt in ['%d', '%i', '%u', '%o', '%x', '%X', '% .0i', '%05d']:
    for v in [I(), X(), BadIdx(), F(), T(), 3.7, 2+0j, '5', None, True]:
        for f in (fmt, fmt.encode()):
            try:
                r = f % (v,)
            except Exception as e:
                r = '%s: %s' % (type(e).__name__, e)
            print(repr(f), type(v).__name__, r)
