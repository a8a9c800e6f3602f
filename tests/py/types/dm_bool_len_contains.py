# __bool__, __len__, __contains__
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class B:
    def __init__(self, b): self.b = b
    def __bool__(self): return self.b
    def __len__(self): return 100
print(len(L(3)), bool(L(0)), bool(L(2)), bool(B(False)), bool(B(True)), 'yes' if L(1) else 'no', not L(0))
class Both(L):
    def __contains__(self, x): return x == 'magic'
print('magic' in Both(1), 'other' in Both(1))
try:
    len(L(-1))
except ValueError as e:
    print(type(e).__name__, e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
class NoLen: pass
print(bool(NoLen()))
