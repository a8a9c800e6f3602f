# Nested format specs and nested expressions in f-strings
width, prec = 10, 3
v = 3.14159265
print(f'{v:{width}.{prec}f}|')
print(f'{v:>{width}}|', f'{"ab":{"^"}{width}}|')
items = ['a', 'bb', 'ccc']
print(f'{", ".join(f"<{i}>" for i in items)}')
print(f'{[f"{n:02d}" for n in range(3)]}')
print(f"{f'{1 + 1}'}")
print(f'{ {"a": 1}["a"] }')
fill = '0'
print(f'{42:{fill}>{width}}')
print(f'{dict(a=1)}', f'{(1, 2)}', f'{ {1, 2} }')
