# Found by tools/difffuzz.py: an int subclass is its own index (its __index__ is
# never called, as CPython's PyNumber_Index); a, *b = v takes the items from
# iter(v) without asking len(v); dict.pop on an empty dict answers before
# hashing; bytearray += itself is CPython's BufferError while extend copies.
class I(int):
    def __index__(self): return 3
    def __repr__(self): return 'I(%d)' % int(self)
import operator
for v in [I(-1), I(5)]:
    for f in [bytes, bytearray, operator.index, lambda x: [1, 2, 3][x], lambda x: 'abcdef'[x:], hex, lambda x: range(x), lambda x: x.__index__()]:
        try:
            print(v, repr(f(v))[:30])
        except Exception as e:
            print(v, type(e).__name__, e)
class S(str):
    def __len__(self): raise AttributeError('S.__len__')
class L(list):
    def __len__(self): raise KeyError('L.__len__')
for v in [S('0.1'), L([1, 2, 3]), 'ab', [1], iter([1, 2]), S('')]:
    try:
        a, *b = v
        print(repr(a), b)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        a, *b, c = v
        print(repr(a), b, repr(c))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        *b, = v
        print(b)
    except Exception as e:
        print(type(e).__name__, e)
for d in [{}, {1: 2}]:
    for k in [bytearray(b'x'), [], 1, 'z']:
        for args in [(k,), (k, 'dflt')]:
            try:
                print(d.pop(*args), d)
            except Exception as e:
                print(type(e).__name__, e)
for ba in [bytearray(b'abc'), bytearray()]:
    for how in ['+=', 'extend', 'slice']:
        b2 = bytearray(ba)
        try:
            if how == '+=': b2 += b2
            elif how == 'extend': b2.extend(b2)
            else: b2[1:2] = b2
            print(how, b2)
        except Exception as e:
            print(how, type(e).__name__, e)
