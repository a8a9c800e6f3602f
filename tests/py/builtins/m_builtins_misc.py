import sys
print(round(10**20 + 0.5), round(-1.5), round(2.5e-8, 9), round(1.0000000000000002, 15), round(-0.5), repr(round(-0.4, 0)))
print(round(123456789, -3), round(-123456789, -10), round(5.5, -1), round(15, -1), round(25, -1), round(True))
print(divmod(-0.0, 1), divmod(5, 0.5), divmod(1e308, 1e-308) if False else 0, divmod(True, 2))
print(pow(10, -2), pow(-1, 0.5), pow(2, 0.5, None) if False else 0, pow(-3, 3, 5), pow(123456789, 987654321, 1000000007))
print(sum([1.5, 2, 3j]), sum(x * x for x in range(10)), sum([10**20, 1.5]), sum([0.1] * 10, 0.0))
print(min((1, 'b'), (1, 'a')), max(range(0)) if False else '', min(set([3, 1, 2])), max({'a': 1, 'b': 0}, key=lambda k: {'a': 1, 'b': 0}[k]))
print(format(1e100), format(-0.0), format(123, 'c') if False else '', format(65, 'c'), format(3.0, 'n'), format(1234567.891, ',.2f'), format(0.000012345, '.3g'))
print(format(10, 'X'), format(-10, '#b'), format(12.5, '=+10.2f'), format('x', '*<4'), format(1/3, '.20f'), format(2**64, ','), format(1e-7, 'f'))
print(hex(0), oct(0), bin(2**64), hex(-0), f'{255:#06x}', f'{-5:05d}')
print(chr(97) + chr(0x2603), ord('\U0001F600'), ascii('\x00\t'), repr('\x7f\x80'), ascii(b'\xff'), repr(b'\x00a\'"'))
print(isinstance([], (list, tuple)), isinstance(1.0, (int,)), issubclass(bool, (str, int)), isinstance(None, type(None)))
print(getattr([], 'append').__name__, hasattr(None, '__class__'), getattr(1, 'real'), getattr(str, 'upper')('a'))
class Q:
    __slots__ = ('a',)
q = Q()
try:
    vars(q)
except TypeError as e:
    print(e)
print(type(globals()).__name__, locals() is globals())
x = iter([1, 2, 3])
print(list(zip(x, x)), list(enumerate([], 3)))
print(next(iter(range(5, 10))), list(filter(str.isdigit, 'a1b2')))
print(sorted([3, 1, 2], key=lambda v: -v), sorted(((2, 'a'), (1, 'b')), key=lambda t: t[1], reverse=True))
print(int('  -7  '), int('0o17', 0), int('z', 36), int(b'12'), float('1_0.5'), float('  1e-3\n'))
for bad in ['int("1.5")', 'int("")', 'float("abc")', 'int("12", 1)', 'int(None)', 'float([])', 'int("0x", 16)']:
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(bool([]), bool([0]), str(), int(), float(), list(), tuple(), dict(), set(), frozenset(), bytes(3), bytearray(b'a'), complex())
print(repr(1e16), repr(1.5e300 * 1e10), repr(-1e-320), 1/3, 2/3, 10/3, 0.1 * 3, 1e15 + 0.3, 123456789.123456789)
print(abs(-10**30), -(-5), +True, ~True, 7 // -2, -7 % 3, 7.5 // 2, -7.5 % 2)
