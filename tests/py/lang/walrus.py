# assignment expressions :=
data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print('long list', n)
print([y for x in data if (y := x * 2) > 10])
print(y)
line_iter = iter(['a', 'b', ''])
while (line := next(line_iter)):
    print('line', line)
print((z := 5) + z)
def f():
    if (v := 10) > 5:
        return v
print(f())
vals = [(w := i) for i in range(3)]
print(vals, w)
print(any((hit := v) > 10 for v in data), hit)
try:
    exec('(a.b := 1)')
except SyntaxError as e:
    print(type(e).__name__)
