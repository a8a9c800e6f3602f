# Medium integers: sums and products of 64-200-bit values.
def mix(n):
    a, b, m = 3 ** 60, 7 ** 45, (1 << 127) - 1
    acc = 0
    for i in range(n):
        x = (a * (i + b)) % m
        y = x * x + (x >> 17)
        acc ^= y & 0xFFFFFFFFFFFFFFFFFFFF
    return acc


print(mix(2000000))
