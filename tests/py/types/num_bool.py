def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(True, False, True + 1, True & False, True | False, True ^ True, ~False, -True, True * 2.5, True / 2, True // 2, True % 2)
print(type(True & True).__name__, type(True + True).__name__, type(True | 0).__name__, int(True), float(False), str(True), repr(False))
print(bool(0), bool(1), bool(''), bool('a'), bool([]), bool(None), bool(0.0), bool(-0.0), bool(float('nan')), bool(0j), bool(range(0)))
print(True == 1, False == 0, True is True, hash(True), hash(False), {True: 1, 1: 2}, isinstance(True, int), issubclass(bool, int))
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]), True > False, f'{True}', f'{True:d}', f'{True:>6}', format(False, ''))
t(lambda: bool(1, 2)); t(lambda: type('B', (bool,), {}))
class X:
    def __bool__(self): return 1
t(lambda: bool(X()))
class Y:
    def __len__(self): return 0
print(bool(Y()), not Y(), bool.__name__, type(True).__mro__)
print(True.real, True.imag, True.numerator, True.bit_length(), (True).conjugate(), divmod(True, True), pow(True, 5), True << 3)
