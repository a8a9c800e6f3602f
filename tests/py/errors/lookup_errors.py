# IndexError / KeyError messages
cases = [lambda: [][0], lambda: [1][5], lambda: [1][-2], lambda: ()[0], lambda: 'abc'[10], lambda: range(3)[3],
         lambda: b'x'[2], lambda: {}['k'], lambda: {1: 2}[2], lambda: {}[(1, 2)], lambda: [].pop(), lambda: {}.popitem(),
         lambda: set().pop(), lambda: bytearray()[0], lambda: [1, 2].pop(5)]
for c in cases:
    try:
        c()
    except LookupError as e:
        print(type(e).__name__, repr(e), str(e))
