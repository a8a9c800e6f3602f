# The length-hint protocol (PyObject_LengthHint) that list(), tuple(), sorted(),
# extend, join, *args and bytes() run after iter(), reversed() of a
# __getitem__-only object, sum() checking its iterable before its start, and
# str.maketrans checking its str arguments first (found by tools/difffuzz.py).
class NoLen:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
class NegLen:
    def __len__(self): return -1
    def __iter__(self): return iter([1, 2])
class BigLen:
    def __len__(self): return 2**70
    def __iter__(self): return iter([1])
class FloatLen:
    def __len__(self): return 1.5
    def __iter__(self): return iter([3])
class IdxLen:
    class K:
        def __index__(self): return 4
    def __len__(self): return IdxLen.K()
    def __iter__(self): return iter([4])
class RaiseLen:
    def __len__(self): raise KeyError('len')
    def __iter__(self): return iter([5])
class TELen:
    def __len__(self): raise TypeError('len')
    def __iter__(self): return iter([6])
class Hint:
    def __init__(self, h): self.h = h
    def __iter__(self): return iter([7])
    def __length_hint__(self):
        if isinstance(self.h, Exception): raise self.h
        return self.h
class NotIter:
    def __len__(self): return -1
objs = [NoLen(), NegLen(), BigLen(), FloatLen(), IdxLen(), RaiseLen(), TELen(), Hint(-1), Hint(1.5), Hint(NotImplemented),
        Hint(TypeError('t')), Hint(ValueError('v')), Hint(3), Hint(2**70), NotIter()]
for o in objs:
    for f in [list, tuple, sorted, reversed, len, bytes, bytearray, lambda x: [].extend(x), lambda x: ''.join(map(str, x)),
              lambda x: (lambda *a: a)(*x), set, lambda x: [*x], lambda x: sum(x, b'')]:
        try:
            r = f(o)
            if type(r).__name__ in ('reversed', 'list_reverseiterator'): r = list(r)
            print(type(o).__name__, getattr(f, '__name__', '?'), r)
        except Exception as e:
            print(type(o).__name__, getattr(f, '__name__', '?'), type(e).__name__, e)
for a in [('abc', 5), (5, 'x'), ('ab', 'cd', 5), ({1: 2},), (5,), ({}, 'a'), (5, 5, 5)]:
    try:
        print(str.maketrans(*a))
    except Exception as e:
        print(type(e).__name__, e)
