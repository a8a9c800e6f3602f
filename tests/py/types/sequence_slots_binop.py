# + and * of str/bytes/bytearray/list/tuple as CPython's sequence slots (found by
# tools/difffuzz.py): tried after both operands' numeric methods, lost by a class
# overriding __add__/__mul__/__rmul__, the in-place forms' quirks, and the slot
# wrappers' messages when the dunders are called directly.
class S(str):
    def __add__(self, o): return NotImplemented
class S2(str):
    def __mul__(self, o): return NotImplemented
class S3(str):
    def __rmul__(self, o): return NotImplemented
class S4(str): pass
class L(list):
    def __add__(self, o): return NotImplemented
class T(tuple):
    def __mul__(self, o): return NotImplemented
class B(bytes):
    def __add__(self, o): return NotImplemented
class S5(S4):
    def __add__(self, o): return NotImplemented
class S6(S):
    pass
class Num:
    def __radd__(self, o): return 'radd'
vals = ["'a'", "'b'", "[1]", "(1,)", "b'x'", "bytearray(b'y')", "S('s')", "S2('s')", "S3('s')", "S4('s')", "L([1])", "T((1,))", "B(b'b')", "S5('x')", "S6('y')", '1', '1.5', 'None', 'Num()']
for x in vals:
    for y in vals:
        for op in ['+', '*']:
            try:
                r = eval(f'{x} {op} {y}')
                print(x, op, y, '=', repr(r)[:30])
            except TypeError as e:
                print(x, op, y, '!', e)
for x in vals:
    for y in ['1.5', "'a'", '2', '2**70', 'None']:
        for m in ['__mul__', '__rmul__', '__add__', '__imul__']:
            try:
                r = eval(f'({x}).{m}({y})')
                print(x, m, y, '=', repr(r)[:30])
            except (TypeError, OverflowError, AttributeError) as e:
                print(x, m, y, '!', type(e).__name__, e)
