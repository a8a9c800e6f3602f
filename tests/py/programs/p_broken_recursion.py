# Unbounded recursion: RecursionError after printing some progress.
import sys

def depth(n):
    if n % 200 == 0:
        print("depth", n)
    return depth(n + 1) + 1

sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
try:
    depth(1)
except RecursionError as e:
    print("caught:", e)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3))
print(ackermann(3, 10))
