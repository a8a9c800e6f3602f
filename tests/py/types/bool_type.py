# bool
print(True, False, type(True).__name__, bool(), bool(0), bool(1), bool(-1), bool(''), bool('0'), bool([]), bool(None))
print(True + 1, True * 3, False - 1, True / 2, True & False, True | False, True ^ True, ~True)
print(isinstance(False, int), issubclass(bool, int), True == 1, hash(True) == hash(1))
print(repr(True), str(False), int(True), float(False), f'{True}', f'{True:d}')
print(sum([True, True, False]), [1, 2][True], {True: 'a', 1: 'b'})
print(bool.__name__, True is bool(1), not True)
try:
    class B(bool): pass
except TypeError as e:
    print(type(e).__name__, e)
