# arbitrary precision integers
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(30))
print(len(str(fact(500))), str(fact(500))[:20], fact(500) % 1000007)
print(2 ** 100, -2 ** 100, 2 ** 100 - 1, (2 ** 100) // 3, (2 ** 100) % 7, -(2 ** 100) // 7, -(2 ** 100) % 7)
a = 123456789123456789123456789
b = 987654321987654321
print(a * b, a // b, a % b, divmod(a, -b), a - b * 1000000000, a + b)
print(a > b, a == a + 0, a != b, -a < b, abs(-a))
print(a & b, a | b, a ^ b, ~a, a << 65, a >> 40, -a >> 3)
print(pow(a, 3), pow(a, 65537, 2 ** 127 - 1), pow(7, 10 ** 20, 13))
print(hex(2 ** 80), oct(2 ** 70), bin(2 ** 65), int('1' * 40), int('f' * 30, 16))
print(2 ** 63 - 1 + 1, -2 ** 63 - 1, 2 ** 62 * 4, (2 ** 64) // (2 ** 32))
print(float(2 ** 100), int(1e30), 2 ** 100 / 2 ** 99, 10 ** 40 / 3)
print((2 ** 100).bit_length(), hash(2 ** 100) == hash(2 ** 100), 2 ** 100 == 2.0 ** 100)
print(sum(range(10 ** 6, 10 ** 6 + 10)) * 10 ** 20)
x = 1
for i in range(70):
    x *= 3
print(x, x // 3 ** 69, x > 2 ** 64)
print(round(123456789123456789, -5), 10 ** 30 // 10 ** 29, (-10) ** 25)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(fact(25) == 15511210043330985984000000, 1 << 200 >> 199)
