print(abs(-5), abs(-2.5), abs(3 + 4j), abs(True), abs(-0.0))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(0.5), round(1.5), round(2.5, 0), round(-0.4))
print(round(123.456, -1), round(123.456, 1), round(5, 2), round(1e300, 2), type(round(2.5)), type(round(2.5, 0)), round(7, None))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(10**20, 7), divmod(0, 5))
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3), pow(2.0, 0.5), pow(0, 0), pow(-8, 1/3))
print(pow(5, 0, 1), pow(2, 100, 10**9 + 7), pow(7, 2, -5), pow(base=2, exp=5), pow(2, 3, mod=5))
for bad in ['divmod(1, 0)', 'divmod(1.0, 0)', 'pow(2, -1, 4)', 'pow(2, 1, 0)', 'pow(2.0, 1, 3)', 'round("a")', 'round(1.5, 1.5)', 'abs("x")', 'pow(0, -1)', 'pow(0.0, -1)', 'round(float("inf"))', 'round(float("nan"))']:
    try:
        print(eval(bad))
    except (ZeroDivisionError, ValueError, TypeError, OverflowError) as e:
        print(bad, type(e).__name__, e)
print(int('42'), int('-0x1f', 16), int('0b101', 0), int(' 12 '), int(3.99), int(-3.99), int('1_000'), float('1e3'), float(' -inf '), float('nan'))
print(complex(1, 2), complex('3+4j'), bool(0.0), bool('0'), str(1.0), str(1e16), str(1e-5), repr(0.1 + 0.2), 1e22, 1.5e-7)
class R:
    def __round__(self, n=None): return ('round', n)
    def __abs__(self): return 'abs'
    def __divmod__(self, o): return 'dm'
    def __pow__(self, e, m=None): return ('pow', e, m)
print(round(R()), round(R(), 3), abs(R()), divmod(R(), 1), pow(R(), 2), pow(R(), 2, 3))
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2**70))
class I:
    def __index__(self): return 10
print(hex(I()), bin(I()), oct(I()), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11][I()], range(I()))
try:
    hex(1.5)
except TypeError as e:
    print(e)
print(format(3.14159, '.2f'), format(42, '08b'), format(255, 'x'), format(1234567, ','), format('s', '>5'), format(0.5, '%'), format(12), format(1e10, 'g'), format(-1, '+'), format(3, ''))
print(format(123.456, 'e'), format(1.5, '10.3f'), format('abc', '^9'), format(10, '#x'), format(10, '#o'), format(1234.5, '_.1f'), format(True), format(None))
try:
    format(1, 'z')
except ValueError as e:
    print(e)
try:
    format('a', 'd')
except ValueError as e:
    print(e)
print(chr(65), chr(0x1F600), ord('A'), ord('€'), chr(0), repr(chr(127)), ord(b'a'), ord(bytearray(b'z')))
for bad in ['chr(-1)', 'chr(0x110000)', 'ord("ab")', 'ord("")', 'chr("a")', 'ord(1)']:
    try:
        print(eval(bad))
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)
