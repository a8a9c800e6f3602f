# abs, round, divmod, pow
print(abs(-5), abs(5.5), abs(-0.0), abs(True), abs(-2 ** 70))
print(round(3.7), round(-3.5), round(4.5), round(3.14159, 2), round(1234, -2), round(1250, -2), round(-2.5), round(0.125, 2), round(5, 2))
print(type(round(3.2)).__name__, type(round(3.2, 1)).__name__, round(1e20), round(2.5, None))
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(7.5, 2), divmod(2 ** 70, 7), divmod(-1, 10))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(3, 3, 7), pow(10, 100, 97), pow(-2, 3, 5), pow(3, -1, 11), pow(0, 0))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    abs('x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    round('x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
