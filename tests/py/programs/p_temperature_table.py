def c_to_f(c):
    return c * 9 / 5 + 32

def f_to_c(f):
    return (f - 32) * 5 / 9

print("Celsius  Fahrenheit  Kelvin")
for c in range(-40, 101, 20):
    print(f"{c:7d}  {c_to_f(c):10.1f}  {c + 273.15:6.2f}")
print()
for f in (-40, 0, 32, 98.6, 212, 451):
    c = f_to_c(f)
    print(f, "F =", round(c, 2), "C", c)
temps = [22.5, 19.0, 24.75, 18.25, 30.1, 27.333]
print("avg", sum(temps) / len(temps), "rounded", round(sum(temps) / len(temps), 1))
print("min/max", min(temps), max(temps), "spread", max(temps) - min(temps))
print([round(t) for t in temps], [round(t, 1) for t in temps], [int(t) for t in temps])
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-0.5), round(5e-324, 3))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1 / 3, 2 / 3, 10 / 4, 7 // 2, -7 // 2, -7 % 3, 7 % -3)
print(1e100, 1.5e-10, 123456789012345678.0, 1e16, 1e15, 0.0001, 0.00001, 12345.6789e3)
print(float("3.14"), float(" -2.5e3 "), float("inf"), float("-inf"), float("nan"), float(7), float("1_000.5"))
print(3.0, 3.10, -0.0, 2 ** 0.5, 10 ** -2, 2 ** -1, 4 ** 0.5, (-8) ** (1 / 3))
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 % -2, 5.0 // 0.3, 1e308 * 10, -1e308 * 10)
print(int(3.99), int(-3.99), int("  42  "), int("-0"), int("0b101", 0), int("z", 36), int(1e10))
print(float.is_integer(3.0), (2.5).is_integer(), (0.5).as_integer_ratio(), (3.75).hex())
print(str(1.0), repr(1.1), str(1e22), str(1e21), str(1.23e-5), 100.0 / 3)
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0, 0.1 * 3, 1.1 * 1.1)
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {1e6:.2e} {123.456:08.2f} {-1.5:+.3f} {1/7:.15f}")
print("%.3f %10.4f %-10.2f| %e %g %G" % (3.14159, 2.71828, 1.41421, 0.000123, 1e-7, 2.5e20))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.fabs(-3), math.sqrt(2), math.pi, math.e)
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(1e400), math.inf > 1e308)
print(math.log(100, 10), math.log10(1000), math.log2(1024), math.log(math.e), math.exp(1), math.pow(2, 10))
print(math.sin(math.pi / 2), math.cos(0), round(math.tan(math.pi / 4), 10), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.atan2(1, 1), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.fsum([0.1] * 10))
print(math.prod([1, 2, 3, 4]), math.copysign(3, -0.0), math.fmod(-7, 3), math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4))
