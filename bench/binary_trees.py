def make(d):
    return (None, None) if d == 0 else (make(d - 1), make(d - 1))
def check(t):
    l, r = t
    return 1 if l is None else 1 + check(l) + check(r)
max_depth = 16
long_lived = make(max_depth)
for d in range(4, max_depth + 1, 2):
    iters = 2 ** (max_depth - d + 4)
    c = 0
    for _ in range(iters):
        c += check(make(d))
    print(iters, d, c)
print(check(long_lived))
