# A __context__ chain with a cycle that the new exception is not part of must not
# hang the raise; one that it is part of is cut where it would close.

def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)

try:
    cycle()
except Exception as e:
    exc = e
print(type(exc).__name__, type(exc.__context__).__name__, exc.__context__.__context__ is exc.__context__)

class A(Exception): pass
class B(Exception): pass
class C(Exception): pass
class D(Exception): pass
class E(Exception): pass

try:
    try:
        raise A()
    except A as _a:
        a = _a
        try:
            raise B()
        except B as _b:
            b = _b
            try:
                raise C()
            except C as _c:
                c = _c
                a.__context__ = c
                try:
                    raise D()
                except D as _d:
                    d = _d
                    e = E()
                    raise e
except E as got:
    print(got is e, e.__context__ is d, d.__context__ is c, c.__context__ is b,
          b.__context__ is a, a.__context__ is c)

# re-raising an exception already in the chain cuts the chain before it
try:
    try:
        raise A()
    except A as _a2:
        a2 = _a2
        try:
            raise B()
        except B:
            raise a2
except A as got:
    print(got is a2, type(got.__context__).__name__, got.__context__.__context__)

# a long acyclic chain stays whole
def chain(n):
    try:
        if n: chain(n - 1)
        else: raise KeyError(0)
    except Exception as ex:
        raise ValueError(n)
try:
    chain(50)
except ValueError as v:
    k = 0
    while v.__context__ is not None:
        v = v.__context__; k += 1
    print(k, type(v).__name__)

# a cycle of two that does not include the new exception
try:
    x, y = ValueError('x'), ValueError('y')
    x.__context__ = y; y.__context__ = x
    try:
        raise x
    except ValueError:
        raise RuntimeError('new')
except RuntimeError as r:
    print(r.__context__ is x, x.__context__ is y, y.__context__ is x)
