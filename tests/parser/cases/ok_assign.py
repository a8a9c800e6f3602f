a = b = c = 1
a, b = b, a
[a, b] = 1, 2
a, *b = c
(a, b), c = d
a.b = 1
a[0] = 1
a[1:2] = x
x += 1
x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6; x >>= 7; x <<= 8; x &= 9; x ^= 10; x |= 11; x @= 12
a.b += 1
a[0] -= 1
x: int
x: int = 1
a.b: str = "x"
a[0]: int
(x): int = 2
x = yield
x = yield from y
x = yield 1, 2
a = *b, c
for x, in y: pass
