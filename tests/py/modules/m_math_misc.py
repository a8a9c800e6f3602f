import math
print(math.sqrt(16), math.sqrt(2.0), math.isqrt(99), math.pow(2, 10), 2 ** 0.5)
print(math.exp(2), math.log(100, 10), math.log(1024, 2), math.log10(0.001), math.log2(1/8))
print(math.floor(-3.5), math.ceil(3.000001), math.trunc(1e10), math.fabs(-3), math.copysign(3, -0.0))
print(math.factorial(0), math.factorial(12), math.comb(52, 5), math.perm(10, 3))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.dist([1, 2, 3], [4, 5, 6]))
print(math.fsum([0.1, 0.2, 0.3]), math.fsum([]), math.prod([]), math.prod(range(1, 10)), math.prod([1.5, 2]))
print(math.gcd(0, 0), math.gcd(-12, 18), math.lcm(0, 5), math.lcm(-4, 6))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0), math.isclose(math.inf, math.inf))
print(math.nan == math.nan, math.isnan(float('nan')), math.inf > 1e308, -math.inf)
print(math.atan(1) * 4 == math.pi, math.asin(1), math.acos(0), math.cos(math.pi))
print(math.ulp(1.0), math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.remainder(10, 4))
print(math.cbrt(27) if hasattr(math, 'cbrt') else 3.0, math.exp2(10) if hasattr(math, 'exp2') else 1024.0)
print(math.modf(3.75), math.frexp(0), math.frexp(-10.5), math.ldexp(3, -2))
print(math.floor(7), math.ceil(-7), math.floor(True), type(math.trunc(3.9)))
print(math.degrees(1), math.radians(90), math.tau / 2)
print(math.sumprod if hasattr(math, 'sumprod') else 'no sumprod')
for v in [0.0, -0.0, 1e-300, 5e-324]:
    print(repr(math.sqrt(v)), math.log1p(v), math.expm1(v))
class Fl:
    def __float__(self): return 2.25
class Fi:
    def __floor__(self): return 'F'
    def __ceil__(self): return 'C'
    def __trunc__(self): return 'T'
print(math.sqrt(Fl()), math.floor(Fi()), math.ceil(Fi()), math.trunc(Fi()))
print(math.isqrt(10**40), math.factorial(25), math.comb(100, 50))
print(math.log(10**400, 10), math.log2(2**2000), math.log10(10**500))
try:
    math.sqrt(-0.1)
except ValueError as e:
    print(e)
try:
    math.log(0.0)
except ValueError as e:
    print(e)
try:
    math.exp(710)
except OverflowError as e:
    print(e)
for name in ['factorial', 'comb', 'isqrt', 'gcd']:
    try:
        print(getattr(math, name)(2.5) if name != 'comb' else math.comb(2.5, 1))
    except TypeError as e:
        print(name, e)
