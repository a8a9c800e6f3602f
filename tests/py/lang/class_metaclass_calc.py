# type(name, bases, ns) picks the most derived metaclass, hands the call to it when it has its own __new__, and refuses a conflict.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class M1(type): pass
class M2(M1): pass
class M3(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
class C(metaclass=M3): pass
show(lambda: type(type('X', (A,), {})))
show(lambda: type(type('X', (A, B), {})))
show(lambda: type(M1('X', (B,), {})))
show(lambda: type('X', (A, C), {}))
show(lambda: M1('X', (C,), {}))
show(lambda: type.__new__(type, 'X', (B,), {}))
show(lambda: type(type.__new__(M1, 'X', (B,), {})))
show(lambda: type('X', (1,), {}))
show(lambda: type('X', (), []))
show(lambda: type('X', [], {}))
show(lambda: type(1, (), {}))
show(lambda: type('X'))
show(lambda: type('X', ()))
show(lambda: type('X', (), {}, 1))
show(lambda: type('X', (), {}, x=1))
show(lambda: type('X', (int, str), {}))
show(lambda: type('X', (bool,), {}))
class Q(type):
    def __new__(m, *a, **k): print('Q.__new__', k); return super().__new__(m, *a)
show(lambda: type('X', (A,), {}, extra=1))
show(lambda: type(Q('Y', (B,), {}, extra=2)))
