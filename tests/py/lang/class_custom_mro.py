# a metaclass mro(): called at creation and on __bases__ assignment, its result checked, undone on error
class A(object):
    def f(self): return "A"
class B(A): pass
class C(A):
    def f(self): return "C"
class D(B, C): pass
print(D.mro(), D.__mro__ == tuple(D.mro()))
class PerverseMetaType(type):
    def mro(cls):
        L = type.mro(cls)
        L.reverse()
        return L
class X(D, B, C, A, metaclass=PerverseMetaType): pass
print([k.__name__ for k in X.__mro__], X().f())
for ret in ("[self, dict, object]", "[1]", "1"):
    ns = {}
    exec("class _metaclass(type):\n    def mro(self):\n        return " + ret, ns)
    try:
        class Y(object, metaclass=ns['_metaclass']): pass
    except TypeError as e: print(e)
class M(type):
    def mro(cls):
        print("mro of", cls.__name__, cls.__mro__)
        return type.mro(cls)
class P(metaclass=M): pass
class Q(P): pass
class R(metaclass=M): pass
Q.__bases__ = (R,)
print(Q.__mro__ == (Q, R, object))
class Bad(type):
    def mro(cls):
        if getattr(cls, "fail", False): raise KeyError("no")
        return type.mro(cls)
class S0(metaclass=Bad): pass
class S(metaclass=Bad): pass
class T(S): pass
T.fail = True
try: T.__bases__ = (S0,)
except KeyError as e: print("KeyError", e, T.__bases__, T.__mro__ == (T, S, object))
try: S.__bases__ = (T,)
except TypeError as e: print(e)
class B0: pass
class Gone(type):
    def mro(cls):
        del Gone.mro
        return (B0,)
try:
    class Hidden(metaclass=Gone): pass
except TypeError as e: print(e)
