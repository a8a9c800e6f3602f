# big integer limits
import math
f = math.factorial(1000)
print(len(str(f)), str(f)[:30], f % (10 ** 9 + 7))
n = 3 ** 5000
print(len(str(n)), n % 1000, (n >> 7000) & 0xff, n.bit_length())
print(pow(2, 10000, 10 ** 9), (2 ** 4096 - 1) % 255)
x = 1
for _ in range(200):
    x = x * 1000003 + 7
print(x % 99991, len(str(x)), x // (10 ** 1150) > 0)
print(int('9' * 2000) + 1 == 10 ** 2000, -(10 ** 500) // 7 % 13)
