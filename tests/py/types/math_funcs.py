# the math module
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.log(8, 2), math.log(10**1000), math.log2(2**1100), math.log10(1000))
print(math.sin(1), math.cos(1), math.tan(1), math.atan2(1, -1), math.hypot(3, 4, 12), math.dist((0, 0), (3, 4)))
print(math.floor(2.5), math.ceil(-0.5), math.trunc(-2.7), math.floor(10**20), type(math.floor(2.0)).__name__)
print(math.factorial(20), math.factorial(30), math.gcd(12, 18, 8), math.gcd(), math.lcm(4, 6, 10), math.lcm())
print(math.comb(10, 3), math.comb(5, 7), math.perm(5), math.perm(5, 2), math.isqrt(10**20 + 1), math.prod([1, 2, 3], start=2))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(-2.5), math.modf(math.inf), math.copysign(1, -0.0))
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.degrees(math.pi), math.radians(180))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.lgamma(10), math.fmod(-7, 3), math.remainder(7, 3))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5), math.expm1(1e-10), math.log1p(1e-10))
for expr in ['math.sqrt(-1)', 'math.log(0)', 'math.log(-1)', 'math.log(2, 1)', 'math.exp(1000)', 'math.pow(0, -1)',
             'math.pow(-1, 0.5)', 'math.pow(10, 400)', 'math.fmod(1, 0)', 'math.gamma(0)', 'math.gamma(200)',
             'math.lgamma(0)', 'math.factorial(-1)', 'math.factorial(5.0)', 'math.comb(-5, 1)', 'math.comb(5, -1)',
             'math.isqrt(-1)', 'math.trunc("a")', 'math.floor("a")', 'math.sqrt("a")', 'math.isclose(1, 1, rel_tol=-1)',
             'math.dist([1], [1, 2])', 'math.fsum([1e308, 1e308])', 'math.fsum([math.inf, -math.inf])',
             'math.ldexp(1, 10000)', 'math.atanh(1)', 'math.asin(2)', 'math.sin(math.inf)', 'math.cosh(1000)',
             'math.factorial(10**20)', 'math.gcd(4.0)']:
    try:
        print(expr, eval(expr))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(expr, type(e).__name__, e)
