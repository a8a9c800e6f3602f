import math

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f100 = fact(100)
print(f100)
print(len(str(f100)), sum(int(d) for d in str(f100)))
print(f100 == math.factorial(100))
trailing = len(str(f100)) - len(str(f100).rstrip("0"))
print("trailing zeros:", trailing)

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(300))
idx = next(i for i in range(1, 10000) if len(str(fib(i))) >= 100)
print("first fib with 100 digits:", idx)

print(2 ** 256)
print(hex(2 ** 128 - 1), oct(3 ** 40), bin(7 ** 20))
print((2 ** 100) // 3, (2 ** 100) % 7, divmod(-(10 ** 30), 7))
print(-(2 ** 70) // 3, -(2 ** 70) % 3)
print(pow(3, 10 ** 5, 10 ** 9 + 7), pow(2, -1, 97))
print(math.isqrt(10 ** 50), math.gcd(fact(30), 2 ** 40))
print(int("123456789" * 5) * int("987654321" * 4))
print(int("ff" * 20, 16), int("-" + "1010" * 10, 2))
x = 12345678901234567890
print(x.bit_length(), (x >> 20), (x << 3), x & 0xFFFF, x | 1, x ^ (x >> 1))
print(abs(-x), -x, +x, ~x)
print(f"{x:,}", f"{x:_}", f"{x:>30}", f"{x:e}", f"{2**100:x}")
print(float(2 ** 80), 2 ** 80 / 3, 10 ** 30 / 10 ** 10)
print(round(2 ** 70 / 7), int(1e20), int(-1.5e19))
print(str(10 ** 40)[::-1])

def digits_sum_power(base, exp):
    return sum(map(int, str(base ** exp)))
print(digits_sum_power(2, 1000))
print(max(digits_sum_power(a, b) for a in range(90, 100) for b in range(90, 100)))

def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(collatz_len(2 ** 100 + 1), collatz_len(27))
print(sorted([2 ** 65, -3, 10 ** 20, 0, -(2 ** 64)]))
print(2 ** 64 == 18446744073709551616, 2 ** 64 > 1.8e19, hash(2 ** 61 - 1) == hash(0))
print(sum([2 ** 62] * 8), (2 ** 62) * 4 - 2 ** 64)
