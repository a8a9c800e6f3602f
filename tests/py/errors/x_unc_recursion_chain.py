def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    raise ValueError("too deep") from e
