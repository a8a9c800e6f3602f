print('hello', end='')
print()
print(*args, sep='', file=f)
