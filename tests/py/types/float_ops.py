# float arithmetic and methods
print(7.0 / 2, 7.0 // 2, -7.0 // 2, 7.0 % 2.5, -7.0 % 2.5, 2.0 ** 10, 2 ** 0.5, (-8) ** (1/3) if False else 0)
print(divmod(7.5, 2), divmod(-7.5, 2), abs(-2.5), -2.5 + 1, 1e308 + 1e308)
print((2.5).is_integer(), (2.0).is_integer(), (0.5).as_integer_ratio(), (0.1).hex() if False else 1)
print(float.fromhex('0x1.8p1'), (3.75).hex())
print(int(2.9), int(-2.9), float('  -3.5e2 '), float('Infinity'), float('-inf'), float('nan') != float('nan'))
print(1.5 == 3 / 2, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9, 1e-320 > 0)
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0) == hash(0.0))
print(max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10), 3.0 * 2, 3.0 - 3)
print(round(2.5), type(round(2.5)).__name__, round(2.567, 1), type(round(2.5, 0)).__name__)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    float('abc')
except ValueError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
print((-1.0) ** 0.5 if False else 'complex skipped', 0.0 ** 0, 10 ** -2)
