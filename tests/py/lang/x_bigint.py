a = 2 ** 100
b = 3 ** 70
n = -(10 ** 30) - 7
print(a, b, n, a + b, a - b, b - a, a * b, a // b, b // 7, a % 97, n // 7, n % 7, -n % 13, n // -7, n % -7)
print(divmod(a, 12345), divmod(n, 1000), divmod(n, -1000), divmod(-a, b))
print(a / b, a / 3, n / 2, 2 ** 64 / 2 ** 62, (10 ** 400) // (10 ** 398))
print(a ** 2, pow(a, 3, 10 ** 9 + 7), pow(3, 10 ** 20, 97), pow(-3, 3), pow(2, -2), pow(7, -1, 13), (-2) ** 101)
print(a << 10, a >> 10, n >> 3, n << 3, -1 >> 100, 1 << 200, (1 << 200) >> 199)
print(a & b, a | b, a ^ b, ~a, n & 0xFFFF, n | 1, n ^ a, -a & b)
print(a == 2 ** 100, a != b, a < b, n < 0 < a, a > 1.0, a == float(a), 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 400 > 1e308)
print(hash(a) == hash(2 ** 100), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 61), hash(10 ** 30), hash(-1), hash(-2))
print(int("123456789012345678901234567890"), int("-0x1fffffffffffffffffff", 16), int("z" * 20, 36), int("  42  "), int("1_000_000_000_000_000_000"))
print(hex(a), oct(b), bin(2 ** 70 + 1), hex(n), f"{a:,}", f"{a:x}", f"{a:e}", f"{a:.3g}", f"{n:>40}", format(a, "_d"))
print(str(10 ** 50)[:10], len(str(7 ** 500)), repr(-(2 ** 65)), abs(n), -a, +a)
print(float(a), float(10 ** 20), int(1e20), int(-1.5e25), int(2.5), round(a), round(123456789012345678, -5), round(-5 ** 30, -10))
print(a.bit_length(), n.bit_length(), (0).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00" * 8, "little"), (2 ** 64).to_bytes(9, "big"))
print(sum(range(10 ** 6, 10 ** 6 + 10)) * 10 ** 20, max(a, b), min(a, -a), sorted([b, a, n, 0]))
print(isinstance(a, int), type(a).__name__, bool(a), bool(a - a), a // 1 == a, 0 ** 0, 0 * a, a * 0, a - a, -0)
import math
print(math.factorial(30), math.gcd(a, b * 4), math.isqrt(10 ** 40), math.comb(100, 50) if hasattr(math, "comb") else 0)
print(1 << 62, 1 << 63, 1 << 64, 2 ** 47, 2 ** 47 - 1, -2 ** 47, 2 ** 48, (2 ** 47) * 2, (2 ** 47 - 1) + 1, -(2 ** 47) - 1)
x = 2 ** 47 - 1
print(x + 1, x * x, -x - 2, (x + 1) // 2, (x + 1) - 1, x * -x, x << 1, (x + 1) >> 1, -(x + 1))
print(140737488355327 + 1, 281474976710655 * 281474976710655, -140737488355328 - 1)
try: 1 / 0
except ZeroDivisionError as e: print(e)
try: a // 0
except ZeroDivisionError as e: print(e)
try: a % 0
except ZeroDivisionError as e: print(e)
try: float(10 ** 400)
except OverflowError as e: print(e)
try: 10 ** 400 / 1
except OverflowError as e: print(e)
try: 1 << -1
except ValueError as e: print(e)
try: pow(2, -1, 4)
except ValueError as e: print(e)
try: int("12x")
except ValueError as e: print(e)
try: int("")
except ValueError as e: print(e)
try: 2.0 ** 10000
except OverflowError as e: print(e)
print(10 ** 18 + 1, 10 ** 19 + 1, 9223372036854775807 + 1, -9223372036854775808 - 1, 18446744073709551615 + 1)
print(123456789 * 987654321 * 111111111, 99999999999 * 99999999999)
print((-7) // 2, (-7) % 2, 7 // -2, 7 % -2, -(2 ** 80) // 3, -(2 ** 80) % 3, 2 ** 80 // -3, 2 ** 80 % -3)
print(True + True, True * 10, -True, ~True, True << 70, 5 + 2.5, 2 ** 0.5, (-8) ** (1/3) if False else 1, 10 ** -2, 7.0 // 2, 7.5 % 2, -7.5 % 2, 1e16 + 1)
print(int.__name__, int(True), int("0b101", 0), int("0o17", 0), int("0x1f", 0), int("101", 2), 0x_ff, 0b_1010, 0o_17, 1_0.5, 1e1_0)
