def f(a, b=1, /, c=2, *, d, e=3): pass
lambda a, b=1, /, c=2, *d, e, f=3, **g: 0
