# Float literal forms and repr
vals = [1.0, 1., .5, 0.5e3, 1e10, 1E-5, 1_000.000_1, 3.14e+2, 1e16, 1e22, 1.5e300, 2e-308]
for v in vals:
    print(repr(v), str(v))
print(0.1 + 0.2, 1/3, 2/3, 10/4, 1e100)
print(float('inf'), float('-inf'), float('nan'))
print(1.0e0, 123456789.123456789, 0.000001, 0.0000001)
print(-0.0, 0.0, 5e-324)
print(float('1e5'), float(' 2.5 '), float('-1_0.5'))
print(1e15, 1e16, 123456789012345678.0)
print(12345.678e-3)
