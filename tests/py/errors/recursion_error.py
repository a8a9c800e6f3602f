# deep recursion raises RecursionError, and the program goes on
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(500))
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
try:
    count(1000)
except RecursionError as e:
    print('limited', type(e).__name__)
sys.setrecursionlimit(1000)
print(count(800))
class R:
    def __repr__(self): return repr(self)
try:
    repr(R())
except RecursionError as e:
    print(type(e).__name__, e)
l = []
for i in range(10000):
    l = [l]
try:
    print(len(str(l)))
except RecursionError as e:
    print(type(e).__name__, e)
