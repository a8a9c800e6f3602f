# int(x) follows CPython's PyNumber_Long for subclasses too (found by
# tools/difffuzz.py): an overridden __int__ or __index__ comes before the
# int/float value or the str parse; a bad literal in a bytearray is shown as b'...'.
import warnings
warnings.simplefilter('ignore')
class I(int):
    def __int__(self): return 1.5
class I2(int):
    def __index__(self): return 7
class I3(int):
    def __int__(self): return 9
class I4(int):
    def __int__(self): raise KeyError('int')
class F(float):
    def __int__(self): return 'x'
class F2(float):
    def __index__(self): return 3
class F3(float):
    def __int__(self): return 11
class S(str):
    def __int__(self): return 5
class S2(str):
    def __index__(self): return 6
class S3(str):
    def __repr__(self): return 'S3!'
class S4(str):
    def __index__(self): return 'six'
class B(bytes):
    def __index__(self): return 8
class T:
    def __trunc__(self): return 4
class N:
    def __index__(self): return 'no'
class P(int): pass
values = [I(3), I2(4), I3(5), I4(6), F(2.5), F2(3.5), F3(1.5), S('12'), S2('13'), S3('zz'),
          S4('x'), B(b'15'), T(), N(), P(-3), bytearray(b'abc'), bytearray(b' 12 '), b'x y',
          bytearray(b'\xff'), True, 2.9, '0x1f', b'-0b11', bytearray(b'7')]
for x in values:
    for base in (None, 10, 0, 16):
        try:
            r = int(x) if base is None else int(x, base)
            print(type(x).__name__, base, type(r).__name__, r)
        except Exception as e:
            print(type(x).__name__, base, type(e).__name__, e)
