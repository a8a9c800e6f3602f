# StopIteration from class iterator in yield from
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2: raise StopIteration("it-ret")
        return self.i
def yf():
    r = yield from It()
    print("yield from result", r)
print(list(yf()))
class X(list[int]): pass
print(X.__mro__, X([1]))
