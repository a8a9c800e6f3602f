# conditional expressions
for n in range(-1, 2):
    print('neg' if n < 0 else 'zero' if n == 0 else 'pos')
x = [] if False else [1]
print(x)
f = (lambda v: 'even' if v % 2 == 0 else 'odd')
print([f(i) for i in range(4)])
print((1 if True else 1 / 0), (1 / 0 if False else 2))
y = 3
z = y * 2 if y > 2 else y
print(z, [a if a else '-' for a in [0, 1, '', 'b']])
