# format() and big-int behaviour of int
for spec in ['', 'd', '0=10,', '010,', '#010x', '#o', '_b', '011_x', 'X', '+d', ' d', '5c', '^9', '*<8', 'e', '.3%', '+010,.2f', 'n']:
    for v in [0, 5, 1234, -1234, 255, 10**20]:
        try:
            print(repr(spec), v, repr(format(v, spec)))
        except (ValueError, OverflowError) as e:
            print(repr(spec), v, type(e).__name__, e)
for spec in ['.2d', 'z', 'abc', 'q', '#c', '+c', ',c', ',_', '.']:
    try:
        format(12, spec)
    except ValueError as e:
        print(repr(spec), e)
print(format(True, ''), format(True, 'd'), f'{42:>{6}}', f'{-7:x}', '{:,}'.format(10**12))
print(2**47 - 1, 2**47, -2**47, -2**47 - 1, 2**63, (2**47) - 1 == 2**47 - 1)
print(hash(2**47), hash(-2**47 - 1), hash(2**61 - 1), hash(2**61), hash(10**30), hash(-1))
print((2**100) / 3, (10**400) // (10**399), 1 / (10**400), 0 / -5, float(2**63 + 2**10 + 1))
for expr in ['10**400 / 1', 'float(10**400)', '1 << (1 << 70)', 'pow(2, -1, 4)', 'pow(2, 3, 0)',
             '1 << -1', '(5).to_bytes(0, "big")', '(-1).to_bytes(1, "big")', 'int("1" * 5000)',
             'str(10**5000)', 'int(float("inf"))', 'int(float("nan"))', 'int("12", 37)', 'int(12, 10)']:
    try:
        print(expr, eval(expr))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(expr, type(e).__name__, e)
print(pow(3, -2, 7), pow(-3, 2, -7), pow(2, -1), divmod(-7, 2), round(25, -1), round(35, -1), round(-15, -1))
print((-5).to_bytes(2, 'little', signed=True), int.from_bytes(b'\xff\xfe', 'little', signed=True))
print(int(' 0x_1f ', 16), int('0b_1', 0), int(b'12'), (10).bit_count(), (-255).bit_length())
print(True + 1, True & False, True | 1, ~True, -True, type(True ^ True).__name__)
