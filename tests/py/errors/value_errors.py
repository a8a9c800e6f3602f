# ValueError messages
cases = [lambda: int('x'), lambda: int('12a'), lambda: float('x'), lambda: [].index(1), lambda: 'a'.index('b'),
         lambda: (1,).index(2), lambda: [].remove(0), lambda: int('9' * 5, 2), lambda: chr(-5), lambda: range(0, 1, 0),
         lambda: 'a b'.split(''), lambda: max([]), lambda: min(()), lambda: bytes([300]), lambda: int('1e5'),
         lambda: '{'.format(1), lambda: 'x'.center(3, ''), lambda: [1, 2][::0], lambda: list(zip('a', 'bc', strict=True))]
for c in cases:
    try:
        c()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a, b = 'xy'
try:
    a, b = 'xyz'
except ValueError as e:
    print(type(e).__name__, e)
