def f(a, b, *, c): pass
f(1, c=2)
