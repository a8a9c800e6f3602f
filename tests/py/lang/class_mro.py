# multiple inheritance and C3 MRO
class A:
    def who(self): return 'A'
class B(A):
    def who(self): return 'B' + super().who()
class C(A):
    def who(self): return 'C' + super().who()
class D(B, C):
    def who(self): return 'D' + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class V(Z, W): pass
print([k.__name__ for k in V.__mro__])
try:
    class Bad(X, Z): pass
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(D, A), issubclass(A, D), issubclass(D, (int, C)))
class M1:
    attr = 'm1'
class M2:
    attr = 'm2'
    only2 = 'only in m2'
class M(M1, M2): pass
print(M.attr, M.only2)
print(D.__bases__ == (B, C), object.__bases__, A.__base__ is object)
