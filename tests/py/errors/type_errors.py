# TypeError messages
NONE, FLT = None, 1.5
cases = [
    lambda: 1 + 'a', lambda: 'a' + 1, lambda: [] + (), lambda: 1 - 'x', lambda: 'a' * 'b', lambda: {} + {},
    lambda: None + 1, lambda: 2 ** 'x', lambda: 1 < 'a', lambda: len(1), lambda: int(None), lambda: 'abc'[FLT],
    lambda: [1][NONE], lambda: {}[[]], lambda: (lambda a: a)(), lambda: (lambda: 0)(1), lambda: (lambda *, k: k)(),
    lambda: abs(), lambda: 'x'.join(5), lambda: sum('ab'), lambda: iter(None), lambda: (lambda v: v())(5), lambda: object() < object(),
    lambda: 'a' % 5 if False else '%d' % 'x', lambda: [].sort(key=1, reverse=2, x=3), lambda: int('1', base=1.0),
    lambda: -'a', lambda: tuple(5), lambda: 'abc'.startswith(1), lambda: {}.get(), lambda: divmod('a', 1),
]
for c in cases:
    try:
        c()
        print('no error')
    except TypeError as e:
        print(type(e).__name__, e)
