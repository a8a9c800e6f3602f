x = -2**2
y = 2**-1
z = not a == b
w = a if b else c if d else e
v = a or b and not c
u = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** n
t = ~a + -b - +c
s = a < b <= c > d >= e == f != g is h is not i in j not in k
r = (a, b) + [c, d]
q = x[1:2, ::3] + x[::] + x[a:b:c] + x[:, 1] + x[1:] + x[:2] + x[...]
p = a.b.c(d)[e].f
o = lambda: 0
n = lambda x, y=1, *a, z, w=2, **k: x
m = lambda x, /, y: x
l = lambda *, a: a
k = -(-(-1))
j = await_ = 1
