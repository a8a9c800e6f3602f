# test: timeout=60
# the deepest recursion allowed by the default limit works; beyond it RecursionError
import sys
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(900))
sys.setrecursionlimit(5000)
print(depth(4000))
try:
    depth(100000)
except RecursionError as e:
    print(type(e).__name__, e)
def mutual_a(n): return 'done' if n == 0 else mutual_b(n - 1)
def mutual_b(n): return mutual_a(n)
print(mutual_a(2000))
