class BadSN:
    def __set_name__(self, owner, name): raise ValueError("bad set_name")
try:
    class O2:
        x = BadSN()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
class A: pass
class D(A): pass
class E(D, A): pass
print(E.__base__.__name__)
