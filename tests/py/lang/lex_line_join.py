# Implicit and explicit line joining
total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,   # comment inside brackets
    3,
]
print(items)
d = {
  'a': 1,
      'b': 2,
}
print(d)
def f(a,
      b,
  c):
    return a + b + c
print(f(1,
  2,
        3))
if (1 and
        2):
    print('joined condition')
x = (
    'a'
    'b'
)
print(x)
print(1 +
      2); print(3)
y = 5 ; z = 6
print(y, z)
