# f-strings
name, n, pi = 'world', 42, 3.14159
print(f'hello {name}', F"n={n}", f'{n + 1}', f'{name.upper()}')
print(f'{pi:.2f}', f'{n:5d}|', f'{n:<5}|', f'{n:^7}|', f'{n:>6}|', f'{n:05}', f'{n:x}', f'{n:#b}')
print(f'{{literal braces}}', f'{{{n}}}')
print(f'{"quoted"}', f"{'single'}", f'''{name!r}''')
print(f'{1_000_000:,}', f'{1234567.891:,.2f}', f'{0.25:%}', f'{0.25:.1%}', f'{12345:_}')
print(f'{3:+}', f'{-3:+}', f'{3: }', f'{1e10:e}', f'{1e10:g}', f'{123.456:g}')
d = {'k': 'v'}
print(f"{d['k']}", f'{[1, 2, 3][1]}', f'{len(d)}')
print(f'{name:*^11}', f'{"x":->4}', f'{n:=+8}')
x = 10
print(f'{x if x > 5 else 0}', f'{(lambda: 7)()}')
print(f'{x}' f'{x}', 'plain' f'{x}')
print(f'multi {x} and {name} and {pi!s:>8}')
