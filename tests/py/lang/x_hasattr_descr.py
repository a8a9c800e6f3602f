class S:
    __slots__ = ("a", "b")
    @property
    def p(self): raise AttributeError("nope")
s = S()
s.a = 1
print(hasattr(s, "a"), hasattr(s, "b"), hasattr(s, "p"), hasattr(s, "q"))
print(getattr(s, "b", "dflt"), getattr(s, "p", "dflt2"))
class G:
    def __getattr__(self, n): raise AttributeError(n)
print(hasattr(G(), "x"))
try: object.__new__(1)
except TypeError as e: print(e)
