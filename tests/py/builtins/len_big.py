# len() of objects whose length passes the immediate-int range, up to sys.maxsize.
import sys, bisect
print(len(range(sys.maxsize)), len(range(-sys.maxsize, 0)), len(range(0, sys.maxsize, 2)))
print(bisect.bisect_left(range(sys.maxsize - 1), sys.maxsize - 3), bisect.bisect_right(range(sys.maxsize - 1), sys.maxsize - 3))
class C:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
for n in (2**48, 2**62, sys.maxsize, sys.maxsize + 1, 2**100, -1, -2**70):
    try: print(len(C(n)))
    except (OverflowError, ValueError) as e: print(type(e).__name__, e)
try: len(range(sys.maxsize + 1))
except OverflowError as e: print(e)
