a, b = 1, 2
a, b = b, a
print(a, b)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, [b, c]] = [4, [5, 6]]
print(a, b, c)
first, *rest = range(5)
*init, last = "hello"
head, *mid, tail = [1, 2]
print(first, rest, init, last, head, mid, tail)
a, *b, c, d = 1, 2, 3, 4, 5, 6
print(a, b, c, d)
(x, *y), z = "abc", 9
print(x, y, z)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()): print(i, k, v)
for a, *b in [(1, 2, 3), (4,)]: print(a, b)
try: a, b = 1, 2, 3
except ValueError as e: print(e)
try: a, b, c = 1, 2
except ValueError as e: print(e)
try: a, *b, c = [1]
except ValueError as e: print(e)
try: a, b = 1
except TypeError as e: print(e)
try: a, = []
except ValueError as e: print(e)
x = y = z = []
x.append(1); print(y, z is x)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 5
print(i, lst)
class O: pass
o = O()
o.a, o.b = "ab"
d = {}
d["k"], d["j"] = o.b, o.a
print(o.a, o.b, d)
lst = [1, 2, 3, 4, 5, 6]
lst[1:3] = ["x", "y", "z"]
print(lst)
lst[::2] = [0, 0, 0, 0]
print(lst)
try: lst[::2] = [1]
except ValueError as e: print(e)
del lst[::3]
print(lst)
lst[:] = []
print(lst)
# starred in literals and calls
t = (*range(3), *"ab")
l = [*t, *[9]]
s = {*l, *"ab"}
d1 = {"a": 1}; d2 = {"b": 2, "a": 3}
m = {**d1, **d2, "c": 4}
print(t, l, sorted(map(str, s)), m, {**{}}, [*()])
def f(*args, **kw): return args, kw
print(f(*[1, 2], *(3,), x=1, **{"y": 2}, **{"z": 3}))
try: f(**{"x": 1}, x=2)
except TypeError as e: print(e)
try: f(*5)
except TypeError as e: print(e)
try: f(**[1])
except TypeError as e: print(e)
print(*[1, 2], sep="-")
# augmented assignment on attributes, subscripts, with side effects
def idx():
    print("idx called")
    return 0
arr = [10]
arr[idx()] += 5
print(arr)
class Obj:
    def __init__(self): self.v = 1
ob = Obj()
ob.v += 1; ob.v *= 10; ob.v //= 3; ob.v **= 2; ob.v %= 7; ob.v <<= 3; ob.v >>= 1; ob.v |= 1; ob.v &= 13; ob.v ^= 5; ob.v -= 1
print(ob.v)
f1 = 2.0; f1 /= 4; f1 -= 0.25; print(f1)
st = "ab"; st *= 3; st += "!"; print(st)
tp = (1,); tp += (2,); print(tp)
ls = [1]; ls2 = ls; ls += [2]; print(ls2, ls is ls2)
ls *= 2; print(ls2)
# walrus
if (n := len("hello")) > 3: print("long", n)
while (chunk := [1, 2, 3][:n - 3]) and n > 3:
    print(chunk); n -= 1
print([y for x in range(5) if (y := x * x) % 2])
print((w := 10), w)
def fw(a=(dflt := 5)): return a
print(fw(), dflt)
print(f"{(q := 3) * 2} {q}")
# conditional, chained comparisons, boolean ops return values
print(0 or "x", 1 and 2, "" and 1, None or 0 or [], not [], 1 if 0 else 2)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, (1 == 1) in [True], 1 < 2 > 0, "a" < "b" <= "b" != "c")
def side(v):
    print("side", v)
    return v
print(side(1) < side(0) < side(5))
print(side(0) and side(1), side(1) or side(2))
print(None is None, [] is not [], 1 in [1] not in [[1]])
# precedence
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, not 1 == 2, 1 + 2 * 3 - 4 / 2, 7 // 2 * 3 % 4, ~5 & 3 | 8 ^ 1, 1 << 2 + 1, -~3, +-+1)
print(1 if True else 2 if False else 3, (lambda: 1 if False else 2)())
print(not 1 + 1, 3 & 5 == 1, (3 & 5) == 1, 2 * 3 ** 2, -3 % 5, -3 // 2, 3 % -5, -7 % -3, divmod(-7, 2))
# slices
s = "abcdefgh"
print(s[::-1], s[1:-1:2], s[-3:], s[:-3], s[10:], s[-100:2], s[::3], s[5:1:-1], s[slice(1, 4)], s[slice(None, None, -2)])
L = list(range(10))
print(L[2:8:3], L[-1:-5:-2], L[::-3], L[1:1], L[8:2])
print(slice(1, 2, 3), slice(5).indices(3) if hasattr(slice, "indices") else "", slice(None, None, -1).indices(5))
try: L[::0]
except ValueError as e: print(e)
try: L["a"]
except TypeError as e: print(e)
try: L[1.5]
except TypeError as e: print(e)
# ellipsis and misc literals
print(..., Ellipsis is ..., type(...).__name__, NotImplemented, type(None)())
# del forms
dd = {"a": 1, "b": 2}; del dd["a"]; print(dd)
ll = [1, 2, 3, 4]; del ll[0], ll[-1]; print(ll)
zz = 1; del zz
try: zz
except NameError as e: print(e)
class DA: x = 1
del DA.x; print(hasattr(DA, "x"))
(aa, bb) = [1, 2]; del (aa, bb)
try: print(aa)
except NameError as e: print(e)
