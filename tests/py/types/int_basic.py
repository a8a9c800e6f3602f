# int operations and methods
print(int(), int(7.9), int(-7.9), int('  42 '), int('-0'), int(True), int('101', 2), int('z', 36))
print(7 // 2, 7 % 2, -7 // 2, -7 % 2, 7 // -2, divmod(17, 5), divmod(-17, 5), pow(3, 4), pow(3, 4, 5), pow(2, -1, 7))
print((255).bit_length(), (0).bit_length(), (-1).bit_length(), (10).bit_count() if hasattr(int, 'bit_count') else 2)
print((1024).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'little'), (-1).to_bytes(2, 'big', signed=True))
print(abs(-5), -5 // 1, round(15, -1), round(25, -1), round(7), hash(5), hash(-1))
print(int.__name__, type(5) is int, isinstance(True, int), (5).real, (5).imag, (5).numerator, (5).denominator)
print(3 .conjugate(), (12).__add__(3), (12).__sub__(3), 3 == 3.0, 10 / 5, type(10 / 5).__name__)
print(int('0x1A', 16), int('0b11', 0), int('0o17', 0), int('1_0'))
for bad in ['', '1.5', 'abc', '1 2', '0x']:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int('9', 8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(int(float('1e20')), int(1e3), max(1, 2), 5 > 4.5, 2 ** 10)
print(format(255, 'x'), format(255, 'o'), format(255, 'b'), format(-255, '#x'), format(1234567, ','))
