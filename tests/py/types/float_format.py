# float repr, format, rounding and conversions
for x in [1e16, 1e15, 0.1, 1e-05, 0.0001, -0.0, 1.5, 1/3, 1e22, 5e-324, 1.7976931348623157e308, 2.5e-5]:
    print(repr(x), str(x))
for spec in ['', '.3', '.17', 'e', '10.3e', 'E', 'f', '.0f', '#.0f', 'F', 'g', '#g', 'G', '%', '.1%', ',', '015,.2f', '+', ' ', 'z.1f', '=+12.3f', '*^12g', 'n', '.2']:
    for v in [0.0, -0.0, 1.5, -1234567.891, 1e20, 1e-7, 100.0, float('inf'), float('nan'), -0.0001]:
        print(repr(spec), repr(v), repr(format(v, spec)))
for s in [' -iNfinity ', '1_0.5', '1__0', '1e1_0', '.', '1.', '.5', '0x10', 'nan(1)', '+nan', '1e500', '-1e-500', '']:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), e)
print(round(2.675, 2), round(0.5), round(-0.5), round(1.5), round(2.5, 0), round(-0.04, 1), round(1e300, -300))
print(round(1.5, 400), round(1e-300, 400), round(1234.5678, -2), round(5e-324, 323))
for expr in ['round(1.7e308, -308)', 'round(float("inf"))', 'round(float("nan"))', '1.0 / 0', '1.0 // 0',
             '1.0 % 0', 'divmod(1.0, 0)', '0.0 ** -1', '10.0 ** 400', 'float(10**400)', 'pow(2.0, 3, 5)',
             'float("inf").as_integer_ratio()', 'float("nan").as_integer_ratio()', 'float.fromhex("x")']:
    try:
        print(expr, eval(expr))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(expr, type(e).__name__, e)
print(divmod(-7.5, 2), -7.5 % 2, 7.5 // -2, (1.5).hex(), (-0.0).hex(), (5e-324).hex(), float.fromhex('0x1.8p1'))
print((1.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.5).is_integer(), (2.0).is_integer())
print(hash(0.5), hash(1.5), hash(-2.25), hash(1e300), hash(float('inf')), hash(2.0**70), hash(1.0) == hash(1))
print(1.0 == 2**53 + 1, 2.0**53 == 2**53, 1e300 > 10**300, float('nan') == 1, 10**400 > float('inf'))
