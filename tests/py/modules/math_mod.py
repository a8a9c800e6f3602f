# math
import math
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(math.sqrt(2), math.sqrt(16), math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(math.fabs(-3), math.pow(2, 10), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1), math.asin(1), math.acos(1), math.atan(1))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(1, -0.0))
print(math.factorial(20), math.factorial(0), math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3), math.modf(2.5), math.frexp(8.0), math.ldexp(1, 4))
print(math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), math.floor(5), type(math.floor(5.5)).__name__, math.dist((0, 0), (3, 4)))
print(math.sinh(0), math.cosh(0), math.tanh(0), math.erf(0), math.gamma(5), math.lgamma(1))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
print(math.factorial(50), math.gcd(2 ** 100, 6 ** 50))
