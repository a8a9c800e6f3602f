import math
xs = [0.5, 1.5, 2.5, 3.3, 7.25, 10, 10.5, 20.1, 33.0, 100.0, 171.5, 0.001, 1e-25, -0.5, -1.5, -2.5, -3.7, -10.25, -150.3, 140.5, 199.9]
for x in xs:
    try:
        g = math.gamma(x)
    except (ValueError, OverflowError) as e:
        g = type(e).__name__
    print(x, g, math.lgamma(x))
for x in [0.1, 0.5, 1.0, 1.4, 1.6, 2.0, 3.0, 5.9, -0.3, -2.2, 27.0, 30.5]:
    print(x, math.erf(x), math.erfc(x))
for bad in [0, -1, -2.0, float('-inf')]:
    for f in (math.gamma, math.lgamma):
        try:
            print(f.__name__, bad, f(bad))
        except (ValueError, OverflowError) as e:
            print(f.__name__, bad, type(e).__name__, e)
print(math.lgamma(float('inf')), math.gamma(float('inf')), math.lgamma(1e308))
try:
    math.gamma(172)
except OverflowError as e:
    print('OverflowError', e)
print(math.gamma(1e-320) if False else math.gamma(-201.5), math.gamma(-1e-300))
