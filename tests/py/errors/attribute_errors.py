# AttributeError messages
class C:
    def __init__(self): self.a = 1
class S:
    __slots__ = ()
cases = [lambda: C().b, lambda: C.b, lambda: (1).foo, lambda: 'x'.foo, lambda: [].foo, lambda: None.foo,
         lambda: {}.foo, lambda: len.foo, lambda: setattr(S(), 'x', 1), lambda: delattr(C(), 'zz'),
         lambda: setattr(1, 'x', 2), lambda: setattr(object(), 'x', 1)]
for c in cases:
    try:
        c()
    except AttributeError as e:
        print(type(e).__name__, e)
import math
try:
    math.nope
except AttributeError as e:
    print(type(e).__name__, e)
