def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for a in [7, -7, 7.5, -7.5, 0, -0.0, 2 ** 70, -(2 ** 70), 1e300]:
    for b in [2, -2, 0.5, -0.5, 3, -3.25, 2 ** 65]:
        print(a, b, divmod(a, b), a // b, a % b)
t(lambda: divmod(1, 0.0)); t(lambda: divmod(2 ** 70, 0)); t(lambda: divmod('a', 1)); t(lambda: divmod(1j, 1))
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 12345.6789, -0.0, 1e16 + 1, 5e-324]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1), round(x, 0))
for n in [5, 15, 25, 35, -25, 12345, 10 ** 20 + 50, -(10 ** 20) - 50]:
    print(n, round(n, -1), round(n, -2), round(n, 2), round(n, -25))
print(pow(2, 0.5), pow(-2, 2.0), pow(2.5, -2), pow(-8, 1 / 3), pow(0.0, 0.0), pow(-1, 0.5), (-1) ** 0.5, (-0.5) ** 1.5, 4 ** 0.5, 8 ** (1 / 3))
print(pow(10, -3), pow(-3, -3), pow(7, 123, 1000), pow(-7, 3, 10), pow(7, -1, 10), pow(2, 100, -3), 2 ** -1074, 2 ** 1023.0)
t(lambda: pow(2.0, 1024)); t(lambda: 2 ** 1024.0 if False else (2.0 ** 1024)); t(lambda: pow(0, -1.5)); t(lambda: (-8) ** 1e300)
print(abs(-0.0), abs(-7), abs(2 ** 80 * -1), abs(-1.5e300), abs(True))
print(int(2.5), int(-2.5), float(2 ** 1023 * 1.5 if False else 1.5), 3 / 2, -3 / 2, 3 // -2, 7 / -7, 0 / -5, -0.0 / 1)
print(1e308 + 1e308, -1e308 * 10, 1e-320 / 1e10, float('inf') - float('inf'), float('inf') * 0)
t(lambda: 1 / 0.0); t(lambda: 0.0 / 0); t(lambda: 5 % 0.0); t(lambda: 10 ** 400 / 10 ** -1 if False else 10 ** 400 / 0.5)
print(10 ** 400 // 10 ** 399, 10 ** 400 / 10 ** 399, (10 ** 30) / 7, 2 ** 64 / 2 ** 63, (2 ** 53 + 1) / 1, 1 / 2 ** 1100 if False else 0)
